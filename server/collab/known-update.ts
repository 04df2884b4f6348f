import * as Y from 'yjs';

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * Whether `doc` already holds everything `decoded` brings: every item, and
 * every deletion already made. A reconnecting client that typed before the
 * server's sync request reached it answers that request with lines it has
 * also sent one by one, and its answer always carries its whole delete set;
 * stored again, such an answer is a row that changes nothing. Costs a lookup
 * per item and a walk of the deleted ranges, never of the document.
 */
export function isAlreadyApplied(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  const { store } = doc;
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(store, struct.id.client)) return false;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = store.clients.get(client);
    for (const { clock, len } of ranges) {
      // An empty range is refused by the integrity check, with its reason.
      if (!structs || len <= 0 || clock + len > Y.getState(store, client)) return false;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) {
        if (!structs[i]!.deleted) return false;
      }
    }
  }
  return true;
}

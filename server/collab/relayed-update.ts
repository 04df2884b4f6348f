import * as Y from 'yjs';

/**
 * Applies `updates` to `doc` and returns what to send a peer that was in
 * step with `doc` before, so that it is in step after; null if they brought
 * nothing new.
 *
 * Yjs offers the same as its `update` event, but only by encoding every
 * transaction again, and writing a text item that grew by appends slices its
 * whole string: a writer's long run made each relay cost O(its length), a
 * quarter of the server's time under a steady writer. So one update applied
 * to a document with nothing pending is relayed from its own bytes: as it
 * came when all it holds is new, else without what the document already
 * had — ids already used may come with other content, which the document
 * ignores and a peer still missing them must not take instead. Several
 * updates, one applied while another waits for what it builds on, or one
 * after which Yjs deleted formatting marks it made redundant, are relayed as
 * the difference from the state before, so that it carries whatever they
 * let in.
 */
export function applyAndRelay(doc: Y.Doc, updates: readonly Uint8Array[], origin: unknown): Uint8Array | null {
  const { store } = doc;
  const single = updates.length === 1 && store.pendingStructs === null && store.pendingDs === null ? updates[0]! : null;
  const allNew = single !== null && onlyNewItems(store, single);
  /** The state before, as the first transaction read it: encoded only when the bytes cannot go as they came. */
  let stateBefore = undefined as Map<number, number> | undefined;
  let changed = false;
  /** Whether Yjs deleted anything of its own accord (redundant formatting marks), which the update does not carry. */
  let derived = false;
  const noteChange = (transaction: Y.Transaction) => {
    stateBefore ??= transaction.beforeState;
    const deletes = transaction.deleteSet.clients.size > 0;
    changed ||= deletes || advanced(transaction);
    derived ||= transaction.local && deletes;
  };
  doc.on('afterTransaction', noteChange);
  try {
    for (const update of updates) Y.applyUpdate(doc, update, origin);
  } finally {
    doc.off('afterTransaction', noteChange);
  }
  // Held back for what it builds on is new too: the peer holds it back likewise until that comes.
  const heldBack = single !== null && (store.pendingStructs !== null || store.pendingDs !== null);
  if (!changed && !heldBack) return null;
  if (allNew && !derived) return single;
  const before = Y.encodeStateVector(stateBefore!);
  return single === null || derived ? Y.encodeStateAsUpdate(doc, before) : Y.diffUpdate(single, before);
}

/** Whether every struct of `update` starts at or after what `store` holds of its writer. */
function onlyNewItems(store: Y.Doc['store'], update: Uint8Array): boolean {
  for (const [client, clock] of Y.parseUpdateMeta(update).from) if (clock < Y.getState(store, client)) return false;
  return true;
}

function advanced(transaction: Y.Transaction): boolean {
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true;
  return false;
}

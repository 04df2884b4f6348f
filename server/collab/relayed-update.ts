import * as Y from 'yjs';

/**
 * Applies `updates` to `doc` and returns what to send a peer that was in
 * step with `doc` before, so that it is in step after; null if they brought
 * nothing new.
 *
 * Yjs offers the same as its `update` event, but only by encoding every
 * transaction again, and writing a text item that grew by appends slices its
 * whole string: a writer's long run made each relay cost O(its length), a
 * quarter of the server's time under a steady writer. One update applied to
 * a document with nothing pending is relayed as it came instead: the peer
 * gets what the server got. Otherwise (several updates, or an update that
 * completes one held back for what it builds on) the difference is encoded
 * from the state vector, once, so that it carries what was pending too.
 */
export function applyAndRelay(doc: Y.Doc, updates: readonly Uint8Array[], origin: unknown): Uint8Array | null {
  const { store } = doc;
  const alone = updates.length === 1 && store.pendingStructs === null && store.pendingDs === null;
  const stateBefore = alone ? null : Y.encodeStateVector(doc);
  let changed = false;
  const noteChange = (transaction: Y.Transaction) => {
    changed ||= transaction.deleteSet.clients.size > 0 || advanced(transaction);
  };
  doc.on('afterTransaction', noteChange);
  try {
    for (const update of updates) Y.applyUpdate(doc, update, origin);
  } finally {
    doc.off('afterTransaction', noteChange);
  }
  if (alone) {
    // Held back for what it builds on is new too: the peer holds it back likewise until that comes.
    const heldBack = store.pendingStructs !== null || store.pendingDs !== null;
    return changed || heldBack ? updates[0]! : null;
  }
  return changed ? Y.encodeStateAsUpdate(doc, stateBefore!) : null;
}

function advanced(transaction: Y.Transaction): boolean {
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true;
  return false;
}

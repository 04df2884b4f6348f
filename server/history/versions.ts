import * as Y from 'yjs';

type DeleteSet = Y.Snapshot['ds'];

/** What a version keeps: the changes since the version before, and where the document stood. */
export interface VersionChanges {
  /**
   * A Yjs update: every item written since the previous version's state
   * vector, and the deletions made since (not the whole delete set, which
   * grows with the document's life).
   */
  changes: Uint8Array;
  /** Y.encodeSnapshot: the state vector and whole delete set, which the next version is taken against. */
  snapshot: Uint8Array;
  /** Whether anything changed since the previous version. */
  changed: boolean;
}

/**
 * What `doc` holds beyond the version whose snapshot is `previous` (null when
 * there is none yet). The server's documents drop deleted text (Yjs garbage
 * collection), so a version cannot be rebuilt from the live document later:
 * it keeps its own increment instead, which is small — what was written
 * since, and the ranges deleted since.
 */
export function captureChanges(doc: Y.Doc, previous: Uint8Array | null): VersionChanges {
  const now = Y.snapshot(doc);
  const before = previous ? Y.decodeSnapshot(previous) : Y.emptySnapshot;
  const update = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(before.sv));
  return {
    changes: withDeleteSet(update, now.ds, subtractDeleteSets(now.ds, before.ds)),
    snapshot: Y.encodeSnapshot(now),
    changed: !previous || !Y.equalSnapshots(before, now),
  };
}

/** A delete set as an update ends with it (a snapshot's encoding is the delete set, then the state vector). */
function encodeDeleteSet(ds: DeleteSet): Uint8Array {
  const encoded = Y.encodeSnapshot(Y.createSnapshot(ds, new Map()));
  return encoded.subarray(0, encoded.length - 1);
}

/**
 * `update` (whose delete set is `whole`) with `part` as its delete set
 * instead. A V1 update is its structs, then its delete set, encoded as a
 * snapshot encodes one; should the bytes not end as expected, the update
 * is kept as it is, which is correct, only larger.
 */
function withDeleteSet(update: Uint8Array, whole: DeleteSet, part: DeleteSet): Uint8Array {
  const tail = encodeDeleteSet(whole);
  const start = update.length - tail.length;
  if (start < 0 || !tail.every((byte, i) => update[start + i] === byte)) return update;
  const replacement = encodeDeleteSet(part);
  const result = new Uint8Array(start + replacement.length);
  result.set(update.subarray(0, start));
  result.set(replacement, start);
  return result;
}

/** The ranges of `a` that `b` does not hold. */
export function subtractDeleteSets(a: DeleteSet, b: DeleteSet): DeleteSet {
  const result = Y.createDeleteSet();
  for (const [client, ranges] of a.clients) {
    const removed = [...(b.clients.get(client) ?? [])].sort((x, y) => x.clock - y.clock);
    const kept: Array<{ clock: number; len: number }> = [];
    for (const range of [...ranges].sort((x, y) => x.clock - y.clock)) {
      let start = range.clock;
      const end = range.clock + range.len;
      for (const cut of removed) {
        if (cut.clock + cut.len <= start || cut.clock >= end) continue;
        if (cut.clock > start) kept.push({ clock: start, len: cut.clock - start });
        start = Math.max(start, cut.clock + cut.len);
      }
      if (start < end) kept.push({ clock: start, len: end - start });
    }
    if (kept.length > 0) result.clients.set(client, kept as never);
  }
  return result;
}

/**
 * Replays versions' changes, oldest first, into a document that keeps
 * deleted text, and answers the snapshot at each version asked for: after
 * replaying a version's changes, the document stands exactly at it.
 */
export function replayHistory(
  versions: ReadonlyArray<{ number: number; changes: Uint8Array }>,
  at: Iterable<number> = [],
): { history: Y.Doc; snapshots: Map<number, Y.Snapshot> } {
  const wanted = new Set(at);
  const history = new Y.Doc({ gc: false });
  const snapshots = new Map<number, Y.Snapshot>();
  for (const { number, changes } of versions) {
    Y.applyUpdate(history, changes);
    if (wanted.has(number)) snapshots.set(number, Y.snapshot(history));
  }
  return { history, snapshots };
}

/** A document holding only what `doc` shows, deleted text dropped: to send. */
export function visibleCopy(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Whether the character `clock` of `client` is in the document at `snapshot`. */
export function visibleAt(snapshot: Y.Snapshot, client: number, clock: number): boolean {
  return clock < (snapshot.sv.get(client) ?? 0) && !Y.isDeleted(snapshot.ds, Y.createID(client, clock));
}

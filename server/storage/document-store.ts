/**
 * Where document content is kept. The collaboration layer only talks to this
 * interface, so another engine (PostgreSQL) can take SQLite's place without
 * touching the sync code.
 */
export interface StoredDocument {
  /** Updates to apply in order: the snapshot, if any, then the tail. */
  updates: Uint8Array[];
  /** Sequence number of the last update included; 0 when nothing is stored. */
  throughSeq: number;
  /** How many of `updates` are tail updates not yet folded into the snapshot. */
  tailLength: number;
  /** Bytes of the snapshot (0 without one) and of the tail updates. */
  snapshotBytes: number;
  tailBytes: number;
}

export interface DocumentStore {
  load(documentId: string): Promise<StoredDocument>;
  /**
   * Appends an update durably. The promise resolves with the update's
   * sequence number only once it is committed, so a caller that waits for it
   * before broadcasting never shows anyone an edit that a crash could lose.
   */
  append(documentId: string, update: Uint8Array): Promise<number>;
  /** Removes an appended update the document refused, so a restart does not apply it either. */
  discard(documentId: string, seq: number): Promise<void>;
  /** Atomically replaces the snapshot and drops the tail updates it covers (seq <= throughSeq). */
  compact(documentId: string, snapshot: Uint8Array, throughSeq: number): Promise<void>;
  /** Resolves once every append issued so far is committed. */
  flush(): Promise<void>;
}

import type { Db } from './database';
import type { DocumentStore, StoredDocument } from './document-store';

interface PendingAppend {
  documentId: string;
  data: Uint8Array;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

export type StoreKind = 'document' | 'discussion' | 'board';
type UpdatesTable = `${StoreKind}_updates`;
type SnapshotsTable = `${StoreKind}_snapshots`;

/** Two bound values per row; SQLite allows 32,766 per statement. */
const ROWS_PER_INSERT = 1000;

/**
 * Document content in SQLite, with group commit: the updates received during
 * one turn of the event loop are written in one transaction at the end of
 * that turn, so a burst of edits costs one commit (and one fsync), not one
 * each. Nothing is acknowledged before its transaction has committed.
 */
export class SqliteDocumentStore implements DocumentStore {
  #queue: PendingAppend[] = [];
  #scheduled = false;
  #writing: Promise<void> = Promise.resolve();
  protected readonly updates: UpdatesTable;
  protected readonly snapshots: SnapshotsTable;

  /** `kind`: which of a document's Yjs documents this store keeps, its content, its discussion or a workshop's board. */
  constructor(
    protected readonly db: Db,
    protected readonly kind: StoreKind = 'document',
  ) {
    this.updates = `${kind}_updates`;
    this.snapshots = `${kind}_snapshots`;
  }

  async load(documentId: string): Promise<StoredDocument> {
    return this.db.transaction().execute(async (trx) => {
      const snapshot = await trx
        .selectFrom(this.snapshots)
        .select(['data', 'through_seq'])
        .where('document_id', '=', documentId)
        .executeTakeFirst();
      const tail = await trx
        .selectFrom(this.updates)
        .select(['seq', 'data'])
        .where('document_id', '=', documentId)
        .where('seq', '>', snapshot?.through_seq ?? 0)
        .orderBy('seq')
        .execute();
      const tailData = tail.map((r) => r.data);
      return {
        updates: snapshot ? [snapshot.data, ...tailData] : tailData,
        throughSeq: tail.at(-1)?.seq ?? snapshot?.through_seq ?? 0,
        tailLength: tail.length,
        snapshotBytes: snapshot?.data.byteLength ?? 0,
        tailBytes: tailData.reduce((sum, u) => sum + u.byteLength, 0),
      };
    });
  }

  append(documentId: string, data: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ documentId, data, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        // After the poll phase: every frame read in this turn joins the batch.
        setImmediate(() => {
          this.#writing = this.#writing.then(() => this.#writeBatch());
        });
      }
    });
  }

  async #writeBatch(): Promise<void> {
    this.#scheduled = false;
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 0) return;
    try {
      const now = Date.now();
      const seqs = await this.db.transaction().execute(async (trx) => {
        const assigned: number[] = [];
        for (let i = 0; i < batch.length; i += ROWS_PER_INSERT) {
          const rows = batch.slice(i, i + ROWS_PER_INSERT);
          const inserted = await trx
            .insertInto(this.updates)
            .values(rows.map((p) => ({ document_id: p.documentId, data: p.data })))
            .returning('seq')
            .execute();
          // Rows of one INSERT get increasing sequence numbers in VALUES order.
          assigned.push(...inserted.map((r) => r.seq).sort((a, b) => a - b));
        }
        const touched = [...new Set(batch.map((p) => p.documentId))];
        await trx.updateTable('documents').set({ updated_at: now }).where('id', 'in', touched).execute();
        return assigned;
      });
      batch.forEach((p, i) => p.resolve(seqs[i]!));
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  async discard(documentId: string, seq: number): Promise<void> {
    await this.db.deleteFrom(this.updates).where('document_id', '=', documentId).where('seq', '=', seq).execute();
  }

  async compact(documentId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto(this.snapshots)
        .values({ document_id: documentId, data: snapshot, through_seq: throughSeq, updated_at: Date.now() })
        .onConflict((oc) =>
          oc.column('document_id').doUpdateSet({ data: snapshot, through_seq: throughSeq, updated_at: Date.now() }),
        )
        .execute();
      await trx
        .deleteFrom(this.updates)
        .where('document_id', '=', documentId)
        .where('seq', '<=', throughSeq)
        .execute();
    });
  }

  async flush(): Promise<void> {
    while (this.#scheduled || this.#queue.length > 0) {
      await new Promise((r) => setImmediate(r));
      await this.#writing;
    }
    await this.#writing;
  }
}

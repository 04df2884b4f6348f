import { sql } from 'kysely';
import * as Y from 'yjs';
import type { StoredDocument } from './document-store';
import { SqliteDocumentStore, type StoreKind, type UpdateRow } from './sqlite-document-store';

/** First key of the compaction lock, one per kind of room; the second is the document id's hash. */
const COMPACTION_LOCK: Record<StoreKind, number> = { document: 0x456e5301, discussion: 0x456e5302, board: 0x456e5303 };
/** Two bound values per row; PostgreSQL allows 65,535 per statement. */
const ROWS_PER_INSERT = 1000;

/**
 * Document content in PostgreSQL, shared by several server instances. Appends
 * are grouped as in the SQLite store: one transaction per turn of the event
 * loop, nothing acknowledged before it has committed. What differs comes from concurrent writers:
 *
 * - Sequence numbers are taken when a row is inserted, not when it commits,
 *   so another instance's update may become visible after a higher one. The
 *   snapshot's `through_seq` therefore does not divide the log: every row
 *   still in the table is one no snapshot holds, and a load reads them all.
 * - An instance's memory may lack another's latest updates (still on their
 *   way through the fan-out). Compaction therefore folds what the database
 *   holds — the snapshot and the rows up to `throughSeq` — with what the
 *   caller holds, and deletes exactly the rows it folded, under a per-document advisory lock
 *   so that exactly one instance compacts a document at a time.
 */
export class PostgresDocumentStore extends SqliteDocumentStore {
  override async load(documentId: string): Promise<StoredDocument> {
    // One snapshot of the database for both reads: a compaction between them would hide rows.
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const snapshot = await trx
          .selectFrom(this.snapshots)
          .select(['data', 'through_seq'])
          .where('document_id', '=', documentId)
          .executeTakeFirst();
        const tail = await trx.selectFrom(this.updates).select(['seq', 'data']).where('document_id', '=', documentId).orderBy('seq').execute();
        const tailData = tail.map((r) => r.data);
        return {
          updates: snapshot ? [snapshot.data, ...tailData] : tailData,
          throughSeq: Math.max(tail.at(-1)?.seq ?? 0, snapshot?.through_seq ?? 0),
          tailLength: tail.length,
          snapshotBytes: snapshot?.data.byteLength ?? 0,
          tailBytes: tailData.reduce((sum, u) => sum + u.byteLength, 0),
        };
      });
  }

  protected override insertBatch(batch: readonly UpdateRow[], now: number): Promise<number[]> {
    return this.db.transaction().execute(async (trx) => {
      const assigned: number[] = [];
      for (let i = 0; i < batch.length; i += ROWS_PER_INSERT) {
        const rows = batch.slice(i, i + ROWS_PER_INSERT);
        const inserted = await trx
          .insertInto(this.updates)
          .values(rows.map((row) => ({ document_id: row.documentId, data: row.data })))
          .returning('seq')
          .execute();
        // Rows of one INSERT get increasing sequence numbers in VALUES order.
        assigned.push(...inserted.map((r) => r.seq).sort((a, b) => a - b));
      }
      const touched = [...new Set(batch.map((row) => row.documentId))];
      await trx.updateTable('documents').set({ updated_at: now }).where('id', 'in', touched).execute();
      return assigned;
    });
  }

  /** A PostgreSQL commit is durable when it returns. */
  protected override committedDurably(): Promise<void> {
    return Promise.resolve();
  }

  override async compact(documentId: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${COMPACTION_LOCK[this.kind]}::int, hashtext(${documentId}))`.execute(trx);
      // Read after the lock: a compaction that ran meanwhile has committed, and its result is seen.
      const stored = await trx
        .selectFrom(this.snapshots)
        .select(['data', 'through_seq'])
        .where('document_id', '=', documentId)
        .executeTakeFirst();
      const foldedThrough = Math.max(throughSeq, stored?.through_seq ?? 0);
      const rows = await trx
        .selectFrom(this.updates)
        .select(['seq', 'data'])
        .where('document_id', '=', documentId)
        .where('seq', '<=', foldedThrough)
        .orderBy('seq')
        .execute();
      const doc = new Y.Doc();
      for (const update of [snapshot, ...(stored ? [stored.data] : []), ...rows.map((r) => r.data)]) {
        try {
          Y.applyUpdate(doc, update);
        } catch {
          // A row that does not apply is dropped, as loading skips it.
        }
      }
      const folded = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const now = Date.now();
      await trx
        .insertInto(this.snapshots)
        .values({ document_id: documentId, data: folded, through_seq: foldedThrough, updated_at: now })
        .onConflict((oc) => oc.column('document_id').doUpdateSet({ data: folded, through_seq: foldedThrough, updated_at: now }))
        .execute();
      if (rows.length > 0) {
        await trx
          .deleteFrom(this.updates)
          .where('document_id', '=', documentId)
          .where(sql<boolean>`seq = ANY(${rows.map((r) => r.seq)}::bigint[])`)
          .execute();
      }
    });
  }
}

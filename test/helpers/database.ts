import path from 'node:path';
import SQLite from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { newId } from '../../server/services/ids';
import type { Db } from '../../server/storage/database';
import { insertDocument } from '../../server/storage/documents-repository';
import { DATABASE_FILE } from '../../server/storage/sqlite';

/** Reads a server's SQLite file directly, to check what is really stored. */
export function inspectDatabase(dataDir: string) {
  const db = new SQLite(path.join(dataDir, DATABASE_FILE), { readonly: true });
  onTestFinished(() => {
    if (db.open) db.close();
  });
  return {
    updateRows: (documentId: string) =>
      (db.prepare('SELECT count(*) AS n FROM document_updates WHERE document_id = ?').get(documentId) as { n: number }).n,
    hasSnapshot: (documentId: string) =>
      db.prepare('SELECT 1 FROM document_snapshots WHERE document_id = ?').get(documentId) !== undefined,
    /** The document as storage alone holds it: its snapshot, then the updates after it, in order. */
    storedDocument(documentId: string): Y.Doc {
      const snapshot = db
        .prepare('SELECT data, through_seq FROM document_snapshots WHERE document_id = ?')
        .get(documentId) as { data: Uint8Array; through_seq: number } | undefined;
      const tail = db
        .prepare('SELECT data FROM document_updates WHERE document_id = ? AND seq > ? ORDER BY seq')
        .all(documentId, snapshot?.through_seq ?? 0) as Array<{ data: Uint8Array }>;
      const doc = new Y.Doc();
      for (const update of [...(snapshot ? [snapshot.data] : []), ...tail.map((row) => row.data)]) Y.applyUpdate(doc, update);
      return doc;
    },
    /** Closes the file before the test ends, e.g. so that the server's own close is its last. */
    close: () => {
      if (db.open) db.close();
    },
    /** Ids of the stored sessions: the hashes of their tokens. */
    sessionIds: () => (db.prepare('SELECT id FROM sessions').all() as Array<{ id: string }>).map((row) => row.id),
  };
}

/** A document row straight in storage, for tests below the service layer. */
export async function insertTestDocument(db: Db, title: string): Promise<{ id: string }> {
  const now = Date.now();
  return insertDocument(db, { id: newId(), project_id: null, title, created_at: now, updated_at: now });
}

import type { Db, DocumentRow, NewDocumentRow } from './database';

export function listProjectDocuments(db: Db, projectId: string): Promise<DocumentRow[]> {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
}

export function findDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDocument(db: Db, row: NewDocumentRow): Promise<DocumentRow> {
  return db.insertInto('documents').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateDocumentTitle(db: Db, id: string, title: string, now: number): Promise<DocumentRow | undefined> {
  return db
    .updateTable('documents')
    .set({ title, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

import { sql } from 'kysely';
import type { Db, DocumentVersionsTable } from './database';

export type VersionRow = Omit<DocumentVersionsTable, 'changes' | 'snapshot'> & { bytes: number };

/** Every column but the stored changes, with what the version costs in storage. */
const SUMMARY_COLUMNS = [
  'id',
  'document_id',
  'number',
  'kind',
  'name',
  'created_at',
  'created_by',
  'restored_from',
  'characters',
  'authors',
  sql<number>`length(changes) + coalesce(length(snapshot), 0)`.as('bytes'),
] as const;

/** Versions of documents, newest first. */
export function listVersions(db: Db, documentIds: string[], limit = 1000): Promise<VersionRow[]> {
  return db
    .selectFrom('document_versions')
    .select(SUMMARY_COLUMNS)
    .where('document_id', 'in', documentIds.length > 0 ? documentIds : [''])
    .orderBy('created_at', 'desc')
    .orderBy('number', 'desc')
    .limit(limit)
    .execute();
}

export function findVersion(db: Db, documentId: string, versionId: string): Promise<VersionRow | undefined> {
  return db.selectFrom('document_versions').select(SUMMARY_COLUMNS).where('document_id', '=', documentId).where('id', '=', versionId).executeTakeFirst();
}

export function versionsByIds(db: Db, versionIds: string[]): Promise<VersionRow[]> {
  return db.selectFrom('document_versions').select(SUMMARY_COLUMNS).where('id', 'in', versionIds).execute();
}

/** The newest version's number, time and snapshot: what the next one is taken against. */
export function latestVersion(db: Db, documentId: string) {
  return db
    .selectFrom('document_versions')
    .select(['id', 'number', 'created_at', 'snapshot'])
    .where('document_id', '=', documentId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The changes of every version up to `number`, oldest first: replayed, they give that version. */
export function versionChanges(db: Db, documentId: string, number = Number.MAX_SAFE_INTEGER) {
  return db
    .selectFrom('document_versions')
    .select(['number', 'changes'])
    .where('document_id', '=', documentId)
    .where('number', '<=', number)
    .orderBy('number')
    .execute();
}

/** Adds the newest version; the one before gives up its snapshot, which only the newest needs. */
export async function insertVersion(db: Db, version: DocumentVersionsTable, editors: string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('document_versions').set({ snapshot: null }).where('document_id', '=', version.document_id).execute();
    await trx.insertInto('document_versions').values(version).execute();
    if (editors.length > 0) {
      await trx
        .insertInto('document_version_editors')
        .values(editors.map((user_id) => ({ version_id: version.id, user_id })))
        .execute();
    }
  });
}

/** The editors of each version. */
export function versionEditors(db: Db, versionIds: string[]) {
  return db
    .selectFrom('document_version_editors')
    .select(['version_id', 'user_id'])
    .where('version_id', 'in', versionIds.length > 0 ? versionIds : [''])
    .execute();
}

/** People who had an update stored in a document after `since`. */
export async function editorsSince(db: Db, documentId: string, since: number): Promise<string[]> {
  const rows = await db
    .selectFrom('document_contributors')
    .select('user_id')
    .where('document_id', '=', documentId)
    .where('last_at', '>', since)
    .execute();
  return rows.map((r) => r.user_id);
}

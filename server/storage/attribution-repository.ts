import type { Db } from './database';

/** Records that `clientIds` of a document are `userId`'s; an id already recorded keeps its first owner. */
export async function recordClients(db: Db, documentId: string, clientIds: number[], userId: string, at: number): Promise<void> {
  if (clientIds.length === 0) return;
  await db
    .insertInto('document_clients')
    .values(clientIds.map((client_id) => ({ document_id: documentId, client_id, user_id: userId, first_at: at })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Each recorded client id of a document with its person and their organisation. */
export function documentClients(db: Db, documentIds: string[]) {
  return db
    .selectFrom('document_clients as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'c.document_id',
      'c.client_id',
      'u.id as user_id',
      'u.name',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'o.color as organisation_color',
    ])
    .where('c.document_id', 'in', documentIds.length > 0 ? documentIds : [''])
    .execute();
}

/** Stored edits per person, per document. */
export function editCounts(db: Db, documentIds: string[]) {
  return db
    .selectFrom('document_contributors')
    .select(['document_id', 'user_id', 'edits'])
    .where('document_id', 'in', documentIds.length > 0 ? documentIds : [''])
    .execute();
}

/** People with their organisation's columns. */
export function usersWithOrganisations(db: Db, userIds: string[]) {
  return db
    .selectFrom('users as u')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.name', 'o.id as organisation_id', 'o.name as organisation_name', 'o.kind as organisation_kind', 'o.color as organisation_color'])
    .where('u.id', 'in', userIds.length > 0 ? userIds : [''])
    .execute();
}

import { sql } from 'kysely';
import type { Db } from './database';

/**
 * Records that `clientIds` of a document are `userId`'s, unless already
 * recorded (perhaps by another server instance), and answers who owns each
 * now: the first owner keeps an id.
 */
export async function recordClients(db: Db, documentId: string, clientIds: number[], userId: string, at: number): Promise<Map<number, string>> {
  if (clientIds.length === 0) return new Map();
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('document_clients')
      .values(clientIds.map((client_id) => ({ document_id: documentId, client_id, user_id: userId, first_at: at })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    const rows = await trx
      .selectFrom('document_clients')
      .select(['client_id', 'user_id'])
      .where('document_id', '=', documentId)
      .where('client_id', 'in', clientIds)
      .execute();
    return new Map(rows.map((r) => [r.client_id, r.user_id]));
  });
}

/** A person (`u`) and their organisation (`o`, left-joined), as every attribution query names them. */
const PERSON_COLUMNS = [
  'u.id as user_id',
  'u.name',
  'o.id as organisation_id',
  'o.name as organisation_name',
  'o.kind as organisation_kind',
  'o.color as organisation_color',
] as const;

/** `ids` for an `in` clause, which SQL does not allow empty. */
const anyOf = (ids: readonly string[]) => (ids.length > 0 ? [...ids] : ['']);

/** Each recorded client id of a document with its person and their organisation. */
export function documentClients(db: Db, documentIds: string[]) {
  return db
    .selectFrom('document_clients as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['c.document_id', 'c.client_id', ...PERSON_COLUMNS])
    .where('c.document_id', 'in', anyOf(documentIds))
    .execute();
}

/** Stored edits per person, per document. */
export function editCounts(db: Db, documentIds: string[]) {
  return db
    .selectFrom('document_contributors')
    .select(['document_id', 'user_id', 'edits'])
    .where('document_id', 'in', anyOf(documentIds))
    .execute();
}

/** Workshop notes each person signed, in these documents (workshops). */
export function signedNoteCounts(db: Db, documentIds: string[]) {
  return db
    .selectFrom('workshop_notes')
    .select(['user_id', sql<number>`count(*)`.as('notes')])
    .where('workshop_id', 'in', anyOf(documentIds))
    .where('anonymous', '=', 0)
    .groupBy('user_id')
    .execute();
}

/** People with their organisation's columns. */
export function usersWithOrganisations(db: Db, userIds: string[]) {
  return db
    .selectFrom('users as u')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(PERSON_COLUMNS)
    .where('u.id', 'in', anyOf(userIds))
    .execute();
}

/** Records a credit once per thread; false when the thread's words were credited already. */
export async function insertCredit(
  db: Db,
  credit: { document_id: string; client_id: number; clock: number; length: number; user_id: string; thread_id: string },
): Promise<boolean> {
  const result = await db.insertInto('document_credits').values(credit).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Credits restored characters to their first authors; a range credited already keeps its credit. */
export async function insertCredits(db: Db, documentId: string, credits: ReadonlyArray<{ client: number; clock: number; length: number; userId: string }>): Promise<void> {
  // Five bound values per row; SQLite allows 32,766 per statement.
  for (let i = 0; i < credits.length; i += 5000) {
    await db
      .insertInto('document_credits')
      .values(credits.slice(i, i + 5000).map((c) => ({ document_id: documentId, client_id: c.client, clock: c.clock, length: c.length, user_id: c.userId, thread_id: null })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Credited ranges of documents, with the credited person and their organisation. */
export function documentCredits(db: Db, documentIds: string[]) {
  return db
    .selectFrom('document_credits as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['c.document_id', 'c.client_id', 'c.clock', 'c.length', ...PERSON_COLUMNS])
    .where('c.document_id', 'in', anyOf(documentIds))
    .execute();
}

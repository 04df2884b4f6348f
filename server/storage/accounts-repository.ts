import { type Insertable, sql } from 'kysely';
import type { Db, OrganisationRow, UserRow } from './database';
import type { OrganisationsTable, UsersTable } from './database';
import { isUniqueViolation } from './dialect';

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The first account administers the instance. Whether it is the first is
 * decided inside the INSERT. SQLite runs it alone; PostgreSQL may run two at
 * once, each counting no account, and then the index that allows one
 * administrator refuses the second (migration 0010), which is made again and
 * now counts the first. A second refusal is the email's: the caller's to tell.
 */
export async function insertUser(db: Db, row: Omit<Insertable<UsersTable>, 'is_admin'>): Promise<UserRow> {
  const insert = () =>
    db
      .insertInto('users')
      .values((eb) => ({ ...row, is_admin: eb.selectFrom('users').select(sql<number>`CASE WHEN count(*) = 0 THEN 1 ELSE 0 END`.as('first')) }))
      .returningAll()
      .executeTakeFirstOrThrow();
  try {
    return await insert();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return insert();
  }
}

export async function updateUser(
  db: Db,
  id: string,
  changes: Partial<Pick<UsersTable, 'name' | 'language' | 'organisation_id' | 'password_hash'>>,
): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export function listOrganisations(db: Db): Promise<OrganisationRow[]> {
  return db.selectFrom('organisations').selectAll().orderBy('name').execute();
}

export async function countOrganisations(db: Db): Promise<number> {
  const row = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrganisation(db: Db, row: OrganisationsTable): Promise<void> {
  await db.insertInto('organisations').values(row).execute();
}

export async function insertSession(db: Db, row: { id: string; user_id: string; created_at: number; expires_at: number }) {
  await db.insertInto('sessions').values(row).execute();
}

/** The user of a live session and when it ends; expired sessions are deleted on sight. */
export async function findSessionUser(
  db: Db,
  sessionId: string,
  now: number,
): Promise<{ user: UserRow; expiresAt: number } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select('sessions.expires_at')
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.expires_at <= now) {
    await deleteSession(db, sessionId);
    return undefined;
  }
  const { expires_at: expiresAt, ...user } = row;
  return { user, expiresAt };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Deletes the sessions that have ended, of people who never came back to be told so; resolves with how many. */
export async function deleteExpiredSessions(db: Db, now: number): Promise<number> {
  const { numDeletedRows } = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(numDeletedRows);
}

export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
}

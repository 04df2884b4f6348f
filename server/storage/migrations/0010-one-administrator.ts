import { type Kysely, sql } from 'kysely';

/**
 * One administrator: the first account. The sign-up that decides it counts
 * the accounts within its own INSERT, which SQLite runs alone but
 * PostgreSQL does not: two sign-ups on an empty instance could each count
 * none. With this index the second fails, and is made again as an ordinary
 * account. An instance that already has two keeps the older.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE users SET is_admin = 0 WHERE is_admin = 1 AND id <> (
    SELECT id FROM users WHERE is_admin = 1 ORDER BY created_at, id LIMIT 1
  )`.execute(db);
  await db.schema
    .createIndex('users_one_administrator')
    .on('users')
    .column('is_admin')
    .unique()
    .where(sql.ref('is_admin'), '=', sql.lit(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('users_one_administrator').execute();
}

import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import { postgresForFile } from '../../test/helpers/postgres';
import { insertUser } from './accounts-repository';
import { migrationProvider } from './migrations/index';
import { openPostgresDatabase, postgresColumnTypes } from './postgres';

const postgres = postgresForFile();

async function freshDatabase() {
  const db = await openPostgresDatabase({ url: await postgres().createDatabase() });
  onTestFinished(() => db.destroy());
  return db;
}

describe('the migrations on PostgreSQL', () => {
  it('run to the latest, with PostgreSQL types where SQLite’s would not fit', async () => {
    const db = await freshDatabase();
    const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(await migrationProvider.getMigrations()).sort());
    const { rows } = await sql<{ table_name: string; column_name: string; data_type: string; column_default: string | null }>`
      SELECT table_name, column_name, data_type, column_default FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name IN ('document_updates', 'document_clients', 'users', 'search_entries')`.execute(db);
    const type = (table: string, column: string) => rows.find((r) => r.table_name === table && r.column_name === column);
    expect(type('document_updates', 'seq')).toMatchObject({ data_type: 'bigint', column_default: expect.stringContaining('nextval') });
    expect(type('document_updates', 'data')?.data_type).toBe('bytea');
    expect(type('document_clients', 'client_id')?.data_type).toBe('bigint');
    expect(type('users', 'created_at')?.data_type).toBe('bigint');
    expect(type('search_entries', 'words')?.data_type).toBe('tsvector');
  });

  it('give numbers and bytes back as SQLite does: int8 as numbers, bytea as bytes', async () => {
    const db = await freshDatabase();
    const now = Date.now();
    const first = await insertUser(db, { id: 'u1', email: 'a@x.org', name: 'A', organisation_id: null, language: 'fr', password_hash: 'h', created_at: now });
    const second = await insertUser(db, { id: 'u2', email: 'b@x.org', name: 'B', organisation_id: null, language: 'fr', password_hash: 'h', created_at: now });
    // The first account on an empty instance administers it.
    expect([first.is_admin, second.is_admin]).toEqual([1, 0]);
    expect(first.created_at).toBe(now);
    await db.insertInto('documents').values({ id: 'd', project_id: null, title: 'T', created_at: now, updated_at: now }).execute();
    // Yjs client ids reach 2^32 - 1: past a 4-byte integer.
    await db.insertInto('document_clients').values({ document_id: 'd', client_id: 2 ** 32 - 1, user_id: 'u1', first_at: now }).execute();
    const client = await db.selectFrom('document_clients').select('client_id').executeTakeFirstOrThrow();
    expect(client.client_id).toBe(2 ** 32 - 1);
    await db.insertInto('document_updates').values({ document_id: 'd', data: new Uint8Array([0, 1, 255]) }).execute();
    const row = await db.selectFrom('document_updates').select(['seq', 'data']).executeTakeFirstOrThrow();
    expect(typeof row.seq).toBe('number');
    expect([...row.data]).toEqual([0, 1, 255]);
    const count = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBe(2);
  });

  it('make only one administrator of two sign-ups on an empty instance, the second made while the first is not committed', async () => {
    const db = await freshDatabase();
    const person = (id: string) => ({ id, email: `${id}@x.org`, name: id, organisation_id: null, language: 'en' as const, password_hash: 'h', created_at: Date.now() });
    let second: Promise<Awaited<ReturnType<typeof insertUser>>> | null = null;
    const first = await db.transaction().execute(async (trx) => {
      const made = await insertUser(trx, person('first'));
      // Counted now, the first is not seen: only the index can tell the second it is not the first.
      second = insertUser(db, person('second'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      return made;
    });
    expect([first.is_admin, (await second!).is_admin]).toEqual([1, 0]);
    // The same email twice is still refused: the retry is for the administrator's index alone.
    await expect(insertUser(db, { ...person('again'), email: 'first@x.org' })).rejects.toMatchObject({ code: '23505' });
  });

  it('migrate all the way down and up again', async () => {
    const db = await freshDatabase();
    const migrator = new Migrator({ db: db.withPlugin(postgresColumnTypes), provider: migrationProvider });
    expect((await migrator.migrateTo(NO_MIGRATIONS)).error).toBeUndefined();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
  });
});

import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../database';
import { migrationProvider } from './index';

describe('migration 0004 (knowledge documents)', () => {
  it('keeps documents written before as free drafts, in the language of their project’s first owner', async () => {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0003-project-programme')).error).toBeUndefined();
    const old = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await old.insertInto('users').values({ id: 'u', email: 'u@x.org', name: 'U', language: 'fr', password_hash: 'h', created_at: 1 }).execute();
    await old.insertInto('projects').values({ id: 'p', title: 'P', status: 'active', created_at: 1, updated_at: 1 }).execute();
    await old.insertInto('project_members').values({ project_id: 'p', user_id: 'u', role: 'owner', created_at: 1 }).execute();
    await old.insertInto('documents').values([
      { id: 'd', project_id: 'p', title: 'Note', created_at: 1, updated_at: 1 },
      { id: 'orphan', project_id: null, title: 'Before accounts', created_at: 1, updated_at: 1 },
    ]).execute();

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const rows = await db.selectFrom('documents').select(['id', 'kind', 'status', 'language', 'themes', 'tags']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'd', kind: 'free', status: 'draft', language: 'fr', themes: '[]', tags: '[]' },
      { id: 'orphan', kind: 'free', status: 'draft', language: 'en', themes: '[]', tags: '[]' },
    ]);
    await db.destroy();
  });
});

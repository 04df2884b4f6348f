import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import type { Database, Db } from './database';
import { migrationProvider } from './migrations/index';

export interface SqliteOptions {
  /** Folder for `ensemble.sqlite`; created if missing. */
  dataDir: string;
  synchronous: 'FULL' | 'NORMAL';
}

export const DATABASE_FILE = 'ensemble.sqlite';

/**
 * Opens the embedded database in WAL mode and brings its schema up to date.
 * WAL lets readers proceed during writes and makes a restart after a crash
 * recover by itself: SQLite replays or discards the log on open.
 */
export async function openSqliteDatabase(options: SqliteOptions): Promise<Db> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const sqlite = new SQLite(path.join(options.dataDir, DATABASE_FILE));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.synchronous}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(db);
  return db;
}

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}

import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, type SqliteDatabase, SqliteDialect, type SqliteStatement } from 'kysely';
import type { Database, Db } from './database';
import { migrationProvider } from './migrations/index';
import { WalSync } from './wal-sync';

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
  const file = path.join(options.dataDir, DATABASE_FILE);
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${options.synchronous}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Named as SQLite names it: the database's path with links resolved.
  const [main] = sqlite.pragma('database_list') as Array<{ file: string }>;
  const log = options.synchronous === 'FULL' ? new WalSync(`${main!.file}-wal`) : undefined;
  const statements = new PreparedStatements(sqlite, PREPARED_STATEMENTS, () => log?.close());
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  await migrateToLatest(db);
  connections.set(db, { sqlite, log });
  return db;
}

export interface SqliteConnection {
  sqlite: SQLite.Database;
  /**
   * Set when commits must survive power loss (`synchronous = FULL`): a write
   * may then commit without syncing and wait for `log.sync()` instead.
   */
  log: WalSync | undefined;
}

const connections = new WeakMap<Db, SqliteConnection>();

/**
 * The better-sqlite3 connection under a database opened by
 * `openSqliteDatabase`, for the one write that is too frequent for Kysely's
 * asynchronous machinery: appending collaboration updates. Run it only while
 * holding Kysely's connection (`db.connection().execute`), so that it never
 * lands inside a transaction Kysely has open.
 */
export function sqliteConnection(db: Db): SqliteConnection {
  const connection = connections.get(db);
  if (!connection) throw new Error('not a database opened by openSqliteDatabase');
  return connection;
}

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}

/** Distinct statements kept prepared: the server's queries are a few hundred shapes; IN lists of varying length add more. */
const PREPARED_STATEMENTS = 512;

/**
 * The database as Kysely sees it, with each statement prepared once per SQL
 * text. Kysely prepares every query it runs: in a profile of 200 clients
 * editing one document, preparing took about 6 % of the server's CPU, and
 * each statement holds native memory until the garbage collector finalises
 * it. Statements run to completion before the next one starts (Kysely takes
 * one connection at a time and reads whole results), so sharing one is safe.
 */
export class PreparedStatements implements SqliteDatabase {
  /** In order of last use, the oldest first. */
  readonly #statements = new Map<string, SqliteStatement>();

  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly capacity = PREPARED_STATEMENTS,
    private readonly onClose = () => {},
  ) {}

  prepare(sql: string): SqliteStatement {
    let statement = this.#statements.get(sql);
    if (statement) this.#statements.delete(sql);
    else statement = this.sqlite.prepare(sql);
    this.#statements.set(sql, statement);
    if (this.#statements.size > this.capacity) this.#statements.delete(this.#statements.keys().next().value!);
    return statement;
  }

  close(): void {
    this.#statements.clear();
    this.sqlite.close();
    this.onClose();
  }
}

import pg from 'pg';
import {
  type ColumnDefinitionNode,
  DataTypeNode,
  Kysely,
  type KyselyPlugin,
  OperationNodeTransformer,
  PostgresDialect,
} from 'kysely';
import type { Logger } from '../logger';
import type { Database, Db } from './database';
import { migrateToLatest } from './sqlite';

/** int8 (counts, sums, and every timestamp and sequence number here) and numeric (sums of int8). */
const NUMBER_TYPES = new Set([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);

/**
 * `pg` returns int8 and numeric as strings, since they may not fit a JS
 * number. Ours are milliseconds, sequence numbers, Yjs client ids and
 * counts: all far below 2^53, and the code expects numbers, as SQLite gives.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    NUMBER_TYPES.has(oid) ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

class PostgresColumnTypes extends OperationNodeTransformer {
  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const column = super.transformColumnDefinition(node);
    // AUTOINCREMENT keys never reuse a number, as a sequence does.
    if (column.autoIncrement) return Object.freeze({ ...column, autoIncrement: false, dataType: DataTypeNode.create('bigserial') });
    return column;
  }

  protected override transformDataType(node: DataTypeNode): DataTypeNode {
    // Timestamps in ms and Yjs client ids (up to 2^32) overflow PostgreSQL's 4-byte integer.
    if (node.dataType === 'integer') return DataTypeNode.create('bigint');
    if (node.dataType === 'blob') return DataTypeNode.create('bytea');
    return node;
  }
}

/**
 * The migrations are written once, in SQLite's types; on PostgreSQL this
 * plugin reads `integer` as `bigint`, `blob` as `bytea` and an
 * autoincrement key as `bigserial`. Only the rare raw statement that
 * differs asks `isPostgres` (./dialect).
 */
export const postgresColumnTypes: KyselyPlugin = {
  transformQuery: ({ node }) => new PostgresColumnTypes().transformNode(node),
  transformResult: async ({ result }) => result,
};

export interface PostgresOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections per instance. */
  poolSize?: number;
  logger?: Logger;
}

/** Connects to PostgreSQL and brings its schema up to date; instances starting together migrate one at a time. */
export async function openPostgresDatabase(options: PostgresOptions): Promise<Db> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, types });
  // An idle client's error (the server restarting) must not crash the process; the pool replaces it.
  pool.on('error', (error) => options.logger?.warn('an idle PostgreSQL connection failed', { error }));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db.withPlugin(postgresColumnTypes));
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

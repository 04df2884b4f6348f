import path from 'node:path';
import { z } from 'zod';
import type { VersionSchedule } from './collab/version-scheduler';
import type { LogLevel } from './logger';

/**
 * Every setting Ensemble reads from the environment, parsed once at start.
 * A bad value stops the process with a message naming the variable, rather
 * than surfacing later as odd behaviour.
 */
const envSchema = z.object({
  /** TCP port for HTTP and websockets; 0 picks a free one (tests). */
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Interface to listen on. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Folder holding the SQLite database file; created if missing. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Folder of the built client that the server serves. */
  CLIENT_DIR: z.string().min(1).default('./dist/client'),
  /** Largest websocket frame accepted, in bytes; a larger one closes its socket (1009). */
  MAX_FRAME_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  /** Largest document, in bytes of its encoded state; updates past it are refused (4413). */
  MAX_DOCUMENT_BYTES: z.coerce.number().int().min(1024).default(16 * 1024 * 1024),
  /** Stored updates past which a loaded document is folded into one snapshot. */
  COMPACT_AFTER_UPDATES: z.coerce.number().int().min(1).default(500),
  /** An automatic version of a document is taken once nobody has edited it for this long, in ms… */
  VERSION_AFTER_PAUSE_MS: z.coerce.number().int().min(100).default(120_000),
  /** …or after this many accepted updates, whichever comes first. */
  VERSION_EVERY_UPDATES: z.coerce.number().int().min(1).default(1000),
  /** How long a document stays in memory after its last client leaves, in ms. */
  UNLOAD_GRACE_MS: z.coerce.number().int().min(0).default(5000),
  /** Bytes queued to a slow client before it is disconnected (4503). */
  MAX_SEND_BUFFER_BYTES: z.coerce.number().int().min(1024).default(8 * 1024 * 1024),
  /** Interval of websocket keep-alive pings, in ms; a client silent for two is dropped. */
  PING_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  /** SQLite `synchronous` setting: FULL survives power loss, NORMAL survives process crashes. */
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /**
   * Reverse proxies in front of Ensemble that append the client's address to X-Forwarded-For;
   * 0: none, the socket's peer is the client, and the header is ignored (it could be forged).
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Open websockets allowed from one client address (with TRUST_PROXY unset, a proxy in front counts as one address). */
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(200),
  /** Open websockets allowed for one login session. */
  MAX_CONNECTIONS_PER_SESSION: z.coerce.number().int().min(1).default(32),
  /** New websocket connections per second from one address, sustained (bursts of 30 × this). */
  CONNECTION_RATE_PER_ADDRESS: z.coerce.number().min(0.1).default(5),
  /** Websocket messages per second from one session, sustained (bursts of 10 × this). */
  MESSAGE_RATE_PER_SESSION: z.coerce.number().min(1).default(300),
  /** Websocket messages per second from one address, sustained (bursts of 10 × this). */
  MESSAGE_RATE_PER_ADDRESS: z.coerce.number().min(1).default(2000),
  /** Changes per second through the HTTP API from one session (or, logged out, one address), sustained (bursts of 10 × this). */
  WRITE_RATE_PER_SESSION: z.coerce.number().min(0.1).default(20),
  /** How long a login lasts, in seconds (30 days). */
  SESSION_TTL_SECONDS: z.coerce.number().int().min(1).default(30 * 24 * 3600),
  /** Mark the session cookie Secure; set to true when Ensemble is served over HTTPS. */
  SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /** PostgreSQL to store everything in, shared by several instances; SQLite in DATA_DIR without it. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  /** Redis linking several instances (live updates, awareness, access changes); needed with more than one. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').optional(),
  /** Least severe log level written to stderr. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

/** Limits that keep one client from crowding out the others. */
export interface CollabLimits {
  readonly maxConnectionsPerAddress: number;
  readonly maxConnectionsPerSession: number;
  readonly connectionRatePerAddress: number;
  readonly messageRatePerSession: number;
  readonly messageRatePerAddress: number;
  /** Changes per second through the HTTP API, per session (per address when logged out). */
  readonly writeRatePerSession: number;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly clientDir: string;
  readonly maxFrameBytes: number;
  readonly maxDocumentBytes: number;
  readonly compactAfterUpdates: number;
  readonly unloadGraceMs: number;
  readonly versions: VersionSchedule;
  readonly maxSendBufferBytes: number;
  readonly pingIntervalMs: number;
  readonly sqliteSynchronous: 'FULL' | 'NORMAL';
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly logLevel: LogLevel;
  readonly sessionTtlMs: number;
  readonly limits: CollabLimits;
  readonly secureCookies: boolean;
  /** How many reverse proxies in front append to X-Forwarded-For (`clientAddress`). */
  readonly trustedProxies: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Blank variables count as unset, as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    clientDir: path.resolve(e.CLIENT_DIR),
    maxFrameBytes: e.MAX_FRAME_BYTES,
    maxDocumentBytes: e.MAX_DOCUMENT_BYTES,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    unloadGraceMs: e.UNLOAD_GRACE_MS,
    versions: Object.freeze({ afterPauseMs: e.VERSION_AFTER_PAUSE_MS, everyUpdates: e.VERSION_EVERY_UPDATES }),
    maxSendBufferBytes: e.MAX_SEND_BUFFER_BYTES,
    pingIntervalMs: e.PING_INTERVAL_MS,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.SESSION_TTL_SECONDS * 1000,
    limits: Object.freeze({
      maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS,
      maxConnectionsPerSession: e.MAX_CONNECTIONS_PER_SESSION,
      connectionRatePerAddress: e.CONNECTION_RATE_PER_ADDRESS,
      messageRatePerSession: e.MESSAGE_RATE_PER_SESSION,
      messageRatePerAddress: e.MESSAGE_RATE_PER_ADDRESS,
      writeRatePerSession: e.WRITE_RATE_PER_SESSION,
    }),
    secureCookies: e.SECURE_COOKIES === 'true',
    trustedProxies: e.TRUST_PROXY,
  });
}

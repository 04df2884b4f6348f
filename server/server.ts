import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app';
import { CollabServer } from './collab/collab-server';
import { DocumentRegistry } from './collab/document-registry';
import { type AwarenessPacing, DEFAULT_AWARENESS_PACING } from './collab/awareness-relay';
import type { Config } from './config';
import { createLogger, type Logger } from './logger';
import { AccessEvents } from './services/access-events';
import { authorizeCollab } from './services/collab-access';
import type { ServiceDeps } from './services/context';
import { clientRecorder, documentActivityRecorder } from './services/document-activity';
import { automaticVersions } from './services/versions';
import { indexMissingDocuments } from './services/search';
import { createSqliteSearchIndex } from './search/sqlite-search-index';
import { createPostgresSearchIndex } from './search/postgres-search-index';
import { DEFAULT_THROTTLE_LIMITS, LoginThrottle, type ThrottleLimits } from './services/login-throttle';
import { type FanOut, createInProcessFanOut } from './storage/fan-out';
import { startHousekeeping } from './services/housekeeping';
import { createRoomStore } from './storage/room-store';
import { SqliteDocumentStore } from './storage/sqlite-document-store';
import { PostgresDocumentStore } from './storage/postgres-document-store';
import { openSqliteDatabase } from './storage/sqlite';

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8787 */
  url: string;
  port: number;
  /** Stops accepting, closes connections, flushes every document and closes the database. */
  close(): Promise<void>;
  /** Open websockets and documents in memory, for health checks and tests. */
  stats(): { connections: number; loadedDocuments: number };
}

export interface ServerOverrides {
  logger?: Logger;
  /** Shared with other instances in the same process, for multi-instance tests. */
  fanOut?: FanOut;
  /** Milliseconds since the epoch; tests move time forward to expire sessions and invitations. */
  clock?: () => number;
  throttleLimits?: ThrottleLimits;
  /** Shorter than the defaults in tests, to see presence gathered without waiting seconds. */
  awarenessPacing?: AwarenessPacing;
}

export interface OpenedServices {
  services: ServiceDeps;
  /** Every collaboration room, loaded while someone has it open or the server writes to it. */
  registry: DocumentRegistry;
  /** Unloads every room, flushes storage and closes the database. */
  close(): Promise<void>;
}

/** Opens the database in the data folder (migrating it) and builds the services over it, for the server and scripts alike. */
export async function openServices(
  config: Config,
  overrides: Pick<ServerOverrides, 'clock' | 'throttleLimits' | 'logger' | 'fanOut' | 'awarenessPacing'> = {},
): Promise<OpenedServices> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  // The PostgreSQL and Redis drivers load only when configured: most instances run on SQLite alone.
  const db = config.databaseUrl
    ? await (await import('./storage/postgres')).openPostgresDatabase({ url: config.databaseUrl, logger })
    : await openSqliteDatabase({ dataDir: config.dataDir, synchronous: config.sqliteSynchronous });
  const Store = config.databaseUrl ? PostgresDocumentStore : SqliteDocumentStore;
  const store = createRoomStore({
    content: new Store(db),
    discussion: new Store(db, 'discussion'),
    board: new Store(db, 'board'),
  });
  const clock = overrides.clock ?? Date.now;
  const search = config.databaseUrl ? createPostgresSearchIndex(db) : createSqliteSearchIndex(db);
  const redis = config.redisUrl ? await (await import('./storage/redis-bus')).openRedisBus(config.redisUrl, logger) : null;
  const registry = new DocumentRegistry(
    {
      store,
      fanOut: overrides.fanOut ?? redis?.fanOut ?? createInProcessFanOut(),
      logger,
      activity: documentActivityRecorder({ db, clock, search }),
      clients: clientRecorder({ db, clock }),
      versions: automaticVersions({ db, clock }),
    },
    {
      maxDocumentBytes: config.maxDocumentBytes,
      compactAfterUpdates: config.compactAfterUpdates,
      unloadGraceMs: config.unloadGraceMs,
      versions: config.versions,
      awareness: overrides.awarenessPacing ?? DEFAULT_AWARENESS_PACING,
    },
  );
  const services: ServiceDeps = {
    db,
    documentStore: store,
    rooms: registry,
    clock,
    events: new AccessEvents(redis?.access),
    search,
    throttle: new LoginThrottle(overrides.throttleLimits ?? DEFAULT_THROTTLE_LIMITS, clock),
    sessionTtlMs: config.sessionTtlMs,
  };
  // Documents from before search, indexed beside the server's start; closing waits for it.
  const indexing = indexMissingDocuments(services, logger);
  const close = async () => {
    await indexing;
    await registry.unloadAll();
    await store.flush();
    await redis?.close();
    await db.destroy();
  };
  return { services, registry, close };
}

/** Opens storage and starts HTTP and websockets on one port. */
export async function startServer(config: Config, overrides: ServerOverrides = {}): Promise<RunningServer> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const storage = await openServices(config, { ...overrides, logger });
  const { services, registry } = storage;
  const { clock } = services;
  const collab = new CollabServer(
    {
      registry,
      logger,
      authorize: (cookieHeader, room) => authorizeCollab(services, cookieHeader, room),
      events: services.events,
      clock,
    },
    {
      maxFrameBytes: config.maxFrameBytes,
      maxSendBufferBytes: config.maxSendBufferBytes,
      pingIntervalMs: config.pingIntervalMs,
      limits: config.limits,
      trustedProxies: config.trustedProxies,
    },
  );
  const app = createApp(config, { services, logger });
  // Without TLS or HTTP/2 options the adaptor makes a plain node:http server.
  const http = createAdaptorServer({ fetch: app.fetch }) as Server;
  http.on('upgrade', collab.handleUpgrade);

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;

  const stopHousekeeping = startHousekeeping(services, logger);

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      await stopHousekeeping();
      await collab.close();
      await storage.close();
      // Idle keep-alive sockets would hold `close` open; nothing is in flight any more.
      http.closeAllConnections();
      await httpClosed;
    })();
    return closing;
  };
  const stats = () => ({ connections: collab.connectionCount, loadedDocuments: registry.loadedCount });
  return { url: `http://${host}:${port}`, port, close, stats };
}

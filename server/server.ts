import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app';
import { CollabServer } from './collab/collab-server';
import { DocumentRegistry } from './collab/document-registry';
import type { Config } from './config';
import { createLogger, type Logger } from './logger';
import { AccessEvents } from './services/access-events';
import { authorizeCollab } from './services/collab-access';
import type { ServiceDeps } from './services/context';
import { documentActivityRecorder } from './services/document-activity';
import { DEFAULT_THROTTLE_LIMITS, LoginThrottle, type ThrottleLimits } from './services/login-throttle';
import { type FanOut, createInProcessFanOut } from './storage/fan-out';
import { SqliteDocumentStore } from './storage/sqlite-document-store';
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
}

export interface OpenedServices {
  services: ServiceDeps;
  store: SqliteDocumentStore;
  /** Flushes the document store and closes the database. */
  close(): Promise<void>;
}

/** Opens the database in the data folder (migrating it) and builds the services over it, for the server and scripts alike. */
export async function openServices(
  config: Config,
  overrides: Pick<ServerOverrides, 'clock' | 'throttleLimits'> = {},
): Promise<OpenedServices> {
  const db = await openSqliteDatabase({ dataDir: config.dataDir, synchronous: config.sqliteSynchronous });
  const store = new SqliteDocumentStore(db);
  const clock = overrides.clock ?? Date.now;
  const services: ServiceDeps = {
    db,
    documentStore: store,
    clock,
    events: new AccessEvents(),
    throttle: new LoginThrottle(overrides.throttleLimits ?? DEFAULT_THROTTLE_LIMITS, clock),
    sessionTtlMs: config.sessionTtlMs,
  };
  const close = async () => {
    await store.flush();
    await db.destroy();
  };
  return { services, store, close };
}

/** Opens storage and starts HTTP and websockets on one port. */
export async function startServer(config: Config, overrides: ServerOverrides = {}): Promise<RunningServer> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const storage = await openServices(config, overrides);
  const { services, store } = storage;
  const { clock } = services;
  const registry = new DocumentRegistry(
    { store, fanOut: overrides.fanOut ?? createInProcessFanOut(), logger, activity: documentActivityRecorder(services) },
    {
      maxDocumentBytes: config.maxDocumentBytes,
      compactAfterUpdates: config.compactAfterUpdates,
      unloadGraceMs: config.unloadGraceMs,
    },
  );
  const collab = new CollabServer(
    {
      registry,
      logger,
      authorize: (cookieHeader, documentId) => authorizeCollab(services, cookieHeader, documentId),
      events: services.events,
      clock,
    },
    {
      maxFrameBytes: config.maxFrameBytes,
      maxSendBufferBytes: config.maxSendBufferBytes,
      pingIntervalMs: config.pingIntervalMs,
      limits: config.limits,
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

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      await collab.close();
      await registry.unloadAll();
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

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import { CloseCode, type CloseCodeValue, COLLAB_PATH_PREFIX, READ_ONLY_REASON } from '../../shared/protocol';
import type { CollabLimits } from '../config';
import type { Logger } from '../logger';
import type { AccessChange, AccessEvents } from '../services/access-events';
import type { CollabAccess } from '../services/collab-access';
import { clientAddress } from '../client-address';
import { CollabError } from './collab-error';
import { Connection } from './connection';
import { parseRoom, type Room } from '../../shared/rooms';
import type { DocumentRegistry } from './document-registry';
import type { DocumentSession } from './document-session';
import { decodeClientMessage, encodePermissionDenied, encodePermissionGranted, ProtocolError } from './protocol';
import { RateLimiter } from '../rate-limiter';

export interface CollabServerOptions {
  maxFrameBytes: number;
  maxSendBufferBytes: number;
  pingIntervalMs: number;
  limits: CollabLimits;
  /** Reverse proxies in front that append to X-Forwarded-For (`clientAddress`). */
  trustedProxies: number;
}

export interface CollabServerDeps {
  registry: DocumentRegistry;
  logger: Logger;
  /** Decides from the upgrade's cookies whether this connection may open, and with which role. */
  authorize(cookieHeader: string | undefined, room: Room): Promise<CollabAccess>;
  /** Role changes and ended sessions, applied to open connections at once. */
  events: AccessEvents;
  /** Milliseconds since the epoch, to close connections whose session has expired. */
  clock: () => number;
}

/** Frames, and bytes, a client may send before it is authorised and its document loaded. */
const MAX_FRAMES_WHILE_LOADING = 256;
const MAX_BYTES_WHILE_LOADING = 4 * 1024 * 1024;

/**
 * The websocket edge: takes HTTP upgrades on `/collab/:documentId`, decodes
 * frames and hands them to the document's session. Whatever a client sends,
 * the worst outcome is that its own socket closes.
 */
export class CollabServer {
  readonly #wss: WebSocketServer;
  readonly #connections = new Set<Connection>();
  readonly #heartbeat: NodeJS.Timeout;
  readonly #unsubscribe: () => void;
  /** Open sockets per client address and per session: one client must not crowd out the rest. */
  readonly #perAddress = new Map<string, number>();
  readonly #perSession = new Map<string, number>();
  readonly #connectRate: RateLimiter;
  readonly #sessionMessages: RateLimiter;
  readonly #addressMessages: RateLimiter;
  #accepting = true;

  constructor(
    private readonly deps: CollabServerDeps,
    private readonly options: CollabServerOptions,
  ) {
    this.#wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes, perMessageDeflate: false });
    const { limits } = options;
    this.#connectRate = new RateLimiter(limits.connectionRatePerAddress, limits.connectionRatePerAddress * 30);
    this.#sessionMessages = new RateLimiter(limits.messageRatePerSession, limits.messageRatePerSession * 10);
    this.#addressMessages = new RateLimiter(limits.messageRatePerAddress, limits.messageRatePerAddress * 10);
    this.#heartbeat = setInterval(() => {
      for (const limiter of [this.#connectRate, this.#sessionMessages, this.#addressMessages]) limiter.sweep();
      const now = deps.clock();
      for (const connection of this.#connections) {
        if (connection.grant.sessionExpiresAt <= now) connection.close(CloseCode.unauthenticated, 'the session has expired');
        else connection.heartbeat();
      }
    }, options.pingIntervalMs);
    this.#heartbeat.unref();
    this.#unsubscribe = deps.events.subscribe((change) => this.#applyAccessChange(change));
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  /** Handler for the HTTP server's `upgrade` event. */
  handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // The raw target, neither URL-parsed nor percent-decoded (ids are URL-safe): both throw on
    // malformed input, and a throw here escapes every handler and takes the process down.
    const pathname = (request.url ?? '/').split('?', 1)[0]!;
    if (!pathname.startsWith(COLLAB_PATH_PREFIX)) return rejectUpgrade(socket, 404, 'Not Found');
    const room = parseRoom(pathname.slice(COLLAB_PATH_PREFIX.length));
    if (!room) return rejectUpgrade(socket, 400, 'Bad Request');
    if (!this.#accepting) return rejectUpgrade(socket, 503, 'Service Unavailable');
    const address = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], this.options.trustedProxies);
    if (
      (this.#perAddress.get(address) ?? 0) >= this.options.limits.maxConnectionsPerAddress ||
      !this.#connectRate.take(address)
    ) {
      return rejectUpgrade(socket, 429, 'Too Many Requests');
    }
    this.#wss.handleUpgrade(request, socket, head, (ws) =>
      this.#onConnection(ws, room, request.headers.cookie, address),
    );
  };

  #onConnection(ws: WebSocket, room: Room, cookieHeader: string | undefined, address: string): void {
    const { logger, registry } = this.deps;
    const documentId = room.id;
    adjust(this.#perAddress, address, +1);
    let connection: Connection | null = null;
    let session: DocumentSession | null = null;
    const waiting: Uint8Array[] = [];
    let waitingBytes = 0;

    const close = (code: CloseCodeValue, reason: string) => {
      if (connection) connection.close(code, reason);
      else if (ws.readyState === WebSocket.OPEN) ws.close(code, reason);
    };
    const fail = (error: unknown) => {
      if (error instanceof ProtocolError) {
        logger.warn('closing a connection on a bad frame', { documentId, code: error.code, reason: error.message });
        close(CloseCode.badFrame, error.code);
      } else if (error instanceof CollabError) {
        logger.warn('closing a connection', { documentId, reason: error.reason });
        close(error.closeCode, error.reason);
      } else {
        logger.error('unexpected error on a connection', { documentId, error });
        close(CloseCode.internalError, 'internal error');
      }
    };
    const handle = (open: DocumentSession, from: Connection, frame: Uint8Array) => {
      if (from.closed) return;
      try {
        open.handleMessage(from, decodeClientMessage(frame)).catch(fail);
      } catch (error) {
        fail(error);
      }
    };

    ws.on('message', (data, isBinary) => {
      if (!this.#addressMessages.take(address) || (connection && !this.#sessionMessages.take(connection.grant.sessionId))) {
        return fail(new CollabError(CloseCode.rateLimited, 'too many messages'));
      }
      if (!isBinary) return fail(new ProtocolError('malformed_frame', 'text frames are not part of the protocol'));
      const frame = toUint8Array(data);
      if (session && connection) return handle(session, connection, frame);
      waitingBytes += frame.byteLength;
      if (waiting.length >= MAX_FRAMES_WHILE_LOADING || waitingBytes > MAX_BYTES_WHILE_LOADING) {
        return fail(new CollabError(CloseCode.slowConsumer, 'too much sent before the document loaded'));
      }
      waiting.push(frame);
    });
    ws.on('error', (error) => logger.warn('websocket error', { documentId, error }));
    ws.on('close', () => {
      adjust(this.#perAddress, address, -1);
      if (connection) {
        this.#connections.delete(connection);
        adjust(this.#perSession, connection.grant.sessionId, -1);
      }
      if (session && connection) {
        session.removeConnection(connection);
        registry.release(documentId);
      }
    });

    void (async () => {
      try {
        const access = await this.deps.authorize(cookieHeader, room);
        if (!access.ok) {
          throw access.reason === 'unauthenticated'
            ? new CollabError(CloseCode.unauthenticated, 'log in to open this document')
            : new CollabError(CloseCode.notFound, 'document not found');
        }
        if (ws.readyState !== WebSocket.OPEN) return;
        if ((this.#perSession.get(access.grant.sessionId) ?? 0) >= this.options.limits.maxConnectionsPerSession) {
          throw new CollabError(CloseCode.rateLimited, 'too many connections for this session');
        }
        const opened = new Connection(ws, { maxSendBufferBytes: this.options.maxSendBufferBytes }, access.grant, room);
        connection = opened;
        this.#connections.add(opened);
        adjust(this.#perSession, access.grant.sessionId, +1);
        const loaded = await registry.acquire(documentId);
        if (opened.closed) return registry.release(documentId);
        session = loaded;
        loaded.addConnection(opened);
        if (!opened.canEdit) opened.send(encodePermissionDenied(READ_ONLY_REASON));
        for (const frame of waiting.splice(0)) handle(loaded, opened, frame);
      } catch (error) {
        fail(error);
      }
    })();
  }

  /** Role changes and ended sessions reach open connections at once. */
  #applyAccessChange(change: AccessChange): void {
    for (const connection of this.#connections) {
      const { grant } = connection;
      if (change.kind === 'membership') {
        if (grant.userId !== change.userId || grant.projectId !== change.projectId) continue;
        if (change.role === null) {
          connection.close(CloseCode.forbidden, 'access to this project was withdrawn');
          continue;
        }
        const couldEdit = connection.canEdit;
        connection.role = change.role;
        if (couldEdit && !connection.canEdit) connection.send(encodePermissionDenied(READ_ONLY_REASON));
        if (!couldEdit && connection.canEdit) connection.send(encodePermissionGranted());
      } else if (
        (change.kind === 'sessions-revoked' && grant.userId === change.userId && grant.sessionId !== change.exceptSessionId) ||
        (change.kind === 'session-ended' && grant.sessionId === change.sessionId)
      ) {
        connection.close(CloseCode.unauthenticated, 'the session has ended');
      }
    }
  }

  /** Stops taking connections and closes the open ones; documents are then unloaded by the registry. */
  async close(): Promise<void> {
    this.#accepting = false;
    clearInterval(this.#heartbeat);
    this.#unsubscribe();
    for (const connection of this.#connections) connection.close(CloseCode.goingAway, 'server shutting down');
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }
}

/** Counts up or down, forgetting keys that reach zero. */
function adjust(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

function rejectUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function toUint8Array(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

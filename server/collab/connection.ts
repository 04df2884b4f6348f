import WebSocket from 'ws';
import { CloseCode, type CloseCodeValue } from '../../shared/protocol';
import { type Role, roleAllows } from '../../shared/roles';
import type { Room } from '../../shared/rooms';
import type { CollabGrant } from '../services/collab-access';

export interface ConnectionOptions {
  /** Bytes that may wait in the socket's send buffer before the client counts as too slow. */
  maxSendBufferBytes: number;
}

let nextConnectionId = 1;

/** How long a closing socket may take to finish its handshake before it is cut. */
const CLOSE_TIMEOUT_MS = 5000;

/**
 * One client's websocket, seen from a document. Sending never blocks and never
 * buffers without bound: a client that stops reading is disconnected.
 */
export class Connection {
  readonly id = nextConnectionId++;
  /** Awareness client ids this connection has announced, removed when it leaves. */
  readonly awarenessClientIds = new Set<number>();
  /** Whether the session has asked this client to resend what the server lacks, and not yet had its answer. */
  resyncRequested = false;
  #closed = false;
  #alive = true;

  /** The role can change while connected; the rest of the grant cannot. */
  role: Role;

  constructor(
    private readonly ws: WebSocket,
    private readonly options: ConnectionOptions,
    readonly grant: Readonly<CollabGrant>,
    /** A document's discussion is written by the server alone, after checking each request: it is read-only to every socket. */
    readonly room: Room,
  ) {
    this.role = grant.role;
    ws.on('pong', () => {
      this.#alive = true;
    });
    ws.on('close', () => {
      this.#closed = true;
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  get canEdit(): boolean {
    return this.room.channel === 'content' && roleAllows(this.role, 'document.edit');
  }

  send(frame: Uint8Array): void {
    if (this.#closed || this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount + frame.byteLength > this.options.maxSendBufferBytes) {
      this.close(CloseCode.slowConsumer, 'send buffer full');
      return;
    }
    this.ws.send(frame, { binary: true });
  }

  /** Pings, and drops the client if the previous ping went unanswered. */
  heartbeat(): void {
    if (this.#closed) return;
    if (!this.#alive) {
      this.close(CloseCode.timeout, 'no answer to ping');
      return;
    }
    this.#alive = false;
    this.ws.ping();
  }

  close(code: CloseCodeValue, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.ws.readyState === WebSocket.OPEN) {
      this.ws.close(code, reason);
      // Cleared once closed: otherwise every closed socket stays in memory until the timeout.
      const cut = setTimeout(() => this.ws.terminate(), CLOSE_TIMEOUT_MS).unref();
      this.ws.once('close', () => clearTimeout(cut));
    }
  }
}

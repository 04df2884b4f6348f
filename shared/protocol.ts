/**
 * The y-websocket wire protocol, as the stock `WebsocketProvider` speaks it:
 * every frame is a binary message whose first varUint is the message type.
 */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/** Sub-types of a sync message (y-protocols/sync). */
export const SyncMessageType = {
  step1: 0,
  step2: 1,
  update: 2,
} as const;

/** What y-protocols' Awareness reports with each `change` and `update` event: the client ids concerned. */
export interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Close codes the collaboration server uses. The last three digits echo the
 * closest HTTP status. As the stock y-websocket provider reads them, 4400-4499
 * are permanent (it stops reconnecting and emits `closed`); every other code,
 * 4500-4599 included, is transient and it reconnects with backoff.
 */
export const CloseCode = {
  /** Server shutting down: the client should reconnect (standard 1001). */
  goingAway: 1001,
  /** A frame over the configured limit (standard 1009). */
  messageTooBig: 1009,
  /** Bytes that do not decode, or an unknown message type. */
  badFrame: 4400,
  /** No valid session: log in again. */
  unauthenticated: 4401,
  /** Access to the document's project was withdrawn while connected. */
  forbidden: 4403,
  /** The document does not exist, or is outside the person's projects. */
  notFound: 4404,

  /** The document would grow past the configured maximum size. */
  documentTooLarge: 4413,
  /** Too many connections or messages from one session or address. */
  rateLimited: 4429,
  /** Storage failed: nothing from this connection could be kept. */
  internalError: 4500,
  /** The client does not read fast enough: its send buffer is full. */
  slowConsumer: 4503,
  /** Keep-alive pings went unanswered. */
  timeout: 4504,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * Sub-types of an auth message (y-protocols/auth defines only the first; the
 * stock provider ignores the others).
 */
export const AuthMessageType = {
  /** The connection may not change the content (viewers and commenters). */
  permissionDenied: 0,
  /** The person's role rose while connected: they may now edit. */
  permissionGranted: 1,
} as const;

/** Reason sent in a y-protocols permission-denied auth message to viewers and commenters. */
export const READ_ONLY_REASON = 'read-only';

/** Path under which the websocket endpoint lives: `/collab/:documentId`. */
export const COLLAB_PATH_PREFIX = '/collab/';

/**
 * How long a document's activity gathers on the server before it is recorded
 * (who wrote, from which organisation): one record per busy second, not one
 * per keystroke. A page asks again for a document's contributors after it.
 */
export const ACTIVITY_REPORT_DELAY_MS = 1000;

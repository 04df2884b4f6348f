import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { onTestFinished } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeAwareness, encodeSyncStep1, encodeSyncUpdate } from '../../server/collab/protocol';
import { AuthMessageType, MessageType, SyncMessageType } from '../../shared/protocol';
import { waitFor } from './wait-for';
import type { CollabTarget } from './yjs-client';

const SOCKET_TIMEOUT_MS = 5000;

/** A frame from the server, decoded. */
export type ServerMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'permission-denied'; reason: string }
  | { type: 'permission-granted' }
  | { type: 'unknown'; bytes: Uint8Array };

export function decodeServerMessage(frame: Uint8Array): ServerMessage {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.sync) {
    const subtype = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (subtype === SyncMessageType.step1) return { type: 'sync-step1', stateVector: payload };
    if (subtype === SyncMessageType.step2) return { type: 'sync-step2', update: payload };
    if (subtype === SyncMessageType.update) return { type: 'sync-update', update: payload };
  } else if (type === MessageType.awareness) {
    return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
  } else if (type === MessageType.auth) {
    const subtype = decoding.readVarUint(decoder);
    if (subtype === AuthMessageType.permissionDenied) return { type: 'permission-denied', reason: decoding.readVarString(decoder) };
    if (subtype === AuthMessageType.permissionGranted) return { type: 'permission-granted' };
  }
  return { type: 'unknown', bytes: frame };
}

/**
 * A bare websocket to a document that records every frame the server sends,
 * for tests that must see exactly what arrives (or that nothing does).
 */
export interface CollabSocket {
  ws: WebSocket;
  /** Every message received so far, in order. */
  messages: ServerMessage[];
  /** Resolves once the socket is open (it may still be closed by the server right after). */
  opened: Promise<void>;
  /** Resolves when the socket closes, with the server's code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  isClosed(): boolean;
  count(type: ServerMessage['type']): number;
  /** Waits until `count` messages of `type` have arrived in total. */
  received(type: ServerMessage['type'], count?: number): Promise<void>;
  send(frame: Uint8Array): void;
  close(): void;
}

/** Opens a socket as `target.cookie`; closed when the current test ends unless `teardown` is false. */
export function openCollabSocket(target: CollabTarget, documentId: string, { teardown = true } = {}): CollabSocket {
  const ws = new WebSocket(`${target.wsUrl}/${documentId}`, target.cookie ? { headers: { cookie: target.cookie } } : {});
  if (teardown) onTestFinished(() => ws.terminate());
  ws.on('error', () => {});
  const messages: ServerMessage[] = [];
  let isClosed = false;
  ws.on('message', (data: Buffer) => messages.push(decodeServerMessage(new Uint8Array(data))));
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', () => reject(new Error('the socket closed before it opened')));
  });
  opened.catch(() => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code: number, reason: Buffer) => {
      isClosed = true;
      resolve({ code, reason: reason.toString() });
    }),
  );
  const count = (type: ServerMessage['type']) => messages.filter((m) => m.type === type).length;
  return {
    ws,
    messages,
    opened,
    closed,
    isClosed: () => isClosed,
    count,
    received: (type, wanted = 1) =>
      waitFor(
        () => {
          if (count(type) >= wanted) return true;
          if (isClosed) throw new Error(`the socket closed after ${count(type)} of ${wanted} ${type} messages`);
          return false;
        },
        `${wanted} ${type} messages`,
        SOCKET_TIMEOUT_MS,
      ),
    send: (frame) => ws.send(frame),
    close: () => ws.terminate(),
  };
}

/** Resolves with the close of a socket the server is expected to close, failing after a few seconds. */
export function closeOf(socket: CollabSocket): Promise<{ code: number; reason: string }> {
  return within(socket.closed, 'the server to close the socket');
}

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${SOCKET_TIMEOUT_MS} ms waiting for ${what}`)), SOCKET_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A real Yjs update that appends `text` to the shared `content` of a fresh document. */
export function insertion(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('content').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

export const syncUpdate = (text: string) => encodeSyncUpdate(insertion(text));

/** Small, so each encodes as one byte; not the ids the server writes under (0 and 1). */
const AUTHOR_ID = 11;

/** `text` written by client AUTHOR_ID, then `typed` typed into a copy of it at `at` by client `editorId`. */
function typedInto(text: string, editorId: number, at: number, typed: string) {
  const author = new Y.Doc();
  author.clientID = AUTHOR_ID;
  author.getText('content').insert(0, text);
  const editor = new Y.Doc();
  editor.clientID = editorId;
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(author));
  editor.getText('content').insert(at, typed);
  return { author, editor };
}

/**
 * A self-contained update typing "x" into "abcdef" between "e" and "f", and
 * the same update with one byte changed so that "x" claims to sit between
 * "e" and "b": it still decodes, but no editor could have written it.
 */
export function misplacedInsertion(): { honest: Uint8Array; forged: Uint8Array } {
  const honest = Y.encodeStateAsUpdate(typedInto('abcdef', 12, 5, 'x').editor);
  // Origin (the author, clock 4) and right origin (the author, 5); small varints, one byte each.
  const at = Buffer.from(honest).indexOf(Buffer.from([AUTHOR_ID, 4, AUTHOR_ID, 5]));
  if (at < 0) throw new Error('the neighbours of "x" are not where they were expected');
  const forged = Uint8Array.from(honest);
  forged[at + 3] = 1;
  return { honest, forged };
}

/** An update typing "!" after "abc", and "abc" itself, which the server has never received. */
export function insertionAfterUnknownText(): { update: Uint8Array; missing: Uint8Array } {
  const { author, editor } = typedInto('abc', 13, 3, '!');
  return { update: Y.encodeStateAsUpdate(editor, Y.encodeStateVector(author)), missing: Y.encodeStateAsUpdate(author) };
}

/** An awareness message announcing `clientId` with `state`. */
export function awarenessFrame(clientId: number, state: Record<string, unknown>, clock = 1): Uint8Array {
  return awarenessEntriesFrame([[clientId, clock, JSON.stringify(state)]]);
}

/** An awareness message with these entries, each state's JSON as given (invalid on purpose, if need be). */
export function awarenessEntriesFrame(entries: Array<[clientId: number, clock: number, json: string]>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, clock, json] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encodeAwareness(encoding.toUint8Array(encoder));
}

/**
 * The document as the server holds it in memory right now: a new connection
 * asks for everything (sync step 1 with an empty state vector) and reads the
 * reply. Anything the server had applied is in it.
 */
export async function serverDoc(target: CollabTarget, documentId: string): Promise<Y.Doc> {
  const socket = openCollabSocket(target, documentId, { teardown: false });
  try {
    await socket.received('sync-step1');
    socket.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    await socket.received('sync-step2');
    const reply = socket.messages.find((m) => m.type === 'sync-step2') as { update: Uint8Array };
    const doc = new Y.Doc();
    Y.applyUpdate(doc, reply.update);
    return doc;
  } finally {
    socket.close();
  }
}

/** The shared text `content` as the server holds it right now. */
export async function serverContent(target: CollabTarget, documentId: string): Promise<string> {
  return (await serverDoc(target, documentId)).getText('content').toString();
}

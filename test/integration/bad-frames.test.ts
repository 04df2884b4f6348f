import net from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from '../../server/collab/protocol';
import { CloseCode } from '../../shared/protocol';
import { startTestServer, type TestServer } from '../helpers/server';
import { awarenessEntriesFrame, insertionAfterUnknownText, misplacedInsertion, openCollabSocket } from '../helpers/collab-socket';
import { waitFor } from '../helpers/wait-for';
import { connectClient, type YjsClient } from '../helpers/yjs-client';


const MAX_FRAME_BYTES = 4096;
const ENV = { MAX_FRAME_BYTES: String(MAX_FRAME_BYTES) };
const SOCKET_TIMEOUT_MS = 5000;

/** A raw websocket to a document, open and past the server's first message (the session is live). */
async function openRaw(server: TestServer, documentId: string): Promise<WebSocket> {
  const ws = new WebSocket(`${server.wsUrl}/${documentId}`, { headers: { cookie: server.cookie ?? '' } });
  onTestFinished(() => ws.terminate());
  ws.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server sent nothing on a new connection')), SOCKET_TIMEOUT_MS);
    ws.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return ws;
}

function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not close the socket')), SOCKET_TIMEOUT_MS);
    ws.once('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
}

/** The HTTP status the server answers a websocket upgrade with, or an error if it accepts it. */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    onTestFinished(() => ws.terminate());
    const timer = setTimeout(() => reject(new Error(`no answer to the upgrade of ${url}`)), SOCKET_TIMEOUT_MS);
    ws.on('error', () => {});
    ws.on('unexpected-response', (request, response) => {
      clearTimeout(timer);
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    ws.on('open', () => {
      clearTimeout(timer);
      reject(new Error(`the upgrade of ${url} was accepted`));
    });
  });
}

/** A client frame: FIN, binary, masked as RFC 6455 requires of clients. */
function maskedFrame(payload: Uint8Array): Buffer {
  const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const header =
    payload.byteLength < 126
      ? Buffer.from([0x82, 0x80 | payload.byteLength])
      : Buffer.from([0x82, 0x80 | 126, payload.byteLength >> 8, payload.byteLength & 0xff]);
  return Buffer.concat([header, mask, Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!))]);
}

/**
 * Sends the upgrade request and `frames` in one TCP write, then reads the
 * server's frames until its close frame, whose code and reason it returns.
 */
function upgradeCarrying(server: TestServer, documentId: string, frames: Uint8Array[]) {
  const { hostname, port } = new URL(server.url);
  const request = [
    `GET /collab/${documentId} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    `Cookie: ${server.cookie ?? ''}`,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    // The sample nonce of RFC 6455: any 16 bytes in base64 do.
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    '',
    '',
  ].join('\r\n');
  return new Promise<{ code: number; reason: string }>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(Buffer.concat([Buffer.from(request), ...frames.map(maskedFrame)]));
    });
    onTestFinished(() => {
      socket.destroy();
    });
    const timer = setTimeout(() => reject(new Error('the server did not close the socket')), SOCKET_TIMEOUT_MS);
    let received = Buffer.alloc(0);
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const headerEnd = received.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      if (!received.subarray(0, 12).toString().startsWith('HTTP/1.1 101')) {
        clearTimeout(timer);
        return reject(new Error(`upgrade refused: ${received.subarray(0, headerEnd).toString()}`));
      }
      // Server frames are unmasked; these are all small enough for a 7- or 16-bit length.
      let at = headerEnd + 4;
      while (at + 2 <= received.length) {
        const opcode = received[at]! & 0x0f;
        const short = received[at + 1]! & 0x7f;
        const [length, start] = short === 126 ? [received.readUInt16BE(at + 2), at + 4] : [short, at + 2];
        if (start + length > received.length) return;
        if (opcode === 0x8) {
          clearTimeout(timer);
          const body = received.subarray(start, start + length);
          return resolve({ code: body.readUInt16BE(0), reason: body.subarray(2).toString() });
        }
        at = start + length;
      }
    });
  });
}

async function expectHealthy(server: TestServer): Promise<void> {
  const res = await fetch(`${server.url}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
}

/** Deterministic bytes (mulberry32), so a failing seed can be replayed. */
function randomBytes(seed: number, length: number): Uint8Array {
  let state = seed >>> 0;
  return Uint8Array.from({ length }, () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  });
}

/** A real Yjs update inserting `text` into the shared `content`. */
function insertion(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('content').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** Bytes Yjs itself refuses to decode as an update (checked, so the case means what it says). */
function notAnUpdate(bytes: Uint8Array): Uint8Array {
  expect(() => Y.decodeUpdate(bytes)).toThrow();
  return bytes;
}


const { badFrame, messageTooBig } = CloseCode;

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

type BadInput = [what: string, frame: () => Uint8Array | string, closeCode: number, reason: string | null];
/** Cases closed with one code and (when the server chooses it) one reason. */
const closedWith = (code: number, reason: string | null, cases: Array<[string, () => Uint8Array | string]>) =>
  cases.map(([what, frame]): BadInput => [what, frame, code, reason]);

const badInputs: BadInput[] = [
  ...closedWith(
    badFrame,
    null,
    [8, 64, 300, 1000, 3000].map((length, seed) => [`${length} random bytes (seed ${seed})`, () => randomBytes(seed, length)]),
  ),
  ...closedWith(badFrame, 'empty_frame', [['an empty frame', () => bytes()]]),
  ...closedWith(badFrame, 'unknown_message_type', [
    ['message type 7', () => bytes(7, 0)],
    ['an auth message (2) from a client', () => bytes(2, 0, 6, ...utf8('denied'))],
    ['an unknown sync subtype', () => bytes(0, 3, 0)],
  ]),
  ...closedWith(badFrame, 'malformed_frame', [
    ['a truncated message type varint', () => bytes(0x80)],
    ['a truncated length varint', () => bytes(0, 2, 0x85)],
    ['a huge length prefix', () => bytes(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3)],
    ['a sync update that is not a Yjs update', () => encodeSyncUpdate(notAnUpdate(bytes(0xff, 0xff, 0xff, 0xff, 0x0f)))],
    ['a sync update of a truncated Yjs update', () => encodeSyncUpdate(notAnUpdate(insertion('SMUGGLED').slice(0, -3)))],
    ['a sync step 2 that is not a Yjs update', () => encodeSyncStep2(notAnUpdate(randomBytes(99, 40)))],
    ['a sync step 1 whose state vector does not decode', () => encodeSyncStep1(bytes(5, 1))],
    ['a text frame', () => 'hello, I am text'],
    ['an awareness message with invalid JSON', () => awarenessEntriesFrame([[4242, 1, '{"user": {"name": "unfinished']])],
  ]),
  ...closedWith(badFrame, 'invalid_update', [
    ['an update placing text outside its neighbours', () => encodeSyncUpdate(misplacedInsertion().forged)],
  ]),
  ...closedWith(badFrame, 'trailing_bytes', [
    ['trailing bytes after a real update', () => Uint8Array.from([...encodeSyncUpdate(insertion('SMUGGLED')), 0])],
  ]),
  ...closedWith(messageTooBig, null, [
    ['a valid update in a frame over MAX_FRAME_BYTES', () => encodeSyncUpdate(insertion('Z'.repeat(MAX_FRAME_BYTES)))],
  ]),
];

/** Two stock clients editing one document; counts any disconnection they suffer. */
async function twoEditors(server: TestServer, documentId: string) {
  const editors = [connectClient(server, documentId), connectClient(server, documentId)] as const;
  await Promise.all(editors.map((e) => e.synced()));
  let disconnections = 0;
  for (const e of editors) e.provider.on('connection-close', () => disconnections++);
  return { editors, disconnections: () => disconnections };
}

async function expectConverged(editors: readonly YjsClient[], fragments: string[]): Promise<string> {
  const complete = (e: YjsClient) => fragments.every((f) => e.text.toString().includes(f));
  const same = () => editors.every((e) => e.text.toString() === editors[0]!.text.toString());
  await waitFor(() => editors.every(complete) && same(), 'the editors to converge');
  const text = editors[0]!.text.toString();
  expect(text).toHaveLength(fragments.join('').length);
  return text;
}

describe('a bad frame closes only its own socket', () => {
  it.each(badInputs)('%s', async (_, makeFrame, expectedCode, expectedReason) => {
    const frame = makeFrame();
    const server = await startTestServer(ENV);
    const documentId = await server.createDocument();
    const { editors, disconnections } = await twoEditors(server, documentId);
    const [a, b] = editors;
    a.text.insert(0, '[a1]');
    b.text.insert(0, '[b1]');

    const raw = await openRaw(server, documentId);
    const closed = closeOf(raw);
    raw.send(frame);
    a.text.insert(a.text.length, '[a2]');
    const { code, reason } = await closed;
    expect(code).toBe(expectedCode);
    if (expectedReason) expect(reason).toBe(expectedReason);

    b.text.insert(b.text.length, '[b2]');
    const text = await expectConverged(editors, ['[a1]', '[b1]', '[a2]', '[b2]']);
    expect(disconnections()).toBe(0);
    await expectHealthy(server);

    // Nothing of the rejected frame reached the document, in memory or on disk.
    const fresh = connectClient(server, documentId);
    await fresh.synced();
    expect(fresh.text.toString()).toBe(text);
    for (const c of [a, b, fresh]) c.destroy();
    await server.server.close();
    const restarted = await startTestServer({ ...ENV, DATA_DIR: server.dataDir });
    const reader = connectClient({ wsUrl: restarted.wsUrl, cookie: server.cookie }, documentId);
    await reader.synced();
    expect(reader.text.toString()).toBe(text);
  });

  it('rejects a bad frame that arrives with the upgrade, before the document has loaded', async () => {
    const server = await startTestServer(ENV);
    const documentId = await server.createDocument();
    // In the same TCP write as the upgrade: the server reads it while still looking the document up.
    const closed = await upgradeCarrying(server, documentId, [encodeSyncUpdate(insertion('[early]')), bytes(0, 2, 0x85)]);
    expect(closed).toEqual({ code: badFrame, reason: 'malformed_frame' });

    const { editors, disconnections } = await twoEditors(server, documentId);
    editors[0].text.insert(editors[0].text.length, '[after]');
    expect(await expectConverged(editors, ['[early]', '[after]'])).toBe('[early][after]');
    expect(disconnections()).toBe(0);
  });

  it('answers an update typed after text it never received with a sync step 1, and takes the reply', async () => {
    const server = await startTestServer(ENV);
    const documentId = await server.createDocument();
    const { editors } = await twoEditors(server, documentId);
    const socket = openCollabSocket(server, documentId);
    await socket.received('sync-step1');
    const { update, missing } = insertionAfterUnknownText();
    socket.send(encodeSyncUpdate(update));
    // What the stock provider answers a sync step 1 with: everything the server lacks.
    await socket.received('sync-step1', 2);
    socket.send(encodeSyncStep2(Y.mergeUpdates([missing, update])));
    expect(await expectConverged(editors, ['abc!'])).toBe('abc!');
    expect(socket.isClosed()).toBe(false);
  });

  it('takes a new paragraph that hangs from one the sender’s previous update, still being stored, created', async () => {
    const server = await startTestServer(ENV);
    const documentId = await server.createDocument();
    const socket = openCollabSocket(server, documentId);
    await socket.received('sync-step1');
    // Enter pressed twice in a row: each update creates a paragraph after the one before.
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => updates.push(update));
    const fragment = writer.getXmlFragment('paragraphs');
    for (const text of ['first', 'second', 'third']) fragment.insert(fragment.length, [new Y.XmlElement(text)]);
    for (const update of updates) socket.send(encodeSyncUpdate(update));
    const reader = connectClient(server, documentId);
    await waitFor(async () => {
      await reader.synced();
      return reader.doc.getXmlFragment('paragraphs').length === 3;
    }, 'all three paragraphs to be stored');
    expect(socket.isClosed()).toBe(false);
  });

  it('closes the socket at the first bad frame even after valid ones, keeping what came before', async () => {
    const server = await startTestServer(ENV);
    const documentId = await server.createDocument();
    const { editors } = await twoEditors(server, documentId);
    const raw = await openRaw(server, documentId);
    const closed = closeOf(raw);
    raw.send(encodeSyncUpdate(insertion('[kept]')));
    raw.send(bytes(7));
    raw.send(encodeSyncUpdate(insertion('[after the bad frame]')));
    expect(await closed).toEqual({ code: badFrame, reason: 'unknown_message_type' });
    expect(await expectConverged(editors, ['[kept]'])).toBe('[kept]');
  });
});

describe('presence of a socket closed for a bad frame', () => {
  it('disappears for the other clients', async () => {
    const server = await startTestServer(ENV);
    const documentId = await server.createDocument();
    const { editors } = await twoEditors(server, documentId);
    const raw = await openRaw(server, documentId);
    raw.send(awarenessEntriesFrame([[777, 1, JSON.stringify({ user: { name: 'Visitor' } })]]));
    const seen = (e: YjsClient) => e.provider.awareness.getStates().has(777);
    await waitFor(() => editors.every(seen), 'the editors to see the visitor');

    const closed = closeOf(raw);
    raw.send(bytes(7));
    expect((await closed).code).toBe(badFrame);
    await waitFor(() => !editors.some(seen), 'the visitor to disappear from the editors');
  });

  // y-protocols applies entries one by one: the whole message must be checked before any is applied.
  it('is not left behind by an awareness message that fails half-way', async () => {
    const server = await startTestServer(ENV);
    const documentId = await server.createDocument();
    const raw = await openRaw(server, documentId);
    const closed = closeOf(raw);
    raw.send(
      awarenessEntriesFrame([
        [4242, 1, JSON.stringify({ user: { name: 'Ghost' } })],
        [4343, 1, '{"user": '],
      ]),
    );
    expect((await closed).code).toBe(badFrame);
    const newcomer = connectClient(server, documentId);
    // The server sends everyone's presence before its sync reply, so it has arrived once synced.
    await newcomer.synced();
    expect([...newcomer.provider.awareness.getStates().keys()]).toEqual([newcomer.doc.clientID]);
  });
});

describe('websocket upgrades', () => {
  it.each([
    ['forbidden characters', 'bad!id'],
    ['an id over 64 characters', 'a'.repeat(65)],
    ['an empty id', ''],
    ['a malformed percent escape', '%E0%A4%A'],
    ['a percent-encoded slash', 'abc%2Fdef'],
  ])('answers HTTP 400 for a document id with %s, and keeps serving', async (_, id) => {
    const server = await startTestServer(ENV);
    expect(await upgradeStatus(`${server.wsUrl}/${id}`)).toBe(400);
    await expectHealthy(server);
  });

  it.each([
    ['outside /collab/', (s: TestServer) => `${s.url.replace(/^http/, 'ws')}/elsewhere/abc`],
    ['an empty path segment', (s: TestServer) => `${s.url.replace(/^http/, 'ws')}//`],
  ])('answers HTTP 404 for a path %s, and keeps serving', async (_, url) => {
    const server = await startTestServer(ENV);
    expect(await upgradeStatus(url(server))).toBe(404);
    await expectHealthy(server);
  });

  it('closes a connection to a valid but unknown document with 4404', async () => {
    const server = await startTestServer(ENV);
    await server.owner();
    const ws = new WebSocket(`${server.wsUrl}/no-such-document`, { headers: { cookie: server.cookie ?? '' } });
    onTestFinished(() => ws.terminate());
    ws.on('error', () => {});
    expect(await closeOf(ws)).toEqual({ code: CloseCode.notFound, reason: 'document not found' });
  });
});

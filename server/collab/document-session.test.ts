import { describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { decodeServerMessage, type ServerMessage } from '../../test/helpers/collab-socket';
import { insertTestDocument } from '../../test/helpers/database';
import { tempDir } from '../../test/helpers/temp-dir';
import { createLogger } from '../logger';
import { createInProcessFanOut } from '../storage/fan-out';
import { SqliteDocumentStore } from '../storage/sqlite-document-store';
import { openSqliteDatabase } from '../storage/sqlite';
import { Connection } from './connection';
import { DocumentSession } from './document-session';
import { ProtocolError } from './protocol';
import { CloseCode } from '../../shared/protocol';
import { DEFAULT_AWARENESS_PACING } from './awareness-relay';

const USER = 'user-1';
/** Owners of the client ids that wrote the stored updates, as storage records them. */
const owners = new Map<number, string>();

/** `recordDelayMs`: how long storage takes to record the owner of these new client ids. */
async function setUp(recordDelayMs: (ids: number[]) => number = () => 0, maxDocumentBytes = 1 << 20) {
  const db = await openSqliteDatabase({ dataDir: tempDir(), synchronous: 'NORMAL' });
  onTestFinished(() => db.destroy());
  const store = new SqliteDocumentStore(db);
  const { id } = await insertTestDocument(db, 'Session test');
  const deps = {
    store,
    fanOut: createInProcessFanOut(),
    logger: createLogger('silent'),
    activity: { report: async () => {} },
    clients: {
      load: async () => new Map(owners),
      record: async (_room: string, ids: number[], userId: string) => {
        await new Promise((resolve) => setTimeout(resolve, recordDelayMs(ids)));
        return new Map(ids.map((i) => [i, userId]));
      },
    },
    versions: { capture: async () => {} },
  };
  const options = {
    maxDocumentBytes,
    compactAfterUpdates: 1000,
    versions: { afterPauseMs: 60_000, everyUpdates: 1000 },
    awareness: DEFAULT_AWARENESS_PACING,
  };
  const load = async () => {
    const session = await DocumentSession.load(id, deps, options);
    onTestFinished(() => session.close());
    return session;
  };
  return { store, id, load };
}

/** A connection over a stand-in socket that keeps every frame the session sends it. */
function connection(session: DocumentSession): { connection: Connection; received: ServerMessage[] } {
  const received: ServerMessage[] = [];
  const socket = {
    readyState: WebSocket.OPEN,
    bufferedAmount: 0,
    on: () => socket,
    send: (frame: Uint8Array) => received.push(decodeServerMessage(frame)),
  };
  const grant = { userId: USER, sessionId: 's', sessionExpiresAt: Number.MAX_SAFE_INTEGER, projectId: 'p', role: 'owner' as const };
  const opened = new Connection(socket as unknown as WebSocket, { maxSendBufferBytes: 1 << 24 }, grant, {
    id: session.documentId,
    documentId: session.documentId,
    channel: 'content',
  });
  session.addConnection(opened);
  return { connection: opened, received };
}

/** What a client holding `client` receives in reply to its sync step 1, applied to it. */
async function sync(session: DocumentSession, client: Y.Doc = new Y.Doc()): Promise<{ text: string; reply: Uint8Array }> {
  const { connection: opened, received } = connection(session);
  await session.handleMessage(opened, { type: 'sync-step1', stateVector: Y.encodeStateVector(client) });
  const reply = received.find((m) => m.type === 'sync-step2');
  if (reply?.type !== 'sync-step2') throw new Error('no sync step 2');
  Y.applyUpdate(client, reply.update);
  return { text: client.getText('t').toString(), reply: reply.update };
}

/** Appends `parts` to the stored document, one update each, as editors would have; answers the editor's document. */
async function store(store: SqliteDocumentStore, id: string, parts: string[], editor = new Y.Doc()): Promise<Y.Doc> {
  owners.set(editor.clientID, USER);
  for (const part of parts) {
    const before = Y.encodeStateVector(editor);
    editor.getText('t').insert(editor.getText('t').length, part);
    await store.append(id, Y.encodeStateAsUpdate(editor, before));
  }
  return editor;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('DocumentSession sync from the stored bytes', () => {
  it('answers a new client with the stored snapshot, before decoding the document, which then follows', async () => {
    const { store: documents, id, load } = await setUp();
    const editor = await store(documents, id, ['one ', 'two ', 'three']);
    const snapshot = Y.encodeStateAsUpdate(editor);
    await documents.compact(id, snapshot, 3);

    const session = await load();
    const { connection: opened, received } = connection(session);
    // The server's own sync step 1 waits for the document.
    expect(received.filter((m) => m.type === 'sync-step1')).toEqual([]);
    await session.handleMessage(opened, { type: 'sync-step1', stateVector: Y.encodeStateVector(new Y.Doc()) });
    const reply = received.find((m) => m.type === 'sync-step2');
    expect(reply?.type === 'sync-step2' && reply.update).toEqual(snapshot);

    await tick();
    expect(received.find((m) => m.type === 'sync-step1')).toEqual({ type: 'sync-step1', stateVector: Y.encodeStateVector(editor) });
    expect(session.doc.getText('t').toString()).toBe('one two three');
  });

  it('gives a new client the snapshot and the tail', async () => {
    const { store: documents, id, load } = await setUp();
    const editor = await store(documents, id, ['one ', 'two ']);
    await documents.compact(id, Y.encodeStateAsUpdate(editor), 2);
    await store(documents, id, ['three ', 'four'], editor);

    expect((await sync(await load())).text).toBe('one two three four');
  });

  it('gives a client with part of the document what it lacks, from the bytes and from the decoded document alike', async () => {
    const { store: documents, id, load } = await setUp();
    const editor = await store(documents, id, ['one '.repeat(50), 'two ']);
    const firstTwo = Y.encodeStateAsUpdate(editor);
    await documents.compact(id, firstTwo, 2);
    await store(documents, id, ['three ', 'four'], editor);
    // A client that has the first two parts from an earlier visit.
    const visitor = () => {
      const client = new Y.Doc();
      Y.applyUpdate(client, firstTwo);
      return client;
    };

    const session = await load();
    const fromBytes = await sync(session, visitor());
    expect(fromBytes.text).toBe(`${'one '.repeat(50)}two three four`);
    expect(fromBytes.reply.byteLength).toBeLessThan(100);
    await tick();
    expect((await sync(session, visitor())).text).toBe(`${'one '.repeat(50)}two three four`);
  });

  it('sends changes made since the load, and compacts to the same document', async () => {
    const { store: documents, id, load } = await setUp();
    const editor = await store(documents, id, ['one ', 'two ']);
    await documents.compact(id, Y.encodeStateAsUpdate(editor), 2);

    const session = await load();
    expect((await sync(session)).text).toBe('one two ');
    // A change through the session: the stored bytes no longer are the document.
    const { connection: writer } = connection(session);
    const before = Y.encodeStateVector(editor);
    editor.getText('t').insert(editor.getText('t').length, 'three');
    await session.handleMessage(writer, { type: 'sync-update', update: Y.encodeStateAsUpdate(editor, before) });
    expect((await sync(session)).text).toBe('one two three');

    await session.compact();
    expect((await sync(session)).text).toBe('one two three');
    const reloaded = await load();
    expect((await sync(reloaded)).text).toBe('one two three');
  });

  it('keeps ids that wrote without a recorded owner nobody’s, though the document is decoded after the load', async () => {
    const { store: documents, id, load } = await setUp();
    const editor = await store(documents, id, ['older text']);
    owners.delete(editor.clientID);

    const session = await load();
    const { connection: opened } = connection(session);
    const before = Y.encodeStateVector(editor);
    editor.getText('t').insert(0, 'forged ');
    await expect(
      session.handleMessage(opened, { type: 'sync-update', update: Y.encodeStateAsUpdate(editor, before) }),
    ).rejects.toMatchObject({ code: 'client_id_not_owned' });
  });

  it('refuses a state vector that does not decode', async () => {
    const { load } = await setUp();
    const session = await load();
    const { connection: opened } = connection(session);
    await expect(session.handleMessage(opened, { type: 'sync-step1', stateVector: new Uint8Array([0xff]) })).rejects.toBeInstanceOf(
      ProtocolError,
    );
  });
});

/** Updates of two writers taking turns on one line, each after the other's last words, as `premade-document.ts` makes them. */
function turns(count: number): { updates: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) {
    doc.clientID = 1000 + (i % 2);
    text.insert(text.length, `w${i % 2}:${i} `);
  }
  return { updates, text: text.toString() };
}

describe('DocumentSession updates in a row', () => {
  it('takes an answer repeating what a full document holds, and still refuses anything new', async () => {
    const { store: documents, id, load } = await setUp(() => 0, 120);
    const session = await load();
    const writer = connection(session);
    const client = new Y.Doc();
    const typed: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => typed.push(update));
    client.getText('t').insert(0, 'A field note that fills the document. ');
    client.getText('t').insert(0, 'More. ');
    for (const update of typed) await session.handleMessage(writer.connection, { type: 'sync-update', update });
    const answer = Y.encodeStateAsUpdate(client);
    const rows = (await documents.load(id)).updates.length;
    expect(session.storedBytes + answer.byteLength).toBeGreaterThan(120);

    await session.handleMessage(writer.connection, { type: 'sync-step2', update: answer });
    expect((await documents.load(id)).updates).toHaveLength(rows);

    client.getText('t').insert(0, 'Too much. '.repeat(5));
    const tooMuch = typed.at(-1)!;
    expect(session.storedBytes + tooMuch.byteLength).toBeGreaterThan(120);
    await expect(session.handleMessage(writer.connection, { type: 'sync-update', update: tooMuch })).rejects.toMatchObject({
      closeCode: CloseCode.documentTooLarge,
    });
  });

  it('stores and relays a change of its own without the deletions made before it', async () => {
    const { store: documents, id, load } = await setUp();
    const session = await load();
    const writer = connection(session);
    const reader = connection(session);
    const client = new Y.Doc();
    const typed: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => typed.push(update));
    client.getText('t').insert(0, 'draft text');
    client.getText('t').delete(0, 6);
    for (const update of typed) await session.handleMessage(writer.connection, { type: 'sync-update', update });

    await session.changeAsServer((doc) => doc.getText('t').insert(0, 'Final '));
    const relayed = reader.received.filter((m) => m.type === 'sync-update').at(-1);
    if (relayed?.type !== 'sync-update') throw new Error('no relayed update');
    const stored = (await documents.load(id)).updates.at(-1)!;
    for (const update of [relayed.update, stored]) expect(Y.decodeUpdate(update).ds.clients.size).toBe(0);
    Y.applyUpdate(client, relayed.update);
    expect(client.getText('t').toString()).toBe('Final text');
  });

  it('neither stores nor relays an answer to its sync request that repeats what it already holds', async () => {
    const { store: documents, id, load } = await setUp();
    const session = await load();
    const writer = connection(session);
    const reader = connection(session);
    const relayed = () => reader.received.filter((m) => m.type === 'sync-update').length;
    const client = new Y.Doc();
    // What the server had when it asked: nothing. The client types, and its lines arrive first.
    const request = Y.encodeStateVector(new Y.Doc());
    const typed: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => typed.push(update));
    client.getText('t').insert(0, 'one ');
    client.getText('t').insert(4, 'two');
    client.getText('t').delete(0, 1);
    for (const update of typed) await session.handleMessage(writer.connection, { type: 'sync-update', update });
    const rows = (await documents.load(id)).updates.length;
    expect(relayed()).toBe(3);

    await session.handleMessage(writer.connection, { type: 'sync-step2', update: Y.encodeStateAsUpdate(client, request) });
    expect((await documents.load(id)).updates).toHaveLength(rows);
    expect(relayed()).toBe(3);

    // An answer with one thing new is stored and relayed as any update.
    client.getText('t').insert(0, 'O');
    await session.handleMessage(writer.connection, { type: 'sync-step2', update: Y.encodeStateAsUpdate(client, request) });
    expect((await documents.load(id)).updates).toHaveLength(rows + 1);
    expect(relayed()).toBe(4);
    expect(session.doc.getText('t').toString()).toBe('One two');
  });

  it('applies a connection’s updates in the order they came while a new writer’s owner is being recorded', async () => {
    // The second writer's owner takes longer to record than the first's.
    const { load } = await setUp((ids) => (ids.includes(1001) ? 50 : 0));
    const session = await load();
    const { connection: opened, received } = connection(session);
    const { updates, text } = turns(40);
    // One socket carries both writers' updates: the first two, then the rest once the first writer is recorded.
    const sent = updates.slice(0, 2).map((update) => session.handleMessage(opened, { type: 'sync-update', update }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    sent.push(...updates.slice(2).map((update) => session.handleMessage(opened, { type: 'sync-update', update })));
    await Promise.all(sent);

    expect(session.doc.getText('t').toString()).toBe(text);
    // Nothing was refused as building on what the server lacked: no request to resend.
    expect(received.filter((m) => m.type === 'sync-step1')).toHaveLength(1);
  });

  it('asks once for what it lacks, however many updates that build on it are on their way', async () => {
    const { load } = await setUp();
    const session = await load();
    const { connection: opened, received } = connection(session);
    const { updates, text } = turns(16);
    const client = new Y.Doc();
    const requests = () => received.filter((m) => m.type === 'sync-step1');
    /** Sends `sent`, of which the first is lost on the way; answers the server's requests as the stock provider does. */
    const sendLosingFirst = async (sent: Uint8Array[]) => {
      for (const update of sent) Y.applyUpdate(client, update);
      const before = requests().length;
      await Promise.all(sent.slice(1).map((update) => session.handleMessage(opened, { type: 'sync-update', update })));
      const asked = requests().slice(before);
      expect(asked).toHaveLength(1);
      const request = asked[0]!;
      if (request.type !== 'sync-step1') throw new Error('not a sync step 1');
      await session.handleMessage(opened, { type: 'sync-step2', update: Y.encodeStateAsUpdate(client, request.stateVector) });
    };

    await session.handleMessage(opened, { type: 'sync-update', update: updates[0]! });
    Y.applyUpdate(client, updates[0]!);
    await tick();
    // The second update is lost; the ten after it build on it: one request, whose answer brings them all.
    await sendLosingFirst(updates.slice(1, 12));
    expect(session.doc.getText('t').toString()).toBe(turns(12).text);
    // Answered: a later gap is asked for again.
    await sendLosingFirst(updates.slice(12));
    expect(session.doc.getText('t').toString()).toBe(text);
  });
});

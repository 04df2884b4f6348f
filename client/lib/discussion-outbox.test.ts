import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import {
  canRetryLater,
  createDiscussionOutbox,
  forgetOutboxes,
  localOutboxStore,
  outboxStorageKey,
  type OutboxEntry,
  type OutboxRequest,
  type OutboxStore,
} from './discussion-outbox';

const offline = () => new ApiError(0, 'network_error', 'Failed to fetch');
const forbidden = () => new ApiError(403, 'forbidden', 'no');

function memoryStore(initial: OutboxEntry[] = []): OutboxStore & { entries: OutboxEntry[] } {
  const store = {
    entries: initial,
    read: () => [...store.entries],
    write: (entries: readonly OutboxEntry[]) => {
      store.entries = [...entries];
    },
  };
  return store;
}

const reply = (body: string): OutboxRequest => ({ type: 'reply', threadId: 'thr_1', input: { body } });
const bodyOf = (request: OutboxRequest) => (request.type === 'reply' ? request.input.body : request.type);

/** A server that answers as told: each call takes the next behaviour, the last one repeating. */
function server(...behaviours: Array<'ok' | 'offline' | 'forbidden'>) {
  const received: string[] = [];
  let call = 0;
  return {
    received,
    async send(request: OutboxRequest) {
      const behaviour = behaviours[Math.min(call++, behaviours.length - 1)];
      if (behaviour === 'offline') throw offline();
      if (behaviour === 'forbidden') throw forbidden();
      received.push(bodyOf(request));
      return { messageId: `msg_${received.length}` };
    },
  };
}

function outboxWith(send: (request: OutboxRequest) => Promise<unknown>, store = memoryStore()) {
  const dropped: Array<{ entry: OutboxEntry; error: unknown }> = [];
  let counter = 0;
  const outbox = createDiscussionOutbox({
    send,
    store,
    onDropped: (entry, error) => dropped.push({ entry, error }),
    newId: () => `e${++counter}`,
    now: () => 1000,
  });
  return { outbox, store, dropped };
}

/** An outbox on a store of the browser's. */
const outboxOn = (send: (request: OutboxRequest) => Promise<unknown>, store: OutboxStore) => createDiscussionOutbox({ send, store });

describe('the discussion outbox', () => {
  it('sends at once when connected, and keeps nothing', async () => {
    const remote = server('ok');
    const { outbox, store } = outboxWith(remote.send);
    await expect(outbox.submit(reply('hello'))).resolves.toEqual({ status: 'sent', response: { messageId: 'msg_1' } });
    expect(remote.received).toEqual(['hello']);
    expect(store.entries).toEqual([]);
  });

  it('keeps what could not reach the server, marked as waiting, and sends it later in order', async () => {
    const remote = server('offline', 'offline', 'ok');
    const { outbox, store } = outboxWith(remote.send);
    await expect(outbox.submit(reply('first'))).resolves.toEqual({ status: 'queued' });
    await expect(outbox.submit(reply('second'))).resolves.toEqual({ status: 'queued' });
    expect(store.entries.map((e) => [bodyOf(e.request), e.waiting])).toEqual([
      ['first', true],
      ['second', true],
    ]);

    await outbox.flush();
    expect(remote.received).toEqual(['first', 'second']);
    expect(outbox.entries()).toEqual([]);
  });

  it('sends a new request only after those waiting before it', async () => {
    const remote = server('offline', 'ok');
    const { outbox } = outboxWith(remote.send);
    await outbox.submit(reply('older'));
    await expect(outbox.submit(reply('newer'))).resolves.toMatchObject({ status: 'sent' });
    expect(remote.received).toEqual(['older', 'newer']);
  });

  it('stops at the first request that still finds no connection, keeping the rest behind it', async () => {
    const remote = server('offline', 'offline', 'ok', 'offline');
    const { outbox } = outboxWith(remote.send);
    await outbox.submit(reply('a'));
    await outbox.submit(reply('b'));
    await outbox.submit(reply('c'));
    await outbox.flush();
    expect(remote.received).toEqual(['a']);
    expect(outbox.entries().map((e) => bodyOf(e.request))).toEqual(['b', 'c']);
  });

  it('drops a waiting request the server refuses, says so, and goes on with the next', async () => {
    const remote = server('offline', 'offline', 'forbidden', 'ok');
    const { outbox, dropped } = outboxWith(remote.send);
    await outbox.submit(reply('refused'));
    await outbox.submit(reply('accepted'));
    await outbox.flush();
    expect(dropped.map(({ entry, error }) => [bodyOf(entry.request), (error as ApiError).code])).toEqual([['refused', 'forbidden']]);
    expect(remote.received).toEqual(['accepted']);
    expect(outbox.entries()).toEqual([]);
  });

  it('rejects a request the server refuses at once, keeping nothing', async () => {
    const { outbox, store, dropped } = outboxWith(server('forbidden').send);
    await expect(outbox.submit(reply('no'))).rejects.toMatchObject({ code: 'forbidden' });
    expect(store.entries).toEqual([]);
    expect(dropped).toEqual([]);
  });

  it('sends what an earlier visit left behind', async () => {
    const left: OutboxEntry = { id: 'old', request: reply('from yesterday'), queuedAt: 1, waiting: true };
    const remote = server('ok');
    const { outbox } = outboxWith(remote.send, memoryStore([left]));
    expect(outbox.entries()).toEqual([left]);
    await outbox.flush();
    expect(remote.received).toEqual(['from yesterday']);
  });

  it('sends each entry once when flushes overlap', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const received: string[] = [];
    const store = memoryStore([{ id: 'x', request: reply('once'), queuedAt: 1, waiting: true }]);
    const { outbox } = outboxWith(async (request) => {
      await gate;
      received.push(bodyOf(request));
    }, store);
    const both = Promise.all([outbox.flush(), outbox.flush()]);
    release();
    await both;
    expect(received).toEqual(['once']);
  });
});

/** The browser's localStorage, as the outboxes of everyone who uses it share it. */
function browserStorage() {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('each person’s outbox, on a shared browser', () => {
  let storage: ReturnType<typeof browserStorage>;
  beforeEach(() => {
    storage = browserStorage();
    vi.stubGlobal('window', { localStorage: storage });
  });
  afterEach(() => vi.unstubAllGlobals());

  /** What Awa left waiting on the document, before Bala logged in on the same browser; her tab's store. */
  async function awaLeftWaiting(...bodies: string[]) {
    const store = localOutboxStore('usr_awa', 'doc_1');
    const outbox = outboxOn(server('offline').send, store);
    for (const body of bodies) await outbox.submit(reply(body));
    return store;
  }

  it('keeps what waits under its writer and its document', async () => {
    await awaLeftWaiting('from Awa');
    expect([...storage.items.keys()]).toEqual([outboxStorageKey('usr_awa', 'doc_1')]);
    expect(localOutboxStore('usr_awa', 'doc_1').read().map((e) => bodyOf(e.request))).toEqual(['from Awa']);
    expect(localOutboxStore('usr_bala', 'doc_1').read()).toEqual([]);
  });

  it('never sends what another person left waiting', async () => {
    await awaLeftWaiting('from Awa');
    const remote = server('ok');
    const outbox = outboxOn(remote.send, localOutboxStore('usr_bala', 'doc_1'));
    await outbox.flush();
    await outbox.submit(reply('from Bala'));
    expect(remote.received).toEqual(['from Bala']);
    expect(localOutboxStore('usr_awa', 'doc_1').read()).toHaveLength(1);
  });

  it('forgets one person’s queues, of every document, and those of unknown owner, keeping the others’', async () => {
    await awaLeftWaiting('from Awa');
    localOutboxStore('usr_awa', 'doc_2').write([{ id: 'a2', request: reply('also Awa'), queuedAt: 1, waiting: true }]);
    localOutboxStore('usr_bala', 'doc_1').write([{ id: 'b1', request: reply('Bala'), queuedAt: 1, waiting: true }]);
    storage.setItem('ensemble:discussion-outbox:doc_1', '[]');
    storage.setItem('ensemble:locale', 'fr');
    forgetOutboxes((owner) => owner === 'usr_awa');
    expect([...storage.items.keys()]).toEqual([outboxStorageKey('usr_bala', 'doc_1'), 'ensemble:locale']);
  });

  it('stops sending a queue forgotten while it was being sent (its owner logged out in another tab)', async () => {
    const awasTab = await awaLeftWaiting('first', 'second');
    const received: string[] = [];
    const outbox = outboxOn(async (request) => {
      received.push(bodyOf(request));
      forgetOutboxes((owner) => owner === 'usr_awa');
    }, awasTab);
    await outbox.flush();
    expect(received).toEqual(['first']);
    expect(storage.items.size).toBe(0);
  });
});

describe('what is worth sending again', () => {
  it.each([
    [new ApiError(0, 'network_error', ''), true],
    [new ApiError(503, 'internal_error', ''), true],
    [new ApiError(429, 'too_many_attempts', ''), true],
    [new ApiError(401, 'unauthenticated', ''), true],
    [new ApiError(403, 'forbidden', ''), false],
    [new ApiError(404, 'not_found', ''), false],
    [new ApiError(0, 'validation_failed', ''), false],
    [new ApiError(500, 'internal_error', ''), false],
    [new Error('bug'), false],
  ])('%s → %s', (error, expected) => {
    expect(canRetryLater(error)).toBe(expected);
  });
});

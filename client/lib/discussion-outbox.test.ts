import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { canRetryLater, createDiscussionOutbox, type OutboxEntry, type OutboxRequest, type OutboxStore } from './discussion-outbox';

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

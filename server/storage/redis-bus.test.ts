import { Redis } from 'ioredis';
import { describe, expect, it, onTestFinished } from 'vitest';
import { redisForFile } from '../../test/helpers/redis';
import { waitFor } from '../../test/helpers/wait-for';
import { createLogger } from '../logger';
import type { FanOutMessage } from './fan-out';
import { openRedisBus } from './redis-bus';

const redis = redisForFile();

/** One instance's link to the others. */
async function instance() {
  const bus = await openRedisBus(redis().url, createLogger('silent'));
  onTestFinished(() => bus.close());
  return bus;
}

describe('the Redis fan-out between instances', () => {
  it('carries a room’s updates and awareness to the other instances of that room only, never back', async () => {
    const [a, b, c] = [await instance(), await instance(), await instance()];
    const received = { a: [] as FanOutMessage[], b: [] as FanOutMessage[], c: [] as FanOutMessage[] };
    const missed = { a: 0, b: 0 };
    const onA = a.fanOut.subscribe('room-1', (m) => received.a.push(m), () => missed.a++);
    b.fanOut.subscribe('room-1', (m) => received.b.push(m), () => missed.b++);
    c.fanOut.subscribe('room-2', (m) => received.c.push(m));
    // Told to catch up from storage once the subscription is live: what was published before is not heard.
    await waitFor(() => missed.a === 1 && missed.b === 1, 'both subscriptions to be live');

    onA.publish({ kind: 'update', data: new Uint8Array([1, 2, 3]) });
    onA.publish({ kind: 'awareness', data: new Uint8Array([4]) });
    await waitFor(() => received.b.length === 2, 'the other instance to receive both');
    expect(received.b.map((m) => [m.kind, [...m.data]])).toEqual([['update', [1, 2, 3]], ['awareness', [4]]]);
    expect(received.a).toEqual([]);
    expect(received.c).toEqual([]);
  });

  it('stops delivering once unsubscribed', async () => {
    const [a, b] = [await instance(), await instance()];
    const received: FanOutMessage[] = [];
    let live = 0;
    const onA = a.fanOut.subscribe('room', () => {});
    const onB = b.fanOut.subscribe('room', (m) => received.push(m), () => live++);
    await waitFor(() => live === 1, 'the subscription to be live');
    onA.publish({ kind: 'update', data: new Uint8Array([1]) });
    await waitFor(() => received.length === 1, 'the first message');
    onB.unsubscribe();
    onA.publish({ kind: 'update', data: new Uint8Array([2]) });
    // A message to a room B still has would arrive after it, on the same connection.
    const marker = b.fanOut.subscribe('other', () => {});
    await new Promise((resolve) => setTimeout(resolve, 200));
    marker.unsubscribe();
    expect(received).toHaveLength(1);
  });

  it('tells every subscriber to catch up after its link to Redis was cut and came back', async () => {
    const bus = await instance();
    let missed = 0;
    bus.fanOut.subscribe('room', () => {}, () => missed++);
    await waitFor(() => missed === 1, 'the subscription to be live');
    const admin = new Redis(redis().url);
    onTestFinished(() => void admin.quit());
    await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
    await waitFor(() => missed === 2, 'a catch-up after reconnection', 15_000);
  });

  it('carries access changes to every other instance', async () => {
    const [a, b] = [await instance(), await instance()];
    const heardA: string[] = [];
    const heardB: string[] = [];
    a.access.subscribe((m) => heardA.push(m));
    b.access.subscribe((m) => heardB.push(m));
    a.access.publish('{"kind":"session-ended","sessionId":"s"}');
    await waitFor(() => heardB.length === 1, 'the other instance to hear it');
    expect(heardB).toEqual(['{"kind":"session-ended","sessionId":"s"}']);
    expect(heardA).toEqual([]);
  });

  it('fails at once, and leaves nothing retrying, when Redis cannot be reached', async () => {
    await expect(openRedisBus('redis://127.0.0.1:1', createLogger('silent'))).rejects.toThrow(/Could not connect to Redis/);
  });
});

import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger';
import type { Broadcast, FanOut, FanOutMessage } from './fan-out';

const ROOM_PREFIX = 'ensemble:room:';
const ACCESS_CHANNEL = 'ensemble:access';
const KINDS: readonly FanOutMessage['kind'][] = ['update', 'awareness'];
const INSTANCE_ID_BYTES = 16;

interface RoomHandler {
  onMessage: (message: FanOutMessage) => void;
  onMissed?: () => void;
}

export interface RedisBus {
  /** Documents' updates and awareness, between the instances that have them loaded. */
  fanOut: FanOut;
  /** Role changes and revoked sessions, to every instance. */
  access: Broadcast;
  close(): Promise<void>;
}

/**
 * The links between server instances, over Redis pub/sub: one channel per
 * room, one for access changes. Pub/sub rather than streams because what it
 * carries is already durable in PostgreSQL before it is published: Redis
 * only has to be fast, never to keep anything. A message an instance misses
 * (while its link to Redis is down) is read back from the database instead:
 * every subscriber is told to catch up when its subscription becomes live,
 * at first and after each reconnection.
 *
 * A room frame is one byte of kind, the sender's instance id (an instance
 * hears its own publications and drops them), then the payload.
 */
export async function openRedisBus(url: string, logger: Logger): Promise<RedisBus> {
  const instanceId = randomBytes(INSTANCE_ID_BYTES);
  const options = { lazyConnect: true, connectionName: 'ensemble', maxRetriesPerRequest: null };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  for (const connection of [publisher, subscriber]) {
    connection.on('error', (error: unknown) => logger.warn('redis connection error', { error }));
  }
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (error) {
    // Fail the start rather than retry for ever in the background.
    publisher.disconnect();
    subscriber.disconnect();
    throw new Error(`Could not connect to Redis (REDIS_URL): ${String(error)}`, { cause: error });
  }

  const rooms = new Map<string, Set<RoomHandler>>();
  const accessListeners = new Set<(message: string) => void>();

  const fromOthers = (frame: Buffer) => frame.length >= 1 + INSTANCE_ID_BYTES && !frame.subarray(1, 1 + INSTANCE_ID_BYTES).equals(instanceId);

  subscriber.on('messageBuffer', (channelBytes: Buffer, frame: Buffer) => {
    const channel = channelBytes.toString();
    if (channel === ACCESS_CHANNEL) {
      if (!fromOthers(frame)) return;
      const text = frame.subarray(1 + INSTANCE_ID_BYTES).toString();
      for (const listener of accessListeners) listener(text);
      return;
    }
    const handlers = rooms.get(channel.slice(ROOM_PREFIX.length));
    const kind = KINDS[frame[0] ?? -1];
    if (!handlers || !kind || !fromOthers(frame)) return;
    const message = { kind, data: new Uint8Array(frame.subarray(1 + INSTANCE_ID_BYTES)) };
    for (const handler of handlers) handler.onMessage(message);
  });

  const catchUp = (handlers: Iterable<RoomHandler>) => {
    for (const handler of handlers) handler.onMissed?.();
  };
  // Connected already: every later `ready` is a reconnection.
  subscriber.on('ready', () => {
    // ioredis resubscribes on reconnection; a PING answered after it means the channels are live again.
    subscriber.ping().then(
      () => catchUp([...rooms.values()].flatMap((set) => [...set])),
      () => {},
    );
  });
  await subscriber.subscribe(ACCESS_CHANNEL);

  const frame = (kind: number, payload: Uint8Array) => Buffer.concat([Buffer.of(kind), instanceId, payload]);
  const publish = (channel: string, data: Buffer) => {
    publisher.publish(channel, data).catch((error: unknown) => logger.warn('could not publish to redis', { channel, error }));
  };

  const fanOut: FanOut = {
    subscribe(roomId, onMessage, onMissed) {
      const handler: RoomHandler = { onMessage, onMissed };
      const channel = ROOM_PREFIX + roomId;
      let handlers = rooms.get(roomId);
      if (!handlers) rooms.set(roomId, (handlers = new Set()));
      handlers.add(handler);
      subscriber.subscribe(channel).then(
        () => {
          if (rooms.get(roomId)?.has(handler)) catchUp([handler]);
        },
        (error: unknown) => logger.error('could not subscribe to a room on redis', { roomId, error }),
      );
      return {
        publish(message) {
          for (const other of rooms.get(roomId) ?? []) if (other !== handler) other.onMessage(message);
          publish(channel, frame(KINDS.indexOf(message.kind), message.data));
        },
        unsubscribe() {
          const current = rooms.get(roomId);
          current?.delete(handler);
          if (current?.size === 0) {
            rooms.delete(roomId);
            subscriber.unsubscribe(channel).catch(() => {});
          }
        },
      };
    },
  };

  const access: Broadcast = {
    publish: (message) => publish(ACCESS_CHANNEL, frame(0, Buffer.from(message))),
    subscribe: (onMessage) => void accessListeners.add(onMessage),
  };

  const close = async () => {
    await Promise.allSettled([publisher.quit(), subscriber.quit()]);
  };
  return { fanOut, access, close };
}

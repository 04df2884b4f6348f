import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { ApiClient } from '../lib/api';
import {
  createDiscussionOutbox,
  localOutboxStore,
  outboxStorageKey,
  sendOutboxRequest,
  type OutboxEntry,
  type OutboxRequest,
  type SubmitResult,
} from '../lib/discussion-outbox';
import type { DiscussionSession } from './discussion-session';

/** How often what waits is tried again, besides when the network or the discussion's connection comes back. */
const RETRY_INTERVAL_MS = 15_000;

export interface DroppedRequest {
  entry: OutboxEntry;
  error: unknown;
}

export interface DiscussionOutboxStore {
  /** What waits for a connection, oldest first. */
  waiting: Accessor<readonly OutboxEntry[]>;
  /** Waiting requests the server refused once it could be reached: the person is told, then dismisses them. */
  dropped: Accessor<readonly DroppedRequest[]>;
  submit(request: OutboxRequest): Promise<SubmitResult>;
  dismiss(entryId: string): void;
}

/** Runs a task alone among this browser's tabs where the browser can say so (Web Locks). */
function acrossTabs(name: string) {
  return <T>(task: () => Promise<T>): Promise<T> =>
    typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks.request(name, task) as Promise<T>) : task();
}

/**
 * The discussion's changes of one document, sent through the outbox (see
 * lib/discussion-outbox.ts) and tried again when the browser is back
 * online, when the discussion reconnects, and every 15 seconds while any
 * wait. Create it inside a component.
 */
export function createDiscussionOutboxStore(
  api: ApiClient,
  /** Whose changes these are: only they are ever sent, from their own queue. */
  userId: string,
  documentId: string,
  discussion: DiscussionSession,
  /** Hears every refusal, sent at once or after waiting: a `forbidden` one means my role changed. */
  onRefused: (error: unknown) => void = () => {},
): DiscussionOutboxStore {
  const key = outboxStorageKey(userId, documentId);
  const [entries, setEntries] = createSignal<readonly OutboxEntry[]>([]);
  const [dropped, setDropped] = createSignal<readonly DroppedRequest[]>([]);
  const outbox = createDiscussionOutbox({
    send: (request) => sendOutboxRequest(api, documentId, request),
    store: localOutboxStore(userId, documentId),
    onChange: setEntries,
    onDropped: (entry, error) => {
      setDropped((list) => [...list, { entry, error }]);
      onRefused(error);
    },
    exclusive: acrossTabs(key),
  });
  setEntries(outbox.entries());

  const retry = () => {
    if (outbox.entries().length > 0) void outbox.flush();
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key === key) outbox.reload();
  };
  window.addEventListener('online', retry);
  window.addEventListener('storage', onStorage);
  const stopListening = discussion.onReconnect(retry);
  const timer = setInterval(retry, RETRY_INTERVAL_MS);
  retry();
  onCleanup(() => {
    window.removeEventListener('online', retry);
    window.removeEventListener('storage', onStorage);
    stopListening();
    clearInterval(timer);
  });

  return {
    waiting: () => entries().filter((entry) => entry.waiting),
    dropped,
    async submit(request) {
      try {
        return await outbox.submit(request);
      } catch (error) {
        onRefused(error);
        throw error;
      }
    },
    dismiss: (entryId) => setDropped((list) => list.filter((item) => item.entry.id !== entryId)),
  };
}

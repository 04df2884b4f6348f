import type { CreateThreadInput, EditMessageInput, ReplyInput, ThreadStatusInput } from '../../shared/api/annotations';
import { ApiError, type ApiClient } from './api';
import { readStored, removeStored, storedKeys, writeStored } from './local-storage';

/** A change to a document's discussion, as the HTTP routes take it. */
export type OutboxRequest =
  | { type: 'create-thread'; input: CreateThreadInput }
  | { type: 'reply'; threadId: string; input: ReplyInput }
  | { type: 'edit-message'; threadId: string; messageId: string; input: EditMessageInput }
  | { type: 'delete-message'; threadId: string; messageId: string }
  | { type: 'set-status'; threadId: string; input: ThreadStatusInput };

export interface OutboxEntry {
  id: string;
  request: OutboxRequest;
  queuedAt: number;
  /** A try found no connection: the person is told it waits for one. */
  waiting: boolean;
}

/** Where the entries are kept between visits. */
export interface OutboxStore {
  read(): OutboxEntry[];
  write(entries: readonly OutboxEntry[]): void;
}

export type SubmitResult = { status: 'sent'; response: unknown } | { status: 'queued' };

export interface DiscussionOutboxOptions {
  send(request: OutboxRequest): Promise<unknown>;
  store: OutboxStore;
  /** Called with the entries whenever they change. */
  onChange?(entries: readonly OutboxEntry[]): void;
  /** A waiting request the server has now refused: it is dropped, and the person should hear why. */
  onDropped?(entry: OutboxEntry, error: unknown): void;
  /** Runs `task` alone among the tabs of this browser, so two tabs never send the same entry. */
  exclusive?<T>(task: () => Promise<T>): Promise<T>;
  newId?(): string;
  now?(): number;
}

export interface DiscussionOutbox {
  entries(): readonly OutboxEntry[];
  /**
   * Sends the request after those still waiting, in order. Resolves `sent`
   * with the answer, or `queued` when there is no connection (it is kept and
   * sent later); rejects with the server's refusal.
   */
  submit(request: OutboxRequest): Promise<SubmitResult>;
  /** Sends what waits, in order, until all is sent or the connection fails again. */
  flush(): Promise<void>;
  /** Reads the store again, after another tab changed it. */
  reload(): void;
}

const RETRY_LATER_STATUSES = new Set([401, 429, 502, 503, 504]);

/**
 * Whether a failed request is worth sending again later, unchanged: no
 * answer at all, a proxy without its server, a rate limit, or a session to
 * renew by logging in again. Any other answer would come again.
 */
export function canRetryLater(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'network_error' || RETRY_LATER_STATUSES.has(error.status));
}

const defaultId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * The discussion's changes on their way to the server. Each is written
 * down before it is sent, so none is lost to a lost connection or a closed
 * tab, and they reach the server in the order they were made: a request
 * waits while one before it does.
 */
export function createDiscussionOutbox(options: DiscussionOutboxOptions): DiscussionOutbox {
  const exclusive = options.exclusive ?? ((task) => task());
  const newId = options.newId ?? defaultId;
  const now = options.now ?? Date.now;
  let entries: readonly OutboxEntry[] = options.store.read();
  // One run at a time in this tab; `exclusive` extends that to the others.
  let running: Promise<unknown> = Promise.resolve();

  const save = (next: readonly OutboxEntry[]) => {
    entries = next;
    options.store.write(next);
    options.onChange?.(next);
  };

  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = running.then(() => exclusive(task));
    running = run.catch(() => undefined);
    return run;
  };

  /** Sends in order; the outcome of `own`, if it was sent or refused. */
  async function drain(own?: string): Promise<{ response?: unknown; error?: unknown; sent: boolean }> {
    const outcome: { response?: unknown; error?: unknown; sent: boolean } = { sent: false };
    for (;;) {
      // Read again around each request: the queue may have been forgotten meanwhile (its owner logged out in another tab).
      entries = options.store.read();
      const entry = entries[0];
      if (!entry) break;
      try {
        const response = await options.send(entry.request);
        if (entry.id === own) Object.assign(outcome, { response, sent: true });
      } catch (error) {
        if (canRetryLater(error)) {
          save(options.store.read().map((e) => ({ ...e, waiting: true })));
          break;
        }
        if (entry.id === own) outcome.error = error;
        else options.onDropped?.(entry, error);
      }
      save(options.store.read().filter((e) => e.id !== entry.id));
    }
    return outcome;
  }

  return {
    entries: () => entries,
    submit(request) {
      return serially(async () => {
        const current = options.store.read();
        const entry: OutboxEntry = { id: newId(), request, queuedAt: now(), waiting: current.length > 0 };
        save([...current, entry]);
        const outcome = await drain(entry.id);
        if (outcome.error !== undefined) throw outcome.error;
        return outcome.sent ? { status: 'sent' as const, response: outcome.response } : { status: 'queued' as const };
      });
    },
    async flush() {
      await serially(() => drain());
    },
    reload() {
      entries = options.store.read();
      options.onChange?.(entries);
    },
  };
}

const isEntry = (value: unknown): value is OutboxEntry =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as OutboxEntry).id === 'string' &&
  typeof (value as OutboxEntry).request?.type === 'string';

const OUTBOX_PREFIX = 'ensemble:discussion-outbox:';

/**
 * Where one person's changes to one document wait: each person has their
 * own queue, so what someone wrote is never sent once another person has
 * logged in on the same browser (a 401 only means "later").
 */
export const outboxStorageKey = (userId: string, documentId: string) => `${OUTBOX_PREFIX}${encodeURIComponent(userId)}:${documentId}`;

/**
 * Deletes the queues this browser keeps for the people `whose` picks
 * (given their user id), and those of unknown owner, kept before queues
 * were kept per person. Other tabs hear of it through the storage event.
 */
export function forgetOutboxes(whose: (userId: string) => boolean): void {
  for (const key of storedKeys(OUTBOX_PREFIX)) {
    const rest = key.slice(OUTBOX_PREFIX.length);
    const separator = rest.indexOf(':');
    if (separator < 0 || whose(decodeURIComponent(rest.slice(0, separator)))) removeStored(key);
  }
}

/**
 * One person's entries for one document, in localStorage. Where it refuses
 * to keep them (some private modes), they last as long as the page.
 */
export function localOutboxStore(userId: string, documentId: string): OutboxStore {
  const key = outboxStorageKey(userId, documentId);
  // Only while localStorage refuses them: a queue missing from it was sent, or forgotten.
  let kept: readonly OutboxEntry[] | null = null;
  return {
    read() {
      if (kept) return [...kept];
      const stored = readStored(key);
      if (stored === null) return [];
      try {
        const parsed: unknown = JSON.parse(stored);
        return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
      } catch {
        return [];
      }
    },
    write(entries) {
      kept = null;
      // An empty queue leaves nothing behind.
      if (entries.length === 0) removeStored(key);
      else if (!writeStored(key, JSON.stringify(entries))) kept = entries;
    },
  };
}

/** The HTTP request each entry stands for. */
export function sendOutboxRequest(api: ApiClient, documentId: string, request: OutboxRequest): Promise<unknown> {
  switch (request.type) {
    case 'create-thread':
      return api.createThread(documentId, request.input);
    case 'reply':
      return api.reply(documentId, request.threadId, request.input);
    case 'edit-message':
      return api.editMessage(documentId, request.threadId, request.messageId, request.input);
    case 'delete-message':
      return api.deleteMessage(documentId, request.threadId, request.messageId);
    case 'set-status':
      return api.setThreadStatus(documentId, request.threadId, request.input);
  }
}

import * as Y from 'yjs';

/**
 * The discussion of a document: its annotation threads, in a Y.Doc of its
 * own beside the content. Everyone who may read the document receives it
 * live and keeps it offline; only the server writes to it, after checking
 * each request against the writer's role (HTTP routes under
 * /documents/:id/threads), so a commenter can discuss and never touch the
 * content, and nobody can edit someone else's message.
 */

export const ANNOTATION_KINDS = ['comment', 'question', 'evidence', 'counterpoint', 'suggestion'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** `accepted` and `rejected` close a suggestion; `resolved` closes any other thread. */
export const THREAD_STATUSES = ['open', 'resolved', 'accepted', 'rejected'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** The room of a document's discussion on the collaboration endpoint: `/collab/<documentId>/discussion`. */
export const DISCUSSION_ROOM_SUFFIX = '/discussion';
export const discussionRoom = (documentId: string) => `${documentId}${DISCUSSION_ROOM_SUFFIX}`;

const THREADS = 'threads';

/** Who wrote something, as it was when they wrote it: names stay readable offline and after people leave. */
export interface Author {
  userId: string;
  name: string;
  organisationId: string | null;
  organisationName: string;
  organisationColor: string;
}

export interface Message {
  id: string;
  author: Author;
  /** Empty once deleted: the message stays in place so the thread still reads in order. */
  body: string;
  /** Ids of the project members the message mentions. */
  mentions: string[];
  createdAt: number;
  editedAt: number | null;
  deleted: boolean;
}

export interface Thread {
  id: string;
  kind: AnnotationKind;
  /**
   * Where the annotated text starts and ends in the content document:
   * Yjs relative positions (Y.encodeRelativePosition), base64. They follow
   * the words through concurrent edits, unlike offsets.
   */
  anchor: { start: string; end: string };
  /** The words annotated, as they were: shown when the anchored text has been deleted. */
  quote: string;
  citation: { text: string; url: string | null } | null;
  /** A suggestion's proposed replacement for the quoted text. */
  suggestion: string | null;
  status: ThreadStatus;
  statusChange: { by: Author; at: number } | null;
  createdAt: number;
  /** The first message is the annotation itself. */
  messages: Message[];
}

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const oneOf = <T extends string>(values: readonly T[], v: unknown, fallback: T): T =>
  values.includes(v as T) ? (v as T) : fallback;

function readAuthor(v: unknown): Author {
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  return {
    userId: str(o.userId),
    name: str(o.name),
    organisationId: typeof o.organisationId === 'string' ? o.organisationId : null,
    organisationName: str(o.organisationName),
    organisationColor: str(o.organisationColor, '#6b7280'),
  };
}

function readMessage(m: Y.Map<unknown>): Message {
  const mentions = m.get('mentions');
  return {
    id: str(m.get('id')),
    author: readAuthor(m.get('author')),
    body: str(m.get('body')),
    mentions: Array.isArray(mentions) ? mentions.filter((x): x is string => typeof x === 'string') : [],
    createdAt: num(m.get('createdAt')),
    editedAt: typeof m.get('editedAt') === 'number' ? num(m.get('editedAt')) : null,
    deleted: m.get('deleted') === true,
  };
}

function readThread(t: Y.Map<unknown>): Thread | null {
  const messages = t.get('messages');
  const anchor = t.get('anchor') as Record<string, unknown> | undefined;
  if (!(messages instanceof Y.Array) || !anchor) return null;
  const citation = t.get('citation') as Record<string, unknown> | null | undefined;
  const statusChange = t.get('statusChange') as Record<string, unknown> | null | undefined;
  return {
    id: str(t.get('id')),
    kind: oneOf(ANNOTATION_KINDS, t.get('kind'), 'comment'),
    anchor: { start: str(anchor.start), end: str(anchor.end) },
    quote: str(t.get('quote')),
    citation: citation ? { text: str(citation.text), url: typeof citation.url === 'string' ? citation.url : null } : null,
    suggestion: typeof t.get('suggestion') === 'string' ? str(t.get('suggestion')) : null,
    status: oneOf(THREAD_STATUSES, t.get('status'), 'open'),
    statusChange: statusChange ? { by: readAuthor(statusChange.by), at: num(statusChange.at) } : null,
    createdAt: num(t.get('createdAt')),
    messages: messages.toArray().filter((m): m is Y.Map<unknown> => m instanceof Y.Map).map(readMessage),
  };
}

const threadsOf = (doc: Y.Doc) => doc.getMap<unknown>(THREADS);

/** Every thread of the discussion, oldest first. */
export function listThreads(doc: Y.Doc): Thread[] {
  const threads: Thread[] = [];
  for (const value of threadsOf(doc).values()) {
    const thread = value instanceof Y.Map ? readThread(value) : null;
    if (thread) threads.push(thread);
  }
  return threads.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function readThreadById(doc: Y.Doc, threadId: string): Thread | null {
  const value = threadsOf(doc).get(threadId);
  return value instanceof Y.Map ? readThread(value) : null;
}

/** Calls `listener` whenever anything in the discussion changes; returns the unsubscribe. */
export function observeThreads(doc: Y.Doc, listener: () => void): () => void {
  const map = threadsOf(doc);
  map.observeDeep(listener);
  return () => map.unobserveDeep(listener);
}

function messageMap(message: Message): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(message)) map.set(key, value);
  return map;
}

/** Server side: the changes a checked request makes. */
export const discussionWrites = {
  createThread(doc: Y.Doc, thread: Omit<Thread, 'messages' | 'status' | 'statusChange'>, first: Message): void {
    const map = new Y.Map<unknown>();
    const { anchor, citation, ...rest } = thread;
    for (const [key, value] of Object.entries(rest)) map.set(key, value);
    map.set('anchor', anchor);
    map.set('citation', citation);
    map.set('status', 'open');
    map.set('statusChange', null);
    map.set('messages', Y.Array.from([messageMap(first)]));
    threadsOf(doc).set(thread.id, map);
  },
  addMessage(doc: Y.Doc, threadId: string, message: Message): boolean {
    const messages = (threadsOf(doc).get(threadId) as Y.Map<unknown> | undefined)?.get('messages');
    if (!(messages instanceof Y.Array)) return false;
    messages.push([messageMap(message)]);
    return true;
  },
  /** Changes a message in place; false when there is no such message. */
  updateMessage(doc: Y.Doc, threadId: string, messageId: string, change: Partial<Pick<Message, 'body' | 'mentions' | 'editedAt' | 'deleted'>>): boolean {
    const messages = (threadsOf(doc).get(threadId) as Y.Map<unknown> | undefined)?.get('messages');
    if (!(messages instanceof Y.Array)) return false;
    const message = messages.toArray().find((m): m is Y.Map<unknown> => m instanceof Y.Map && m.get('id') === messageId);
    if (!message) return false;
    for (const [key, value] of Object.entries(change)) message.set(key, value);
    return true;
  },
  setAnchor(doc: Y.Doc, threadId: string, anchor: Thread['anchor']): boolean {
    const thread = threadsOf(doc).get(threadId);
    if (!(thread instanceof Y.Map)) return false;
    thread.set('anchor', anchor);
    return true;
  },
  setStatus(doc: Y.Doc, threadId: string, status: ThreadStatus, by: Author, at: number): boolean {
    const thread = threadsOf(doc).get(threadId);
    if (!(thread instanceof Y.Map)) return false;
    thread.set('status', status);
    thread.set('statusChange', { by, at });
    return true;
  },
};

import * as Y from 'yjs';
import type { z } from 'zod';
import { threadMoveAllowed } from '../../shared/annotations/thread-policy';
import {
  type Author,
  discussionRoom,
  discussionWrites,
  listThreads,
  readThreadById,
  type Thread,
} from '../../shared/annotations/discussion';
import type {
  createThreadInputSchema,
  creditInputSchema,
  editMessageInputSchema,
  MessageCreatedResponse,
  reanchorInputSchema,
  replyInputSchema,
  ThreadCreatedResponse,
  threadStatusInputSchema,
} from '../../shared/api';
import { conflict, forbidden, notFound } from '../errors';
import { recordContributors } from '../storage/documents-repository';
import { blankExcerpts } from '../storage/notifications-repository';
import { documentClients, insertCredit } from '../storage/attribution-repository';
import { findOrganisation } from '../storage/accounts-repository';
import { listMembers } from '../storage/projects-repository';
import type { Actor, ServiceDeps } from './context';
import { authorizeDocument } from './documents';
import { newId } from './ids';
import { notify } from './notifications';

/**
 * Annotation threads, written by the server into each document's
 * discussion after checking the writer's rights: commenters and above
 * annotate and reply; people edit and delete only their own messages; a
 * thread is resolved or reopened by its author or an editor and above; a
 * suggestion is accepted or rejected by an editor and above.
 */

/** Far beyond a lively discussion, and short of one that would make every reader download megabytes. */
export const MAX_THREADS_PER_DOCUMENT = 2000;
export const MAX_MESSAGES_PER_THREAD = 300;

async function authorOf(deps: ServiceDeps, actor: Actor): Promise<Author> {
  const organisation = actor.organisation_id ? await findOrganisation(deps.db, actor.organisation_id) : undefined;
  return {
    userId: actor.id,
    name: actor.name,
    organisationId: organisation?.id ?? null,
    organisationName: organisation?.name ?? '',
    organisationColor: organisation?.color ?? '#6b7280',
  };
}

/** The mentioned people who are members of the project: nobody else can be told, or even named. */
async function membersAmong(deps: ServiceDeps, projectId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const members = new Set((await listMembers(deps.db, projectId)).map((m) => m.user_id));
  return [...new Set(ids)].filter((id) => members.has(id));
}

function threadIn(thread: Thread | null): Thread {
  if (!thread) throw notFound('Thread');
  return thread;
}

export async function createThread(
  deps: ServiceDeps,
  actor: Actor,
  documentId: string,
  input: z.output<typeof createThreadInputSchema>,
): Promise<ThreadCreatedResponse> {
  const { row } = await authorizeDocument(deps, actor, documentId, 'document.comment');
  const [author, mentions] = await Promise.all([authorOf(deps, actor), membersAmong(deps, row.project_id, input.mentions)]);
  const now = deps.clock();
  const threadId = newId();
  const messageId = newId();
  await deps.rooms.changeAsServer(discussionRoom(documentId), (doc) => {
    if (listThreads(doc).length >= MAX_THREADS_PER_DOCUMENT) throw conflict('discussion_full', 'This document has too many threads');
    discussionWrites.createThread(
      doc,
      {
        id: threadId,
        kind: input.kind,
        anchor: input.anchor,
        quote: input.quote,
        citation: input.citation ?? null,
        suggestion: input.kind === 'suggestion' ? (input.suggestion ?? '') : null,
        createdAt: now,
      },
      { id: messageId, author, body: input.body, mentions, createdAt: now, editedAt: null, deleted: false },
    );
  });
  await notify(deps, { kind: 'mention', actorId: actor.id, documentId, threadId, messageId, text: input.body || input.quote }, mentions);
  return { threadId, messageId };
}

export async function reply(
  deps: ServiceDeps,
  actor: Actor,
  documentId: string,
  threadId: string,
  input: z.output<typeof replyInputSchema>,
): Promise<MessageCreatedResponse> {
  const { row } = await authorizeDocument(deps, actor, documentId, 'document.comment');
  const [author, mentions] = await Promise.all([authorOf(deps, actor), membersAmong(deps, row.project_id, input.mentions)]);
  const messageId = newId();
  const thread = await deps.rooms.changeAsServer(discussionRoom(documentId), (doc) => {
    const found = threadIn(readThreadById(doc, threadId));
    if (found.messages.length >= MAX_MESSAGES_PER_THREAD) throw conflict('discussion_full', 'This thread has too many messages');
    const message = { id: messageId, author, body: input.body, mentions, createdAt: deps.clock(), editedAt: null, deleted: false };
    discussionWrites.addMessage(doc, threadId, message);
    return found;
  });
  const event = { actorId: actor.id, documentId, threadId, messageId, text: input.body };
  const threadAuthor = thread.messages[0]?.author.userId;
  await notify(deps, { ...event, kind: 'mention' }, mentions);
  // Whoever was mentioned hears of it once, as a mention.
  if (threadAuthor && !mentions.includes(threadAuthor)) await notify(deps, { ...event, kind: 'reply' }, [threadAuthor]);
  return { messageId };
}

/**
 * Changes one's own message: its text (and who it mentions), or its
 * deletion. Checked and written in one change, so an edit racing a deletion
 * cannot bring the message back. Returns who it newly mentions.
 */
async function changeOwnMessage(
  deps: ServiceDeps,
  actor: Actor,
  documentId: string,
  threadId: string,
  messageId: string,
  next: { body: string; mentions: string[]; deleted: boolean },
): Promise<string[]> {
  return deps.rooms.changeAsServer(discussionRoom(documentId), (doc) => {
    const message = threadIn(readThreadById(doc, threadId)).messages.find((m) => m.id === messageId);
    if (!message || message.deleted) throw notFound('Message');
    if (message.author.userId !== actor.id) throw forbidden('Only its author can change a message');
    discussionWrites.updateMessage(doc, threadId, messageId, { ...next, editedAt: deps.clock() });
    return next.mentions.filter((id) => !message.mentions.includes(id));
  });
}

export async function editMessage(
  deps: ServiceDeps,
  actor: Actor,
  documentId: string,
  threadId: string,
  messageId: string,
  input: z.output<typeof editMessageInputSchema>,
): Promise<void> {
  const { row } = await authorizeDocument(deps, actor, documentId, 'document.comment');
  const mentions = await membersAmong(deps, row.project_id, input.mentions);
  const added = await changeOwnMessage(deps, actor, documentId, threadId, messageId, { body: input.body, mentions, deleted: false });
  await notify(deps, { kind: 'mention', actorId: actor.id, documentId, threadId, messageId, text: input.body }, added);
}

export async function deleteMessage(deps: ServiceDeps, actor: Actor, documentId: string, threadId: string, messageId: string): Promise<void> {
  await authorizeDocument(deps, actor, documentId, 'document.comment');
  await changeOwnMessage(deps, actor, documentId, threadId, messageId, { body: '', mentions: [], deleted: true });
  await blankExcerpts(deps.db, messageId);
}

export async function setThreadStatus(
  deps: ServiceDeps,
  actor: Actor,
  documentId: string,
  threadId: string,
  { status }: z.output<typeof threadStatusInputSchema>,
): Promise<void> {
  const { role } = await authorizeDocument(deps, actor, documentId, 'document.comment');
  const author = await authorOf(deps, actor);
  const thread = await deps.rooms.changeAsServer(discussionRoom(documentId), (doc) => {
    const found = threadIn(readThreadById(doc, threadId));
    const move = { kind: found.kind, from: found.status, to: status };
    // A move nobody may make is a conflict with the thread's state; one others may make is forbidden.
    if (!threadMoveAllowed({ ...move, role: 'owner', isAuthor: true })) {
      throw conflict('invalid_transition', `A ${found.kind} cannot go from ${found.status} to ${status}`);
    }
    if (!threadMoveAllowed({ ...move, role, isAuthor: found.messages[0]?.author.userId === actor.id })) {
      throw forbidden(`Your role (${role}) cannot make this thread ${status}`);
    }
    discussionWrites.setStatus(doc, threadId, status, author, deps.clock());
    return found;
  });
  const suggestedBy = thread.messages[0]?.author.userId;
  if (status === 'accepted' && suggestedBy) {
    // The accepted words are the suggester's: their organisation counts among the document's contributors.
    await recordContributors(deps.db, documentId, new Map([[suggestedBy, 0]]), deps.clock());
    const event = { kind: 'suggestion_accepted' as const, actorId: actor.id, documentId, threadId, messageId: thread.messages[0]!.id };
    await notify(deps, { ...event, text: thread.suggestion ?? thread.quote }, [suggestedBy]);
  }
}

/**
 * Moves a thread onto new relative positions after the editor rewrote the
 * blocks its words were in (a paragraph split or joined): only onto the
 * very words it quotes, as the content holds them now.
 */
export async function reanchorThread(
  deps: ServiceDeps,
  actor: Actor,
  documentId: string,
  threadId: string,
  { anchor }: z.output<typeof reanchorInputSchema>,
): Promise<void> {
  await authorizeDocument(deps, actor, documentId, 'document.comment');
  const words = await deps.rooms.read(documentId, (doc) => anchoredWords(doc, anchor));
  await deps.rooms.changeAsServer(discussionRoom(documentId), (doc) => {
    const thread = threadIn(readThreadById(doc, threadId));
    if (words !== thread.quote) throw conflict('anchor_mismatch', 'The new anchor does not cover the words the thread quotes');
    discussionWrites.setAnchor(doc, threadId, anchor);
  });
}

/** The text between two encoded relative positions in one block (or shared text) of `doc`, or null. */
function anchoredWords(doc: Y.Doc, anchor: Thread['anchor']): string | null {
  const resolve = (encoded: string) => {
    try {
      return Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(encoded, 'base64')), doc);
    } catch {
      return null;
    }
  };
  const [start, end] = [resolve(anchor.start), resolve(anchor.end)];
  if (!start || !end || start.type !== end.type || end.index <= start.index) return null;
  return visibleText(start.type).slice(start.index, end.index);
}

/**
 * The characters of a text type as positions count them. Read from its
 * items: a root type the server never named is not a Y.Text to it. Inline
 * nodes take one position each; they never match a quote.
 */
function visibleText(type: Y.AbstractType<unknown>): string {
  let text = '';
  for (let item = type._start; item; item = item.right) {
    if (item.deleted || !item.countable) continue;
    text += item.content instanceof Y.ContentString ? item.content.str : '\uFFFC'.repeat(item.length);
  }
  return text;
}

/** How long the credit of an accepted suggestion waits for the words to reach the server over the websocket. */
const CREDIT_WAIT_MS = 3000;

/**
 * Credits the words an editor typed in accepting a suggestion to the
 * suggestion's author: only the editor who accepted it, once, and only
 * characters of their own client id that read exactly the suggested text.
 */
export async function creditSuggestion(
  deps: ServiceDeps,
  actor: Actor,
  documentId: string,
  threadId: string,
  { clientId, clock, length }: z.output<typeof creditInputSchema>,
): Promise<void> {
  await authorizeDocument(deps, actor, documentId, 'document.edit');
  const thread = threadIn(await deps.rooms.read(discussionRoom(documentId), (doc) => readThreadById(doc, threadId)));
  if (thread.kind !== 'suggestion' || thread.status !== 'accepted') throw conflict('invalid_transition', 'Only an accepted suggestion is credited');
  if (thread.statusChange?.by.userId !== actor.id) throw forbidden('Only the editor who accepted the suggestion credits it');
  const owner = (await documentClients(deps.db, [documentId])).find((c) => c.client_id === clientId)?.user_id;
  if (owner !== actor.id) throw forbidden('These characters were not written by you');
  const deadline = Date.now() + CREDIT_WAIT_MS;
  let words = await deps.rooms.read(documentId, (doc) => wordsOf(doc, clientId, clock, length));
  while (words === null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    words = await deps.rooms.read(documentId, (doc) => wordsOf(doc, clientId, clock, length));
  }
  if (words !== thread.suggestion) throw conflict('anchor_mismatch', 'These characters are not the suggested words');
  const suggestedBy = thread.messages[0]!.author.userId;
  const inserted = await insertCredit(deps.db, { document_id: documentId, client_id: clientId, clock, length, user_id: suggestedBy, thread_id: threadId });
  if (!inserted) throw conflict('invalid_transition', 'This suggestion is credited already');
}

/** The characters `clock`..`clock + length` of `client` as they were typed, or null while some have not arrived. */
function wordsOf(doc: Y.Doc, client: number, clock: number, length: number): string | null {
  if (Y.getState(doc.store, client) < clock + length) return null;
  let words = '';
  const structs = doc.store.clients.get(client) ?? [];
  for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + length; i++) {
    const item = structs[i];
    if (!(item instanceof Y.Item) || !(item.content instanceof Y.ContentString)) continue;
    const from = Math.max(clock, item.id.clock) - item.id.clock;
    const to = Math.min(clock + length, item.id.clock + item.length) - item.id.clock;
    words += item.content.str.slice(from, to);
  }
  return words;
}

import type { z } from 'zod';
import {
  type Author,
  discussionRoom,
  discussionWrites,
  readThreadById,
  type Thread,
  type ThreadStatus,
} from '../../shared/annotations/discussion';
import type {
  createThreadInputSchema,
  editMessageInputSchema,
  MessageCreatedResponse,
  replyInputSchema,
  ThreadCreatedResponse,
  threadStatusInputSchema,
} from '../../shared/api';
import { type Role, roleAllows } from '../../shared/roles';
import { badRequest, forbidden, notFound } from '../errors';
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
  await deps.rooms.changeAsServer(discussionRoom(documentId), (doc) =>
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
    ),
  );
  await notify(deps, { kind: 'mention', actorId: actor.id, documentId, threadId, text: input.body || input.quote }, mentions);
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
    const message = { id: messageId, author, body: input.body, mentions, createdAt: deps.clock(), editedAt: null, deleted: false };
    discussionWrites.addMessage(doc, threadId, message);
    return found;
  });
  const event = { actorId: actor.id, documentId, threadId, text: input.body };
  const threadAuthor = thread.messages[0]?.author.userId;
  await notify(deps, { ...event, kind: 'mention' }, mentions);
  // Whoever was mentioned hears of it once, as a mention.
  if (threadAuthor && !mentions.includes(threadAuthor)) await notify(deps, { ...event, kind: 'reply' }, [threadAuthor]);
  return { messageId };
}

/** Changes one's own message: its text (and who it mentions), or its deletion. */
async function changeOwnMessage(
  deps: ServiceDeps,
  actor: Actor,
  documentId: string,
  threadId: string,
  messageId: string,
  change: (previousMentions: string[]) => Promise<{ body: string; mentions: string[]; deleted: boolean }>,
): Promise<{ added: string[]; body: string }> {
  await authorizeDocument(deps, actor, documentId, 'document.comment');
  const room = discussionRoom(documentId);
  // Checked against what the discussion holds, then written in the same turn as the check.
  const current = await deps.rooms.changeAsServer(room, (doc) => threadIn(readThreadById(doc, threadId)));
  const message = current.messages.find((m) => m.id === messageId);
  if (!message || message.deleted) throw notFound('Message');
  if (message.author.userId !== actor.id) throw forbidden('Only its author can change a message');
  const next = await change(message.mentions);
  await deps.rooms.changeAsServer(room, (doc) => {
    discussionWrites.updateMessage(doc, threadId, messageId, { ...next, editedAt: deps.clock() });
  });
  return { added: next.mentions.filter((id) => !message.mentions.includes(id)), body: next.body };
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
  const { added } = await changeOwnMessage(deps, actor, documentId, threadId, messageId, async () => ({
    body: input.body,
    mentions: await membersAmong(deps, row.project_id, input.mentions),
    deleted: false,
  }));
  await notify(deps, { kind: 'mention', actorId: actor.id, documentId, threadId, text: input.body }, added);
}

export async function deleteMessage(deps: ServiceDeps, actor: Actor, documentId: string, threadId: string, messageId: string): Promise<void> {
  await changeOwnMessage(deps, actor, documentId, threadId, messageId, async () => ({ body: '', mentions: [], deleted: true }));
}

/** Who may move a thread to `status`. */
function mayMove(role: Role, actor: Actor, thread: Thread, status: ThreadStatus): boolean {
  if (status === 'accepted' || status === 'rejected') return thread.kind === 'suggestion' && roleAllows(role, 'document.edit');
  return thread.messages[0]?.author.userId === actor.id || roleAllows(role, 'document.edit');
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
    if ((status === 'accepted' || status === 'rejected') && found.kind !== 'suggestion') {
      throw badRequest('Only a suggestion is accepted or rejected');
    }
    if (!mayMove(role, actor, found, status)) throw forbidden(`Your role (${role}) cannot make this thread ${status}`);
    discussionWrites.setStatus(doc, threadId, status, author, deps.clock());
    return found;
  });
  const suggestedBy = thread.messages[0]?.author.userId;
  if (status === 'accepted' && suggestedBy) {
    await notify(deps, { kind: 'suggestion_accepted', actorId: actor.id, documentId, threadId, text: thread.suggestion ?? thread.quote }, [suggestedBy]);
  }
}

import type { MarkReadInput, NotificationKind, NotificationsResponse } from '../../shared/api';
import { countUnread, insertNotifications, listNotifications, markRead } from '../storage/notifications-repository';
import type { Actor, ServiceDeps } from './context';
import { newId } from './ids';

const EXCERPT_LENGTH = 140;

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

/** Tells each of `userIds` (never the actor, each once) what the actor did in a thread. */
export async function notify(
  deps: ServiceDeps,
  event: { kind: NotificationKind; actorId: string; documentId: string; threadId: string; messageId: string; text: string },
  userIds: Iterable<string>,
): Promise<void> {
  const now = deps.clock();
  const recipients = [...new Set(userIds)].filter((id) => id !== event.actorId);
  await insertNotifications(
    deps.db,
    recipients.map((user_id) => ({
      id: newId(),
      user_id,
      kind: event.kind,
      actor_id: event.actorId,
      document_id: event.documentId,
      thread_id: event.threadId,
      message_id: event.messageId,
      excerpt: excerptOf(event.text),
      created_at: now,
      read_at: null,
    })),
  );
}

export async function notificationsOf(deps: ServiceDeps, actor: Actor): Promise<NotificationsResponse> {
  const [rows, unread] = await Promise.all([listNotifications(deps.db, actor.id), countUnread(deps.db, actor.id)]);
  return {
    notifications: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      actorName: r.actor_name,
      documentId: r.document_id,
      documentTitle: r.document_title,
      threadId: r.thread_id,
      excerpt: r.excerpt,
      createdAt: new Date(r.created_at).toISOString(),
      read: r.read_at !== null,
    })),
    unread,
  };
}

export async function markNotificationsRead(deps: ServiceDeps, actor: Actor, input: MarkReadInput): Promise<void> {
  await markRead(deps.db, actor.id, input.ids, deps.clock());
}

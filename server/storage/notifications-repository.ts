import type { Db, NotificationsTable } from './database';

/** A deleted message's words leave the inboxes that quoted them. */
export async function blankExcerpts(db: Db, messageId: string): Promise<void> {
  await db.updateTable('notifications').set({ excerpt: '' }).where('message_id', '=', messageId).execute();
}

export async function insertNotifications(db: Db, rows: NotificationsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('notifications').values(rows).execute();
}

/** Deletes the notifications read before `readBefore`, and any made before `madeBefore`; resolves with how many. */
export async function deleteOldNotifications(db: Db, readBefore: number, madeBefore: number): Promise<number> {
  const { numDeletedRows } = await db
    .deleteFrom('notifications')
    .where((eb) => eb.or([eb('read_at', '<', readBefore), eb('created_at', '<', madeBefore)]))
    .executeTakeFirst();
  return Number(numDeletedRows);
}

const PAGE = 50;

/**
 * A person's latest notifications, with who caused each and the document's
 * title: only of documents they can still open.
 */
export function listNotifications(db: Db, userId: string) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('users as actor', 'actor.id', 'n.actor_id')
    .innerJoin('documents as d', 'd.id', 'n.document_id')
    .innerJoin('project_members as m', (join) => join.onRef('m.project_id', '=', 'd.project_id').onRef('m.user_id', '=', 'n.user_id'))
    .select(['n.id', 'n.kind', 'n.document_id', 'n.thread_id', 'n.excerpt', 'n.created_at', 'n.read_at', 'actor.name as actor_name', 'd.title as document_title'])
    .where('n.user_id', '=', userId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .limit(PAGE)
    .execute();
}

/** Unread notifications, of documents the person can still open, as the list shows them. */
export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications as n')
    .innerJoin('documents as d', 'd.id', 'n.document_id')
    .innerJoin('project_members as m', (join) => join.onRef('m.project_id', '=', 'd.project_id').onRef('m.user_id', '=', 'n.user_id'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('n.user_id', '=', userId)
    .where('n.read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks a person's notifications read: those of `ids`, or all. Others' are never touched. */
export async function markRead(db: Db, userId: string, ids: string[] | undefined, at: number): Promise<void> {
  let query = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids) {
    if (ids.length === 0) return;
    query = query.where('id', 'in', ids);
  }
  await query.execute();
}

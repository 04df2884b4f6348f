import type { Kysely } from 'kysely';

/**
 * Each document's discussion (its annotation threads) is a Yjs document of
 * its own, stored like the content in an update log and a snapshot; and
 * each person's notifications.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('discussion_updates')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('data', 'blob', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('discussion_updates_document_seq').on('discussion_updates').columns(['document_id', 'seq']).execute();
  await db.schema
    .createTable('discussion_snapshots')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn('data', 'blob', (c) => c.notNull())
    .addColumn('through_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('thread_id', 'text', (c) => c.notNull())
    // The message it quotes, so that deleting the message blanks the quote everywhere.
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('read_at', 'integer')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
  await db.schema.dropTable('discussion_snapshots').execute();
  await db.schema.dropTable('discussion_updates').execute();
}

import type { Kysely } from 'kysely';

/**
 * Whose each Yjs client id of a document is, recorded when the server first
 * accepts an update under it: the ground of attribution, which must
 * outlive restarts and compaction as the text does. And how many updates
 * each contributor's edits took.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_clients')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('client_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('first_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_clients_pk', ['document_id', 'client_id'])
    .execute();
  await db.schema.createIndex('document_clients_user').on('document_clients').column('user_id').execute();
  // Text typed under one person's client id but credited to another: an accepted suggestion's words.
  await db.schema
    .createTable('document_credits')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('client_id', 'integer', (c) => c.notNull())
    .addColumn('clock', 'integer', (c) => c.notNull())
    .addColumn('length', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('thread_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_credits_pk', ['document_id', 'thread_id'])
    .execute();
  await db.schema.alterTable('document_contributors').addColumn('edits', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('document_contributors').dropColumn('edits').execute();
  await db.schema.dropTable('document_credits').execute();
  await db.schema.dropTable('document_clients').execute();
}

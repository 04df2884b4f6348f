import type { Kysely } from 'kysely';

/**
 * Joint learning workshops. A workshop is a document of kind `workshop`
 * (so it belongs to a project, is listed and linked like the others); its
 * board is a Yjs document of its own, written by the server alone and kept
 * as a document's content is. What the board must not show before the
 * facilitator reveals it — who wrote an anonymous note, how the dots fell —
 * is kept here. Guests are accounts that reach one workshop only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workshops')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('vote_budget', 'integer', (c) => c.notNull())
    .addColumn('guest_code', 'text', (c) => c.notNull().unique())
    .addColumn('guest_access_until', 'integer', (c) => c.notNull())
    .addColumn('ended_at', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createTable('workshop_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workshop_notes_workshop').on('workshop_notes').columns(['workshop_id', 'user_id']).execute();
  await db.schema
    .createTable('workshop_votes')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('note_id', 'text', (c) => c.notNull().references('workshop_notes.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('workshop_votes_pk', ['note_id', 'user_id'])
    .execute();
  await db.schema.createIndex('workshop_votes_user').on('workshop_votes').columns(['workshop_id', 'user_id']).execute();
  // A guest's account reaches one workshop, and nothing else; they said which organisation they come from.
  await db.schema.alterTable('users').addColumn('guest_of', 'text', (c) => c.references('documents.id').onDelete('cascade')).execute();
  await db.schema.createIndex('users_guest_of').on('users').column('guest_of').execute();
  await db.schema
    .createTable('workshop_guests')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('organisation_name', 'text', (c) => c.notNull())
    .addColumn('organisation_kind', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('board_updates')
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('data', 'blob', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('board_updates_document_seq').on('board_updates').columns(['document_id', 'seq']).execute();
  await db.schema
    .createTable('board_snapshots')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn('data', 'blob', (c) => c.notNull())
    .addColumn('through_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['board_snapshots', 'board_updates', 'workshop_guests', 'workshop_votes', 'workshop_notes', 'workshops']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('users_guest_of').execute();
  await db.schema.alterTable('users').dropColumn('guest_of').execute();
}

import { type Kysely, sql } from 'kysely';

/**
 * Knowledge documents: a kind and a status on every document, the history of
 * status moves, links between documents and who contributed to each.
 * Documents written before keep working as free pages in draft.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [column, fallback] of [
    ['kind', 'free'],
    ['status', 'draft'],
    ['language', 'en'],
    ['themes', '[]'],
    ['tags', '[]'],
  ] as const) {
    await db.schema.alterTable('documents').addColumn(column, 'text', (c) => c.notNull().defaultTo(fallback)).execute();
  }
  // Documents written before are in their project's language, as far as anyone can tell: its first owner's.
  await sql`
    UPDATE documents SET language = COALESCE(
      (SELECT u.language FROM project_members m JOIN users u ON u.id = m.user_id
        WHERE m.project_id = documents.project_id AND m.role = 'owner' ORDER BY m.created_at LIMIT 1),
      'en')
  `.execute(db);
  await db.schema.alterTable('documents').addColumn('status_changed_by', 'text').execute();
  await db.schema.alterTable('documents').addColumn('status_changed_at', 'integer').execute();

  await db.schema
    .createTable('document_status_changes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_status_changes_document').on('document_status_changes').column('document_id').execute();

  await db.schema
    .createTable('document_links')
    .addColumn('source_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('target_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // For a promotion: the trial-and-error entry the record was made from.
    .addColumn('entry_id', 'text')
    .addPrimaryKeyConstraint('document_links_pk', ['source_id', 'target_id', 'kind'])
    .execute();
  await db.schema.createIndex('document_links_target').on('document_links').column('target_id').execute();

  await db.schema
    .createTable('document_contributors')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('first_at', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_contributors_pk', ['document_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_contributors').execute();
  await db.schema.dropTable('document_links').execute();
  await db.schema.dropTable('document_status_changes').execute();
  for (const column of ['kind', 'status', 'language', 'themes', 'tags', 'status_changed_by', 'status_changed_at']) {
    await db.schema.alterTable('documents').dropColumn(column).execute();
  }
}

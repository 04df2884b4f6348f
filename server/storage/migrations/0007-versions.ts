import { sql, type Kysely } from 'kysely';

/**
 * A document's history: each version keeps only the changes since the one
 * before (a Yjs update of what was written and deleted since), so a version
 * costs about what changed, never a copy of the whole document. Credits no
 * longer come only from suggestions: a restore credits the text it brings
 * back to whoever first wrote it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('restored_from', 'text')
    .addColumn('changes', 'blob', (c) => c.notNull())
    // Only the newest version's is kept: the next one is taken against it; older ones are replayed.
    .addColumn('snapshot', 'blob')
    .addColumn('characters', 'integer', (c) => c.notNull())
    // Characters per person at this version, JSON {userId: count}: the contribution map over time.
    .addColumn('authors', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_versions_number', ['document_id', 'number'])
    .execute();
  await db.schema
    .createTable('document_version_editors')
    .addColumn('version_id', 'text', (c) => c.notNull().references('document_versions.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('document_version_editors_pk', ['version_id', 'user_id'])
    .execute();

  // A credit is now keyed by the characters it covers; a suggestion's thread still credits once.
  await db.schema
    .createTable('document_credits_new')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('client_id', 'integer', (c) => c.notNull())
    .addColumn('clock', 'integer', (c) => c.notNull())
    .addColumn('length', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('thread_id', 'text')
    .addPrimaryKeyConstraint('document_credits_pk2', ['document_id', 'client_id', 'clock'])
    .execute();
  await sql`INSERT INTO document_credits_new SELECT document_id, client_id, clock, length, user_id, thread_id FROM document_credits`.execute(db);
  await db.schema.dropTable('document_credits').execute();
  await db.schema.alterTable('document_credits_new').renameTo('document_credits').execute();
  await db.schema.createIndex('document_credits_thread').on('document_credits').columns(['document_id', 'thread_id']).unique().execute();
}

/** Credits keep their new key: restores' credits have no thread to key the old one. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_version_editors').execute();
  await db.schema.dropTable('document_versions').execute();
}

import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_updated_at').on('documents').column('updated_at').execute();

  await db.schema
    .createTable('document_updates')
    // AUTOINCREMENT: sequence numbers never repeat, so a snapshot's `through_seq` stays meaningful.
    .addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('data', 'blob', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_updates_document_seq')
    .on('document_updates')
    .columns(['document_id', 'seq'])
    .execute();

  await db.schema
    .createTable('document_snapshots')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn('data', 'blob', (c) => c.notNull())
    .addColumn('through_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_snapshots').execute();
  await db.schema.dropTable('document_updates').execute();
  await db.schema.dropTable('documents').execute();
}

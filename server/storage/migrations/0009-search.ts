import { sql, type Kysely } from 'kysely';

/**
 * Full-text search (SQLite FTS5). One row per searchable thing: a
 * document's text (with its title), a trial entry, a discussion thread, a
 * workshop note. Accents are folded (`remove_diacritics 2`), so
 * "evaluation" finds "évaluation" and "capitalizacion" "capitalización".
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE search_entries USING fts5(
    title, body, kind UNINDEXED, document_id UNINDEXED, item_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE search_entries`.execute(db);
}

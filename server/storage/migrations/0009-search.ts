import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect';

/**
 * Full-text search. One row per searchable thing: a document's text (with
 * its title), a trial entry, a discussion thread, a workshop note. Accents
 * are folded, so "evaluation" finds "évaluation" and "capitalizacion"
 * "capitalización": on SQLite by FTS5 (`remove_diacritics 2`); on
 * PostgreSQL by a text search configuration that passes words through
 * `unaccent`, so that `ts_headline` still shows them as written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) return upPostgres(db);
  await sql`CREATE VIRTUAL TABLE search_entries USING fts5(
    title, body, kind UNINDEXED, document_id UNINDEXED, item_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
}

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  // Trusted since PostgreSQL 13: a database owner may create it.
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`CREATE TEXT SEARCH CONFIGURATION ensemble_search (COPY = simple)`.execute(db);
  await sql`ALTER TEXT SEARCH CONFIGURATION ensemble_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple`.execute(db);
  await sql`CREATE TABLE search_entries (
    id bigserial PRIMARY KEY,
    document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind text NOT NULL,
    item_id text,
    title text NOT NULL,
    body text NOT NULL,
    words tsvector NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX search_entries_words ON search_entries USING gin (words)`.execute(db);
  await sql`CREATE INDEX search_entries_document ON search_entries (document_id, kind)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE search_entries`.execute(db);
  if (isPostgres(db)) await sql`DROP TEXT SEARCH CONFIGURATION ensemble_search`.execute(db);
}

import { type RawBuilder, sql } from 'kysely';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../shared/api/search';
import type { RoomChannel } from '../../shared/rooms';
import type { Db } from '../storage/database';
import type { SearchEntry } from './entries';
import { andFilters, deleteRoomEntries, documentFilters, queryWords, unindexedDocuments } from './search-sql';
import type { SearchHit, SearchIndex } from './search-index';

/** The text search configuration of migration 0009: `simple`, with accents folded by `unaccent`. */
const CONFIG = sql.lit('ensemble_search');

/**
 * The words of a query as a tsquery: every word must match, each as the start
 * of a word (`:*`, people search as they type). Words hold only letters and
 * digits, and are quoted, so nothing a person types is read as tsquery syntax.
 */
export function tsQuery(q: string): string | null {
  const words = queryWords(q);
  return words.length > 0 ? words.map((word) => `'${word}':*`).join(' & ') : null;
}

/** Title words weigh more than body words, as in the SQLite index. */
const searchWords = (title: RawBuilder<unknown> | string, body: RawBuilder<unknown> | string) =>
  sql`setweight(to_tsvector(${CONFIG}, ${title}::text), 'A') || setweight(to_tsvector(${CONFIG}, ${body}::text), 'B')`;

const HEADLINE_OPTIONS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}", MaxWords=16, MinWords=6, ShortWord=0, MaxFragments=1, FragmentDelimiter="…"`;

/** Full-text search on PostgreSQL (tsvector, GIN index, ts_headline), for the same answers as FTS5 gives on SQLite. */
export function createPostgresSearchIndex(db: Db): SearchIndex {
  return {
    async replace(documentId: string, channel: RoomChannel, entries: readonly SearchEntry[]) {
      await db.transaction().execute(async (trx) => {
        await deleteRoomEntries(trx, documentId, channel);
        for (const entry of entries) {
          const title = entry.kind === 'document' ? sql`d.title` : sql`''`;
          await sql`INSERT INTO search_entries (title, body, kind, document_id, item_id, words)
            SELECT ${title}, ${entry.body}, ${entry.kind}, ${documentId}, ${entry.itemId}, ${searchWords(title, entry.body)}
            FROM documents d WHERE d.id = ${documentId}`.execute(trx);
        }
      });
    },

    async retitle(documentId, title) {
      await sql`UPDATE search_entries SET title = ${title}, words = ${searchWords(title, sql`body`)}
        WHERE document_id = ${documentId} AND kind = 'document'`.execute(db);
    },

    unindexed: (limit) => unindexedDocuments(db, limit),

    async search(userId, query) {
      const match = tsQuery(query.q);
      if (!match) return [];
      const filters = documentFilters(query, (tag) => sql`d.tags::jsonb @> jsonb_build_array(${tag}::text)`);
      const { rows } = await sql<SearchHit>`
        WITH q AS (SELECT to_tsquery(${CONFIG}, ${match}) AS query)
        SELECT e.kind AS "kind", e.document_id AS "documentId", e.item_id AS "itemId",
          ts_headline(${CONFIG}, CASE WHEN to_tsvector(${CONFIG}, e.body) @@ q.query THEN e.body ELSE e.title END, q.query, ${HEADLINE_OPTIONS}) AS "snippet",
          d.title AS "documentTitle", d.kind AS "documentKind", d.status AS "documentStatus",
          d.project_id AS "projectId", p.title AS "projectTitle", d.language AS "language", d.updated_at AS "updatedAt"
        FROM search_entries e
        CROSS JOIN q
        JOIN documents d ON d.id = e.document_id
        JOIN projects p ON p.id = d.project_id
        JOIN project_members m ON m.project_id = d.project_id AND m.user_id = ${userId}
        WHERE e.words @@ q.query ${andFilters(filters)}
        ORDER BY ts_rank(e.words, q.query) DESC, d.updated_at DESC
        LIMIT ${query.limit + 1} OFFSET ${query.offset}`.execute(db);
      return rows;
    },
  };
}

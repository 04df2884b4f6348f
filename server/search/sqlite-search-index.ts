import { sql } from 'kysely';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../shared/api/search';
import type { RoomChannel } from '../../shared/rooms';
import type { Db } from '../storage/database';
import type { SearchEntry } from './entries';
import { andFilters, deleteRoomEntries, documentFilters, queryWords, unindexedDocuments } from './search-sql';
import type { SearchHit, SearchIndex } from './search-index';

/**
 * The words of a query as an FTS5 expression: every word must match, each
 * as the start of a word (people search as they type). Quoted, so nothing
 * a person types is read as FTS5 syntax.
 */
export function matchExpression(q: string): string | null {
  const words = queryWords(q);
  return words.length > 0 ? words.map((word) => `"${word}"*`).join(' ') : null;
}

export function createSqliteSearchIndex(db: Db): SearchIndex {
  return {
    async replace(documentId: string, channel: RoomChannel, entries: readonly SearchEntry[]) {
      await db.transaction().execute(async (trx) => {
        await deleteRoomEntries(trx, documentId, channel);
        for (const entry of entries) {
          await sql`INSERT INTO search_entries (title, body, kind, document_id, item_id)
            SELECT ${entry.kind === 'document' ? sql`title` : sql`''`}, ${entry.body}, ${entry.kind}, ${documentId}, ${entry.itemId}
            FROM documents WHERE id = ${documentId}`.execute(trx);
        }
      });
    },

    async retitle(documentId, title) {
      await sql`UPDATE search_entries SET title = ${title} WHERE document_id = ${documentId} AND kind = 'document'`.execute(db);
    },

    unindexed: (limit) => unindexedDocuments(db, limit),

    async search(userId, query) {
      const match = matchExpression(query.q);
      if (!match) return [];
      const filters = documentFilters(query, (tag) => sql`EXISTS (SELECT 1 FROM json_each(d.tags) t WHERE t.value = ${tag})`);
      const { rows } = await sql<SearchHit>`
        SELECT e.kind AS kind, e.document_id AS documentId, e.item_id AS itemId,
          snippet(search_entries, -1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 16) AS snippet,
          d.title AS documentTitle, d.kind AS documentKind, d.status AS documentStatus,
          d.project_id AS projectId, p.title AS projectTitle, d.language AS language, d.updated_at AS updatedAt
        FROM search_entries e
        JOIN documents d ON d.id = e.document_id
        JOIN projects p ON p.id = d.project_id
        JOIN project_members m ON m.project_id = d.project_id AND m.user_id = ${userId}
        WHERE search_entries MATCH ${match} ${andFilters(filters)}
        ORDER BY bm25(search_entries, 4.0, 1.0), d.updated_at DESC
        LIMIT ${query.limit + 1} OFFSET ${query.offset}`.execute(db);
      return rows;
    },
  };
}

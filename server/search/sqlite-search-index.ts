import { sql } from 'kysely';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../shared/api/search';
import type { RoomChannel } from '../../shared/rooms';
import type { Db } from '../storage/database';
import type { SearchEntry } from './entries';
import { CHANNEL_KINDS, type SearchHit, type SearchIndex } from './search-index';

/**
 * The words of a query as an FTS5 expression: every word must match, each
 * as the start of a word (people search as they type). Quoted, so nothing
 * a person types is read as FTS5 syntax.
 */
export function matchExpression(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0 ? words.slice(0, 12).map((word) => `"${word}"*`).join(' ') : null;
}

const DAY_MS = 24 * 3600 * 1000;

export function createSqliteSearchIndex(db: Db): SearchIndex {
  return {
    async replace(documentId: string, channel: RoomChannel, entries: readonly SearchEntry[]) {
      const kinds = CHANNEL_KINDS[channel];
      await db.transaction().execute(async (trx) => {
        await sql`DELETE FROM search_entries WHERE document_id = ${documentId} AND kind IN (${sql.join(kinds)})`.execute(trx);
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

    async unindexed(limit) {
      const { rows } = await sql<{ id: string }>`SELECT d.id FROM documents d
        WHERE d.project_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_entries e WHERE e.document_id = d.id AND e.kind = 'document')
        LIMIT ${limit}`.execute(db);
      return rows.map((r) => r.id);
    },

    async search(userId, query) {
      const match = matchExpression(query.q);
      if (!match) return [];
      const filters = [
        query.projectId && sql`d.project_id = ${query.projectId}`,
        query.kind && sql`d.kind = ${query.kind}`,
        query.status && sql`d.status = ${query.status}`,
        query.language && sql`d.language = ${query.language}`,
        query.tag && sql`EXISTS (SELECT 1 FROM json_each(d.tags) t WHERE t.value = ${query.tag})`,
        query.organisationId &&
          sql`EXISTS (SELECT 1 FROM document_contributors c JOIN users u ON u.id = c.user_id WHERE c.document_id = d.id AND u.organisation_id = ${query.organisationId})`,
        query.from && sql`d.updated_at >= ${Date.parse(`${query.from}T00:00:00Z`)}`,
        query.to && sql`d.updated_at < ${Date.parse(`${query.to}T00:00:00Z`) + DAY_MS}`,
      ].filter((f) => !!f);
      const { rows } = await sql<SearchHit>`
        SELECT e.kind AS kind, e.document_id AS documentId, e.item_id AS itemId,
          snippet(search_entries, -1, ${HIGHLIGHT_START}, ${HIGHLIGHT_END}, '…', 16) AS snippet,
          d.title AS documentTitle, d.kind AS documentKind, d.status AS documentStatus,
          d.project_id AS projectId, p.title AS projectTitle, d.language AS language, d.updated_at AS updatedAt
        FROM search_entries e
        JOIN documents d ON d.id = e.document_id
        JOIN projects p ON p.id = d.project_id
        JOIN project_members m ON m.project_id = d.project_id AND m.user_id = ${userId}
        WHERE search_entries MATCH ${match} ${filters.length > 0 ? sql`AND ${sql.join(filters, sql` AND `)}` : sql``}
        ORDER BY bm25(search_entries, 4.0, 1.0), d.updated_at DESC
        LIMIT ${query.limit + 1} OFFSET ${query.offset}`.execute(db);
      return rows;
    },
  };
}

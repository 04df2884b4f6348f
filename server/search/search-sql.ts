import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { searchQuerySchema } from '../../shared/api/search';
import type { RoomChannel } from '../../shared/rooms';
import type { Database } from '../storage/database';
import { CHANNEL_KINDS } from './search-index';

/** SQL that FTS5 and PostgreSQL's search tables answer alike. */

const DAY_MS = 24 * 3600 * 1000;

/** The words of a query, as both engines read them: letters and digits, at most twelve. */
export function queryWords(q: string): string[] {
  return (q.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/**
 * The filters of a search query on the document `d`, for either engine: only
 * how a JSON array of tags is searched differs, so the caller says.
 */
export function documentFilters(
  query: z.output<typeof searchQuerySchema>,
  hasTag: (tag: string) => RawBuilder<unknown>,
): RawBuilder<unknown>[] {
  return [
    query.projectId && sql`d.project_id = ${query.projectId}`,
    query.kind && sql`d.kind = ${query.kind}`,
    query.status && sql`d.status = ${query.status}`,
    query.language && sql`d.language = ${query.language}`,
    query.tag && hasTag(query.tag),
    query.organisationId &&
      sql`EXISTS (SELECT 1 FROM document_contributors c JOIN users u ON u.id = c.user_id WHERE c.document_id = d.id AND u.organisation_id = ${query.organisationId})`,
    query.from && sql`d.updated_at >= ${Date.parse(`${query.from}T00:00:00Z`)}`,
    query.to && sql`d.updated_at < ${Date.parse(`${query.to}T00:00:00Z`) + DAY_MS}`,
  ].filter((f) => !!f);
}

/** `AND` and the filters, or nothing. */
export function andFilters(filters: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return filters.length > 0 ? sql`AND ${sql.join(filters, sql` AND `)}` : sql``;
}

/** Removes what a room's document had in the index, before its entries are written again. */
export async function deleteRoomEntries(db: Kysely<Database>, documentId: string, channel: RoomChannel): Promise<void> {
  await sql`DELETE FROM search_entries WHERE document_id = ${documentId} AND kind IN (${sql.join(CHANNEL_KINDS[channel])})`.execute(db);
}

/** Documents with no entry yet, to index once from storage. */
export async function unindexedDocuments(db: Kysely<Database>, limit: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`SELECT d.id FROM documents d
    WHERE d.project_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM search_entries e WHERE e.document_id = d.id AND e.kind = 'document')
    LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

import type { z } from 'zod';
import type { searchQuerySchema, SearchResultKind } from '../../shared/api/search';
import type { DocumentKind, DocumentStatus } from '../../shared/knowledge/kinds';
import type { RoomChannel } from '../../shared/rooms';
import type { Language } from '../../shared/roles';
import type { SearchEntry } from './entries';

/** The kinds of entry each room's document holds: replacing a room's entries replaces these. */
export const CHANNEL_KINDS: Record<RoomChannel, readonly SearchResultKind[]> = {
  content: ['document', 'trial_entry'],
  discussion: ['annotation'],
  board: ['workshop_note'],
};

/** A match, with what the result shows of its document. */
export interface SearchHit {
  kind: SearchResultKind;
  documentId: string;
  itemId: string | null;
  snippet: string;
  documentTitle: string;
  documentKind: DocumentKind;
  documentStatus: DocumentStatus;
  projectId: string;
  projectTitle: string;
  language: Language;
  updatedAt: number;
}

/**
 * Full-text search over what documents hold. SQLite answers with FTS5;
 * PostgreSQL will answer with its own, behind the same interface.
 */
export interface SearchIndex {
  /** Puts a room's entries in place of those it had. */
  replace(documentId: string, channel: RoomChannel, entries: readonly SearchEntry[]): Promise<void>;
  /** A document's title, found with its text. */
  retitle(documentId: string, title: string): Promise<void>;
  /** Documents that have no entry yet, to index once from storage. */
  unindexed(limit: number): Promise<string[]>;
  /** Matches among the documents of the projects `userId` is a member of, best first; one more than `limit` tells there are more. */
  search(userId: string, query: z.output<typeof searchQuerySchema>): Promise<SearchHit[]>;
}

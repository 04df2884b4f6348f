import { z } from 'zod';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../knowledge/kinds';
import { LANGUAGES } from '../roles';
import { idSchema, timestampSchema } from './common';

/** What a search result is: a document itself, or something inside one. */
export const SEARCH_RESULT_KINDS = ['document', 'trial_entry', 'annotation', 'workshop_note'] as const;
export type SearchResultKind = (typeof SEARCH_RESULT_KINDS)[number];

/**
 * Snippets mark the words that matched between these two characters, never
 * with HTML: the text is people's, and the client builds the highlight.
 */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export const SEARCH_QUERY_MAX_LENGTH = 200;

const dateSchema = z.iso.date();

/** Query string of GET /search. Every filter narrows; the words are matched as prefixes, accents ignored. */
export const searchQuerySchema = z
  .object({
    q: z.string().trim().min(1).max(SEARCH_QUERY_MAX_LENGTH),
    projectId: idSchema.optional(),
    kind: z.enum(DOCUMENT_KINDS).optional(),
    status: z.enum(DOCUMENT_STATUSES).optional(),
    tag: z.string().trim().min(1).max(60).optional(),
    organisationId: idSchema.optional(),
    language: z.enum(LANGUAGES).optional(),
    /** Documents changed on or after this day… */
    from: dateSchema.optional(),
    /** …and on or before this one. */
    to: dateSchema.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    offset: z.coerce.number().int().min(0).max(1000).default(0),
  })
  .strict();
export type SearchQuery = z.input<typeof searchQuerySchema>;

export const searchResultSchema = z.object({
  kind: z.enum(SEARCH_RESULT_KINDS),
  documentId: idSchema,
  /** The entry, thread or note inside the document; null for the document itself. */
  itemId: z.string().nullable(),
  documentTitle: z.string(),
  documentKind: z.enum(DOCUMENT_KINDS),
  documentStatus: z.enum(DOCUMENT_STATUSES),
  projectId: idSchema,
  projectTitle: z.string(),
  language: z.enum(LANGUAGES),
  updatedAt: timestampSchema,
  /** A few words around the match, the matched words between HIGHLIGHT_START and HIGHLIGHT_END. */
  snippet: z.string(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchResponseSchema = z.object({
  results: z.array(searchResultSchema),
  /** Whether more results follow the last one (ask again with a larger offset). */
  more: z.boolean(),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;

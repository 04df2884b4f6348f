import { z } from 'zod';
import { SEARCH_QUERY_MAX_LENGTH, type Organisation, type Project, type SearchQuery } from '../../shared/api';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, type DocumentKind, type DocumentStatus } from '../../shared/knowledge/kinds';
import { LANGUAGES, type Language } from '../../shared/roles';
import { first, oneOf, type Query } from './knowledge-filters';

/** What the results page searches for, as its URL says; null means "any". */
export interface SearchFilters {
  /** The words as typed; blank means nothing is searched yet. */
  q: string;
  projectId: string | null;
  kind: DocumentKind | null;
  status: DocumentStatus | null;
  tag: string | null;
  organisationId: string | null;
  language: Language | null;
  /** Days, `YYYY-MM-DD`: documents changed from this one… */
  from: string | null;
  /** …to this one, both included. */
  to: string | null;
}

/** Every filter back to "any", the words staying. */
export const CLEARED_SEARCH_FILTERS: Omit<SearchFilters, 'q'> = {
  projectId: null,
  kind: null,
  status: null,
  tag: null,
  organisationId: null,
  language: null,
  from: null,
  to: null,
};

export const NO_SEARCH: SearchFilters = { q: '', ...CLEARED_SEARCH_FILTERS };

/** Each field's name in the URL, short for a link pasted in a message; also the order they are written in. */
const QUERY_NAMES = {
  q: 'q',
  projectId: 'project',
  kind: 'kind',
  status: 'status',
  tag: 'tag',
  organisationId: 'org',
  language: 'lang',
  from: 'from',
  to: 'to',
} as const satisfies Record<keyof SearchFilters, string>;

const FIELDS = Object.keys(QUERY_NAMES) as Array<keyof SearchFilters>;

const daySchema = z.iso.date();

function day(value: string | null): string | null {
  return value !== null && daySchema.safeParse(value).success ? value : null;
}

/** The search a shared link asks for; a value we do not know (a kind, a day) counts as no filter. */
export function searchFromQuery(query: Query): SearchFilters {
  const value = (field: keyof SearchFilters) => first(query[QUERY_NAMES[field]]);
  return {
    q: value('q') ?? '',
    projectId: value('projectId'),
    kind: oneOf(DOCUMENT_KINDS, value('kind')),
    status: oneOf(DOCUMENT_STATUSES, value('status')),
    tag: value('tag')?.trim() || null,
    organisationId: value('organisationId'),
    language: oneOf(LANGUAGES, value('language')),
    from: day(value('from')),
    to: day(value('to')),
  };
}

/** The URL query changes for `change`: "any" (and blank words) remove the name, so the URL stays clean. */
export function queryOfSearch(change: Partial<SearchFilters>): Record<string, string | null> {
  const query: Record<string, string | null> = {};
  for (const field of FIELDS) {
    const value = change[field];
    if (value === undefined) continue;
    query[QUERY_NAMES[field]] = value === null || value.trim() === '' ? null : value;
  }
  return query;
}

/** The results page for `search`: `/search?q=…` and its filters (the `/search` route in main.tsx). */
export function searchPath(search: Partial<SearchFilters>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(queryOfSearch(search))) {
    if (value !== null) params.set(name, value);
  }
  const query = params.toString();
  return query === '' ? '/search' : `/search?${query}`;
}

export function hasSearchFilters(search: SearchFilters): boolean {
  return FIELDS.some((field) => field !== 'q' && search[field] !== null);
}

/** What to ask the server for `search`, or null while there are no words to look for. */
export function searchRequest(search: SearchFilters, limit: number): SearchQuery | null {
  const { q: typed, ...filters } = search;
  const q = typed.trim().slice(0, SEARCH_QUERY_MAX_LENGTH);
  if (q === '') return null;
  // The filters are named as the API names them: only the chosen ones go.
  const chosen = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== null)) as Partial<SearchQuery>;
  return { ...chosen, q, limit };
}

/** The organisations to filter by: the partners of my projects (of the chosen one only, when there is one), once each, by name. */
export function partnersOf(projects: readonly Project[], projectId: string | null, locale: string): Organisation[] {
  const chosen = projectId === null ? projects : projects.filter((project) => project.id === projectId);
  const byId = new Map(chosen.flatMap((project) => project.partners.map((partner) => [partner.id, partner] as const)));
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return [...byId.values()].sort((a, b) => collator.compare(a.name, b.name));
}

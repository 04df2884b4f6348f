import type { ContributorOrganisation, DocumentSummary } from '../../shared/api';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, type DocumentKind, type DocumentStatus } from '../../shared/knowledge/kinds';

export const SORT_ORDERS = ['activity', 'title', 'kind', 'status'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** What the knowledge base shows; null means "any". */
export interface KnowledgeFilters {
  kind: DocumentKind | null;
  status: DocumentStatus | null;
  /** A theme or a tag: readers do not care which of the two a label was filed as. */
  label: string | null;
  /** An organisation's id. */
  organisation: string | null;
  sort: SortOrder;
}

export const NO_FILTERS: KnowledgeFilters = { kind: null, status: null, label: null, organisation: null, sort: 'activity' };

/** The URL query as the router gives it. */
export type Query = Partial<Record<string, string | string[] | undefined>>;

/** Each filter's name in the URL, short enough for a link pasted in a message. */
const QUERY_NAMES = { kind: 'kind', status: 'status', label: 'tag', organisation: 'org', sort: 'sort' } as const satisfies Record<
  keyof KnowledgeFilters,
  string
>;

/** A query value as one string (the first, when a name is repeated); absent or empty is none. */
export function first(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? null : text;
}

/** `value` when it is one of `allowed`, else null. */
export function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The filters a shared link asks for; a value that is not one we know counts as no filter. */
export function filtersFromQuery(query: Query): KnowledgeFilters {
  return {
    kind: oneOf(DOCUMENT_KINDS, first(query[QUERY_NAMES.kind])),
    status: oneOf(DOCUMENT_STATUSES, first(query[QUERY_NAMES.status])),
    label: first(query[QUERY_NAMES.label]),
    organisation: first(query[QUERY_NAMES.organisation]),
    sort: oneOf(SORT_ORDERS, first(query[QUERY_NAMES.sort])) ?? NO_FILTERS.sort,
  };
}

/** The query changes for `change`: null removes a name, so the defaults leave the URL clean. */
export function queryOfFilters(change: Partial<KnowledgeFilters>): Record<string, string | null> {
  const query: Record<string, string | null> = {};
  for (const name of Object.keys(change) as Array<keyof KnowledgeFilters>) {
    const value = change[name];
    if (value === undefined) continue;
    query[QUERY_NAMES[name]] = value === NO_FILTERS[name] ? null : value;
  }
  return query;
}

/** Every filter back to "any"; the sort order stays, since it hides nothing. */
export const CLEARED: Omit<KnowledgeFilters, 'sort'> = { kind: null, status: null, label: null, organisation: null };

export function hasFilters(filters: KnowledgeFilters): boolean {
  return filters.kind !== null || filters.status !== null || filters.label !== null || filters.organisation !== null;
}

export function matchesFilters(document: DocumentSummary, filters: KnowledgeFilters): boolean {
  const { kind, status, label, organisation } = filters;
  return (
    (kind === null || document.kind === kind) &&
    (status === null || document.status === status) &&
    (label === null || document.themes.includes(label) || document.tags.includes(label)) &&
    (organisation === null || document.contributors.some((contributor) => contributor.id === organisation))
  );
}

function compareDocuments(order: SortOrder, locale: string): (a: DocumentSummary, b: DocumentSummary) => number {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byActivity = (a: DocumentSummary, b: DocumentSummary) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt);
  // Untitled documents last: an empty title says nothing to sort by.
  const byTitle = (a: DocumentSummary, b: DocumentSummary) =>
    Number(a.title === '') - Number(b.title === '') || collator.compare(a.title, b.title);
  switch (order) {
    case 'activity':
      return (a, b) => byActivity(a, b) || byTitle(a, b);
    case 'title':
      return (a, b) => byTitle(a, b) || byActivity(a, b);
    case 'kind':
      // In the templates' own order, which goes from the broadest to the rawest.
      return (a, b) => DOCUMENT_KINDS.indexOf(a.kind) - DOCUMENT_KINDS.indexOf(b.kind) || byActivity(a, b);
    case 'status':
      // Most advanced first: a reader looks for what the partners stand behind.
      return (a, b) => DOCUMENT_STATUSES.indexOf(b.status) - DOCUMENT_STATUSES.indexOf(a.status) || byActivity(a, b);
  }
}

/** The documents `filters` let through, in their sort order; `locale` decides how titles sort. */
export function selectDocuments(
  documents: readonly DocumentSummary[],
  filters: KnowledgeFilters,
  locale: string,
): DocumentSummary[] {
  return documents.filter((document) => matchesFilters(document, filters)).sort(compareDocuments(filters.sort, locale));
}

function countBy<K extends string>(keys: readonly K[], documents: readonly DocumentSummary[], keyOf: (d: DocumentSummary) => K) {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const document of documents) counts[keyOf(document)] += 1;
  return counts;
}

/**
 * How many documents each kind would show, the other filters staying as
 * they are: the count on a kind's chip is what choosing it gives.
 */
export function countKinds(documents: readonly DocumentSummary[], filters: KnowledgeFilters): Record<DocumentKind, number> {
  const others = { ...filters, kind: null };
  return countBy(DOCUMENT_KINDS, documents.filter((d) => matchesFilters(d, others)), (d) => d.kind);
}

/** Like `countKinds`, for statuses. */
export function countStatuses(documents: readonly DocumentSummary[], filters: KnowledgeFilters): Record<DocumentStatus, number> {
  const others = { ...filters, status: null };
  return countBy(DOCUMENT_STATUSES, documents.filter((d) => matchesFilters(d, others)), (d) => d.status);
}

/** Every theme and tag in use, once each, in the reader's alphabetical order. */
export function labelsOf(documents: readonly DocumentSummary[], locale: string): string[] {
  const labels = new Set(documents.flatMap((document) => [...document.themes, ...document.tags]));
  return [...labels].sort(new Intl.Collator(locale, { sensitivity: 'base', numeric: true }).compare);
}

/** Every organisation that wrote in some document, once each, by name. */
export function organisationsOf(documents: readonly DocumentSummary[], locale: string): ContributorOrganisation[] {
  const byId = new Map(documents.flatMap((document) => document.contributors.map((c) => [c.id, c] as const)));
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return [...byId.values()].sort((a, b) => collator.compare(a.name, b.name));
}

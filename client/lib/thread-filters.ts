import type { AnnotationKind, Author, Thread } from '../../shared/annotations/discussion';

export type StatusFilter = 'open' | 'closed' | 'all';
export const STATUS_FILTERS: readonly StatusFilter[] = ['open', 'closed', 'all'];

export interface ThreadFilters {
  kind: AnnotationKind | null;
  status: StatusFilter;
  /** An organisation key (see organisationKey), or null for all. */
  organisation: string | null;
}

export const DEFAULT_THREAD_FILTERS: ThreadFilters = { kind: null, status: 'open', organisation: null };

/** Who started the thread: the author of its first message. */
export const threadAuthor = (thread: Thread): Author | null => thread.messages[0]?.author ?? null;

/** Authors without an organisation are grouped under their organisation's name, which is then empty. */
export const organisationKey = (author: Author) => author.organisationId ?? `name:${author.organisationName}`;

export function matchesFilters(thread: Thread, filters: ThreadFilters): boolean {
  if (filters.kind !== null && thread.kind !== filters.kind) return false;
  if (filters.status === 'open' && thread.status !== 'open') return false;
  if (filters.status === 'closed' && thread.status === 'open') return false;
  if (filters.organisation !== null) {
    const author = threadAuthor(thread);
    if (!author || organisationKey(author) !== filters.organisation) return false;
  }
  return true;
}

export interface OrganisationOption {
  key: string;
  name: string;
  color: string;
}

/** The organisations of the threads' authors, each once, by name. */
export function threadOrganisations(threads: readonly Thread[], locale: string): OrganisationOption[] {
  const found = new Map<string, OrganisationOption>();
  for (const thread of threads) {
    const author = threadAuthor(thread);
    if (author && author.organisationName) {
      found.set(organisationKey(author), { key: organisationKey(author), name: author.organisationName, color: author.organisationColor });
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, locale));
}

/**
 * In the order of the text: threads by where their words start, then those
 * without a place (detached, or whose text has not arrived), oldest first.
 */
export function inTextOrder<T extends { id: string; createdAt: number }>(threads: readonly T[], startOf: (id: string) => number | null): T[] {
  const keyed = threads.map((thread) => ({ thread, start: startOf(thread.id) }));
  keyed.sort((a, b) => {
    if (a.start !== null && b.start !== null) return a.start - b.start || a.thread.createdAt - b.thread.createdAt;
    if (a.start !== null) return -1;
    if (b.start !== null) return 1;
    return a.thread.createdAt - b.thread.createdAt;
  });
  return keyed.map(({ thread }) => thread);
}

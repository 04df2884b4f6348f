import { createMemo, createSignal, type Accessor } from 'solid-js';
import type { DocumentSummary } from '../../shared/api';
import type { LinkCandidate } from '../editor/link-suggestions';
import type { ApiClient } from '../lib/api';

/** How long a fetched list of titles serves searches before it is asked for again. */
const FRESH_MS = 10_000;
const MAX_CANDIDATES = 8;

/** Lower case without accents, so "evaluacion" finds "Evaluación". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** The documents whose title contains `query`, most recently active first; all of them, by activity, for an empty query. */
export function matchTitles(documents: readonly DocumentSummary[], query: string, exclude: string): LinkCandidate[] {
  const wanted = foldForSearch(query.trim());
  return documents
    .filter((d) => d.id !== exclude && foldForSearch(d.title).includes(wanted))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, MAX_CANDIDATES)
    .map((d) => ({ id: d.id, title: d.title, kind: d.kind }));
}

/**
 * The titles of a project's documents, for links in the text: searched as
 * someone types `[[`, and shown on link chips, so a renamed document's new
 * title appears wherever it is linked.
 */
export function createProjectTitles(api: ApiClient, projectId: Accessor<string | undefined>, currentDocumentId: string) {
  const [documents, setDocuments] = createSignal<DocumentSummary[]>([]);
  let fetchedAt = 0;
  let fetching: Promise<DocumentSummary[]> | null = null;
  const refresh = async (): Promise<DocumentSummary[]> => {
    const id = projectId();
    if (!id) return [];
    if (Date.now() - fetchedAt < FRESH_MS) return documents();
    fetching ??= api
      .listDocuments(id)
      .then((list) => {
        fetchedAt = Date.now();
        setDocuments(list);
        return list;
      })
      .finally(() => {
        fetching = null;
      });
    return fetching;
  };
  const titles = createMemo(() => new Map(documents().map((d) => [d.id, d.title])));
  return {
    titleOf: (documentId: string) => titles().get(documentId),
    search: async (query: string) => matchTitles(await refresh(), query, currentDocumentId),
    refresh,
  };
}

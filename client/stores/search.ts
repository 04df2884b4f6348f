import { batch, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { SearchQuery, SearchResult } from '../../shared/api';
import type { ApiClient } from '../lib/api';
import { appendResults } from '../lib/search-results';

export interface SearchStore {
  /** What the last answered search found, pages appended in order. */
  results: Accessor<readonly SearchResult[]>;
  /** Whether the server has more after these. */
  more: Accessor<boolean>;
  /** Whether an answer is awaited: a new search (the previous results stay meanwhile) or more results. */
  loading: Accessor<boolean>;
  /** Why the last attempt failed, until the next one. */
  error: Accessor<unknown>;
  /** The search the results answer; null before the first answer, and once cleared. */
  answered: Accessor<SearchQuery | null>;
  /** Searches anew (after the delay, when the store has one); null clears. Whatever was under way is cancelled. */
  search(query: SearchQuery | null): void;
  /** The next page of the answered search. */
  loadMore(): void;
  /** Tries the failed attempt again. */
  retry(): void;
}

/**
 * One search at a time: a new one cancels the request still under way, so
 * a slow link carries only the answer someone still waits for, and an old
 * answer never replaces a newer one. With `delayMs`, a search waits that
 * long for the next keystroke before asking.
 */
export function createSearchStore(api: Pick<ApiClient, 'search'>, options: { delayMs?: number } = {}): SearchStore {
  const [results, setResults] = createSignal<readonly SearchResult[]>([]);
  const [more, setMore] = createSignal(false);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [answered, setAnswered] = createSignal<SearchQuery | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: AbortController | null = null;
  let lastAttempt: { query: SearchQuery; offset: number } | null = null;

  const cancel = () => {
    clearTimeout(timer);
    current?.abort();
    current = null;
  };
  onCleanup(cancel);

  function ask(query: SearchQuery, offset: number): void {
    const controller = new AbortController();
    current = controller;
    lastAttempt = { query, offset };
    api.search({ ...query, offset }, controller.signal).then(
      (response) => {
        if (current !== controller) return;
        current = null;
        batch(() => {
          setResults((shown) => (offset === 0 ? response.results : appendResults(shown, response.results)));
          setMore(response.more);
          setAnswered(query);
          setLoading(false);
        });
      },
      (failure: unknown) => {
        if (current !== controller) return;
        current = null;
        batch(() => {
          // A failed new search leaves nothing to show: the old results would answer other words.
          if (offset === 0) {
            setResults([]);
            setMore(false);
            setAnswered(null);
          }
          setError(() => failure);
          setLoading(false);
        });
      },
    );
  }

  function start(query: SearchQuery, offset: number, delayMs: number): void {
    cancel();
    batch(() => {
      setLoading(true);
      setError(null);
    });
    if (delayMs > 0) timer = setTimeout(() => ask(query, offset), delayMs);
    else ask(query, offset);
  }

  return {
    results,
    more,
    loading,
    error,
    answered,
    search(query) {
      if (query !== null) return start(query, 0, options.delayMs ?? 0);
      cancel();
      lastAttempt = null;
      batch(() => {
        setResults([]);
        setMore(false);
        setLoading(false);
        setError(null);
        setAnswered(null);
      });
    },
    loadMore() {
      const query = answered();
      if (query !== null && more() && !loading()) start(query, results().length, 0);
    },
    retry() {
      if (lastAttempt !== null) start(lastAttempt.query, lastAttempt.offset, 0);
    },
  };
}

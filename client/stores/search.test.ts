import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { SearchQuery, SearchResponse, SearchResult } from '../../shared/api';
import { ApiError, type ApiClient } from '../lib/api';
import { createSearchStore } from './search';

function result(documentId: string): SearchResult {
  return {
    kind: 'document',
    documentId,
    itemId: null,
    documentTitle: documentId,
    documentKind: 'free',
    documentStatus: 'draft',
    projectId: 'p1',
    projectTitle: 'Sahel',
    language: 'fr',
    updatedAt: '2025-03-03T10:00:00.000Z',
    snippet: documentId,
  };
}

/** An API whose searches wait until the test answers them, one by one. */
function pendingApi() {
  const calls: Array<{
    query: SearchQuery;
    signal: AbortSignal | undefined;
    answer(response: SearchResponse): void;
    fail(error: unknown): void;
  }> = [];
  const api: Pick<ApiClient, 'search'> = {
    search: (query, signal) =>
      new Promise((resolve, reject) => calls.push({ query, signal, answer: resolve, fail: reject })),
  };
  return { api, calls };
}

function inRoot<T>(make: () => T): T {
  return createRoot((dispose) => {
    onTestFinished(dispose);
    return make();
  });
}

/** Lets the answered requests' callbacks run (the timers are fake, the promises are not). */
async function flush(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) await Promise.resolve();
}

describe('createSearchStore', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for a pause in the typing, then asks once for the last words', async () => {
    const { api, calls } = pendingApi();
    const store = inRoot(() => createSearchStore(api, { delayMs: 200 }));
    store.search({ q: 'ev' });
    vi.advanceTimersByTime(150);
    store.search({ q: 'eval' });
    expect(store.loading()).toBe(true);
    vi.advanceTimersByTime(199);
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(calls.map((call) => call.query)).toEqual([{ q: 'eval', offset: 0 }]);
    calls[0]?.answer({ results: [result('d1')], more: false });
    await flush();
    expect(store.results()).toHaveLength(1);
    expect(store.loading()).toBe(false);
    expect(store.answered()).toEqual({ q: 'eval' });
  });

  it('cancels the request a newer search replaces, and ignores its late answer', async () => {
    const { api, calls } = pendingApi();
    const store = inRoot(() => createSearchStore(api));
    store.search({ q: 'capita' });
    store.search({ q: 'capitaliz' });
    expect(calls[0]?.signal?.aborted).toBe(true);
    expect(calls[1]?.signal?.aborted).toBe(false);
    calls[1]?.answer({ results: [result('new')], more: false });
    calls[0]?.answer({ results: [result('old')], more: true });
    await flush();
    expect(store.results().map((r) => r.documentId)).toEqual(['new']);
    expect(store.more()).toBe(false);
  });

  it('loads the next page from where the results end, and appends it', async () => {
    const { api, calls } = pendingApi();
    const store = inRoot(() => createSearchStore(api));
    store.search({ q: 'agua', limit: 2 });
    calls[0]?.answer({ results: [result('d1'), result('d2')], more: true });
    await flush();
    store.loadMore();
    store.loadMore();
    expect(calls).toHaveLength(2);
    expect(calls[1]?.query).toEqual({ q: 'agua', limit: 2, offset: 2 });
    calls[1]?.answer({ results: [result('d2'), result('d3')], more: false });
    await flush();
    expect(store.results().map((r) => r.documentId)).toEqual(['d1', 'd2', 'd3']);
    store.loadMore();
    expect(calls).toHaveLength(2);
  });

  it('says why a search failed, shows nothing of the words before, and tries again', async () => {
    const { api, calls } = pendingApi();
    const store = inRoot(() => createSearchStore(api));
    store.search({ q: 'seed' });
    calls[0]?.answer({ results: [result('d1')], more: false });
    await flush();
    store.search({ q: 'seeds' });
    const failure = new ApiError(0, 'network_error', 'offline');
    calls[1]?.fail(failure);
    await flush();
    expect(store.error()).toBe(failure);
    expect(store.results()).toEqual([]);
    store.retry();
    expect(store.error()).toBeNull();
    expect(calls[2]?.query).toEqual({ q: 'seeds', offset: 0 });
  });

  it('keeps the results when only more failed to load', async () => {
    const { api, calls } = pendingApi();
    const store = inRoot(() => createSearchStore(api));
    store.search({ q: 'seed' });
    calls[0]?.answer({ results: [result('d1')], more: true });
    await flush();
    store.loadMore();
    calls[1]?.fail(new ApiError(0, 'network_error', 'offline'));
    await flush();
    expect(store.results()).toHaveLength(1);
    expect(store.error()).not.toBeNull();
  });

  it('clears everything, cancelling what was under way', () => {
    const { api, calls } = pendingApi();
    const store = inRoot(() => createSearchStore(api, { delayMs: 200 }));
    store.search({ q: 'x' });
    store.search(null);
    vi.advanceTimersByTime(500);
    expect(calls).toHaveLength(0);
    expect(store.loading()).toBe(false);
    expect(store.answered()).toBeNull();
  });
});

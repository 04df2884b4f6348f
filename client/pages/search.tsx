import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, For, Match, Show, Switch } from 'solid-js';
import { SEARCH_QUERY_MAX_LENGTH } from '../../shared/api';
import { ErrorNotice, LoadingLine } from '../components/error-notice';
import { SearchFiltersPanel } from '../components/search-filters';
import { SearchResultSummary } from '../components/search-result';
import {
  CLEARED_SEARCH_FILTERS,
  hasSearchFilters,
  queryOfSearch,
  searchFromQuery,
  searchRequest,
  type SearchFilters,
} from '../lib/search-filters';
import { resultKey, resultPath } from '../lib/search-results';
import { useApp } from '../stores/app-context';
import { loaded } from '../stores/loaded';
import { createProjectsStore } from '../stores/projects';
import { createSearchStore } from '../stores/search';

const PAGE_SIZE = 20;

/**
 * The results page: the words and the filters live in the URL, so a search
 * can be shared or bookmarked, and Back goes to the previous words. Before
 * any words, it says what search looks through.
 */
export function SearchPage() {
  const { api, locale } = useApp();
  const [query, setQuery] = useSearchParams();
  const search = createMemo(() => searchFromQuery(query));
  // Its own memo: changing a filter must not reset words typed but not yet sent.
  const words = createMemo(() => search().q);
  const store = createSearchStore(api);
  const projects = createProjectsStore(api);
  let input!: HTMLInputElement;

  createEffect(() => store.search(searchRequest(search(), PAGE_SIZE)));
  // Replacing, not pushing: Back leaves the words' results rather than undoing one filter at a time.
  const change = (next: Partial<SearchFilters>) => setQuery(queryOfSearch(next), { replace: true });
  const shown = () => store.results().length;

  return (
    <section class="page search-page" aria-labelledby="search-title" aria-busy={store.loading()}>
      <div class="page-head">
        <h1 id="search-title">{locale.t('search.title')}</h1>
      </div>
      <form
        role="search"
        class="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(queryOfSearch({ q: input.value }));
        }}
      >
        <label class="visually-hidden" for="search-words">
          {locale.t('search.label')}
        </label>
        <input
          ref={input}
          id="search-words"
          type="search"
          class="text-input"
          value={words()}
          placeholder={locale.t('search.placeholder')}
          maxLength={SEARCH_QUERY_MAX_LENGTH}
          enterkeyhint="search"
          data-testid="search-page-input"
        />
        <button type="submit" class="button primary">
          {locale.t('search.submit')}
        </button>
      </form>
      <SearchFiltersPanel filters={search()} projects={loaded(projects.projects) ?? []} onChange={change} />
      <Show when={store.error()}>
        {(error) => <ErrorNotice error={error()} message="search.loadError" onRetry={store.retry} testId="search-error" />}
      </Show>
      <Switch>
        <Match when={words().trim() === ''}>
          <div class="empty-state" data-testid="search-about">
            <h2>{locale.t('search.aboutTitle')}</h2>
            <p>{locale.t('search.aboutBody')}</p>
            <p class="muted">{locale.t('search.aboutWords')}</p>
          </div>
        </Match>
        <Match when={shown() > 0}>
          <p class="muted search-count" role="status" data-testid="search-count">
            {store.more() ? locale.tn('search.foundMore', shown()) : locale.tn('search.found', shown())}
          </p>
          <ol class="document-list" classList={{ stale: store.loading() }}>
            <For each={store.results()}>
              {(result) => (
                <li class="search-result" data-testid="search-result" data-kind={result.kind} data-key={resultKey(result)}>
                  <a href={resultPath(result)} class="document-link search-result-link">
                    <SearchResultSummary result={result} />
                  </a>
                </li>
              )}
            </For>
          </ol>
          <Show when={store.more()}>
            <div class="search-more">
              <button
                type="button"
                class="button"
                disabled={store.loading()}
                data-testid="search-load-more"
                onClick={() => store.loadMore()}
              >
                {store.loading() ? locale.t('search.loadingMore') : locale.t('search.loadMore')}
              </button>
            </div>
          </Show>
        </Match>
        <Match when={store.loading()}>
          <LoadingLine message="search.searching" />
        </Match>
        <Match when={store.answered()}>
          <div class="empty-state compact" data-testid="search-no-results" role="status">
            <h2>{locale.t('search.noResults', { query: words().trim() })}</h2>
            <p>{locale.t('search.noResultsHint')}</p>
            <Show when={hasSearchFilters(search())}>
              <p>{locale.t('search.noMatchFiltered')}</p>
              <div>
                <button type="button" class="button" onClick={() => change(CLEARED_SEARCH_FILTERS)}>
                  {locale.t('search.clearFilters')}
                </button>
              </div>
            </Show>
          </div>
        </Match>
      </Switch>
    </section>
  );
}

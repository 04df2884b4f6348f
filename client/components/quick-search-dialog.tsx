import { useNavigate } from '@solidjs/router';
import { createEffect, createSignal, createUniqueId, For, Match, on, onMount, Show, Switch } from 'solid-js';
import { SEARCH_QUERY_MAX_LENGTH } from '../../shared/api';
import { searchPath } from '../lib/search-filters';
import { resultPath } from '../lib/search-results';
import { useApp } from '../stores/app-context';
import { createSearchStore } from '../stores/search';
import { ErrorNotice } from './error-notice';
import { SearchResultSummary } from './search-result';
import './search.css';

/** How long typing may pause before the words are sent: fewer requests on a slow link. */
const TYPING_DELAY_MS = 200;
/** One letter matches nearly everything as a prefix. */
const MIN_LETTERS = 2;
/** What fits on a phone's screen; the results page has the rest. */
const QUICK_LIMIT = 8;

/**
 * The quick search: results as one types, chosen with the arrows and opened
 * with Enter; Enter with none chosen, or "See all results", opens the
 * results page. A modal dialog: Escape or a click outside closes it, and
 * `onClose(true)` asks for the focus to go back where it was.
 */
export function QuickSearchDialog(props: { onClose(restoreFocus: boolean): void }) {
  const { api, locale } = useApp();
  const navigate = useNavigate();
  const store = createSearchStore(api, { delayMs: TYPING_DELAY_MS });
  const [text, setText] = createSignal('');
  // -1: no result chosen, the words themselves.
  const [active, setActive] = createSignal(-1);
  const listId = createUniqueId();
  const optionId = (index: number) => `${listId}-${index}`;
  let dialog!: HTMLDialogElement;
  let input!: HTMLInputElement;

  onMount(() => {
    dialog.showModal();
    input.focus();
  });
  createEffect(on(store.results, () => setActive(-1), { defer: true }));
  createEffect(() => {
    if (active() >= 0) document.getElementById(optionId(active()))?.scrollIntoView({ block: 'nearest' });
  });

  const words = () => text().trim();
  const typed = (value: string) => {
    setText(value);
    const q = value.trim();
    store.search(q.length >= MIN_LETTERS ? { q, limit: QUICK_LIMIT } : null);
  };
  const follow = (path: string) => {
    props.onClose(false);
    navigate(path);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const count = store.results().length;
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && count > 0) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // Around in a loop through the words (-1) and each result.
      setActive((index) => ((index + 1 + step + count + 1) % (count + 1)) - 1);
    } else if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      const chosen = store.results()[active()];
      if (chosen) follow(resultPath(chosen));
      else if (words() !== '') follow(searchPath({ q: words() }));
    }
  };

  return (
    <dialog
      ref={dialog}
      class="quick-search"
      aria-label={locale.t('search.title')}
      data-testid="quick-search"
      onCancel={(event) => {
        event.preventDefault();
        props.onClose(true);
      }}
      onClick={(event) => {
        // The dialog itself is only its backdrop: everything drawn is inside the box.
        if (event.target === dialog) props.onClose(true);
      }}
    >
      <div class="quick-search-box">
        <div class="quick-search-bar">
          <SearchIcon />
          <input
            ref={input}
            type="text"
            class="quick-search-input"
            role="combobox"
            aria-label={locale.t('search.label')}
            aria-autocomplete="list"
            aria-expanded={store.results().length > 0}
            aria-controls={listId}
            aria-activedescendant={active() >= 0 ? optionId(active()) : undefined}
            placeholder={locale.t('search.placeholder')}
            maxLength={SEARCH_QUERY_MAX_LENGTH}
            autocomplete="off"
            spellcheck={false}
            inputMode="search"
            enterkeyhint="search"
            data-testid="quick-search-input"
            onInput={(event) => typed(event.currentTarget.value)}
            onKeyDown={onKeyDown}
          />
          <button type="button" class="quick-search-close" aria-label={locale.t('search.close')} onClick={() => props.onClose(true)}>
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M6 6l12 12M18 6 6 18" />
            </svg>
          </button>
        </div>
        <p class="quick-search-status muted" role="status" data-testid="quick-search-status">
          <Switch>
            <Match when={words() === ''}>{locale.t('search.aboutBody')}</Match>
            <Match when={words().length < MIN_LETTERS}>{locale.t('search.typeMore')}</Match>
            <Match when={store.loading()}>{locale.t('search.searching')}</Match>
            <Match when={store.answered() && store.results().length === 0}>
              {locale.t('search.noResults', { query: words() })} {locale.t('search.noResultsHint')}
            </Match>
            <Match when={store.results().length > 0}>{locale.tn('search.found', store.results().length)}</Match>
          </Switch>
        </p>
        <Show when={store.error()}>
          {(error) => <ErrorNotice error={error()} message="search.loadError" onRetry={store.retry} />}
        </Show>
        <div
          id={listId}
          role="listbox"
          class="quick-search-list"
          classList={{ stale: store.loading() }}
          aria-label={locale.t('search.results')}
          aria-busy={store.loading()}
        >
          <For each={store.results()}>
            {(result, index) => (
              <a
                id={optionId(index())}
                role="option"
                href={resultPath(result)}
                tabindex="-1"
                class="quick-search-option"
                aria-selected={active() === index()}
                data-testid="quick-search-result"
                onClick={() => props.onClose(false)}
                onPointerMove={() => setActive(index())}
              >
                <SearchResultSummary result={result} compact />
              </a>
            )}
          </For>
        </div>
        <div class="quick-search-foot">
          <Show when={words() !== ''}>
            <a
              href={searchPath({ q: words() })}
              class="button subtle quick-search-all"
              data-testid="quick-search-see-all"
              onClick={() => props.onClose(false)}
            >
              {locale.t('search.seeAllFor', { query: words() })}
            </a>
          </Show>
          <span class="quick-search-keys muted">{locale.t('search.keysHint')}</span>
        </div>
      </div>
    </dialog>
  );
}

/** A magnifying glass, decorative: a label always goes with it. */
export function SearchIcon() {
  return (
    <svg class="search-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13ZM15.2 15.2 20 20" />
    </svg>
  );
}

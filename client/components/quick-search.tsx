import { useLocation } from '@solidjs/router';
import { createEffect, createSignal, on, onCleanup, Show } from 'solid-js';
import { ariaShortcut, formatShortcut, isApplePlatform } from '../editor/shortcut';
import { opensQuickSearch, QUICK_SEARCH_SHORTCUT } from '../lib/search-shortcut';
import { useApp } from '../stores/app-context';
import { QuickSearchDialog, SearchIcon } from './quick-search-dialog';
import './search.css';

/**
 * The header's search button, and the shortcut that does the same from
 * anywhere on the page (Ctrl+K or ⌘K, and "/", unless one is writing).
 * Closing the search gives the focus back to where it was.
 */
export function QuickSearch() {
  const { locale } = useApp();
  const location = useLocation();
  const isMac = isApplePlatform(navigator.userAgent);
  const keys = formatShortcut(QUICK_SEARCH_SHORTCUT, isMac);
  const [open, setOpen] = createSignal(false);
  let button!: HTMLButtonElement;
  let returnTo: HTMLElement | null = null;

  const show = () => {
    if (open()) return;
    const focused = document.activeElement;
    returnTo = focused instanceof HTMLElement && focused !== document.body ? focused : null;
    setOpen(true);
  };
  const close = (restoreFocus: boolean) => {
    setOpen(false);
    if (restoreFocus) (returnTo?.isConnected ? returnTo : button).focus();
  };

  createEffect(on(() => location.pathname + location.search, () => setOpen(false), { defer: true }));

  const onKeyDown = (event: KeyboardEvent) => {
    if (!opensQuickSearch(event, isMac)) return;
    event.preventDefault();
    show();
  };
  document.addEventListener('keydown', onKeyDown);
  onCleanup(() => document.removeEventListener('keydown', onKeyDown));

  return (
    <>
      <button
        ref={button}
        type="button"
        class="header-button search-button"
        aria-label={locale.t('search.open')}
        title={locale.t('search.openWithShortcut', { keys })}
        aria-haspopup="dialog"
        aria-expanded={open()}
        aria-keyshortcuts={`${ariaShortcut(QUICK_SEARCH_SHORTCUT, isMac)} /`}
        data-testid="search-button"
        onClick={show}
      >
        <SearchIcon />
        <span class="search-button-label" aria-hidden="true">
          {locale.t('search.open')}
        </span>
        <kbd class="search-button-keys" aria-hidden="true">
          {keys}
        </kbd>
      </button>
      <Show when={open()}>
        <QuickSearchDialog onClose={close} />
      </Show>
    </>
  );
}

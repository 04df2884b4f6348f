import { useLocation } from '@solidjs/router';
import { createEffect, createSignal, on, onCleanup, Show } from 'solid-js';
import { useApp } from '../stores/app-context';
import { createNotificationsStore } from '../stores/notifications';
import { INBOX_ID, InboxPanel } from './inbox-panel';
import './inbox.css';

/** Past this the badge says "99+": the exact number no longer matters. */
const BADGE_MAX = 99;

/**
 * The header's bell, for someone logged in: the unread count, and the
 * inbox it opens. Escape, a click outside, moving the focus out or going
 * to another page closes the inbox; Escape gives the focus back to the bell.
 */
export function InboxBell() {
  const { api, locale } = useApp();
  const location = useLocation();
  const store = createNotificationsStore(api);
  const [open, setOpen] = createSignal(false);
  let anchor!: HTMLDivElement;
  let bell!: HTMLButtonElement;

  const close = (focusBell: boolean) => {
    setOpen(false);
    if (focusBell) bell.focus();
  };
  const toggle = () => {
    if (open()) return close(false);
    setOpen(true);
    void store.refresh();
  };

  createEffect(on(() => location.pathname, () => setOpen(false), { defer: true }));

  createEffect(() => {
    if (!open()) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!anchor.contains(event.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    onCleanup(() => document.removeEventListener('pointerdown', onPointerDown));
  });

  const label = () => (store.unread() > 0 ? locale.tn('inbox.unreadCount', store.unread()) : locale.t('inbox.title'));
  const badge = () =>
    store.unread() > BADGE_MAX ? `${BADGE_MAX}+` : new Intl.NumberFormat(locale.locale()).format(store.unread());

  return (
    <div
      ref={anchor}
      class="inbox-anchor"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open()) return;
        event.preventDefault();
        close(true);
      }}
      onFocusOut={(event) => {
        // No related target: the focus went nowhere (a click on text in the inbox), which the pointer handler judges.
        const to = event.relatedTarget;
        if (open() && to instanceof Node && !anchor.contains(to)) close(false);
      }}
    >
      <button
        ref={bell}
        type="button"
        class="header-button inbox-bell"
        aria-label={label()}
        title={label()}
        aria-expanded={open()}
        aria-controls={open() ? INBOX_ID : undefined}
        data-testid="inbox-bell"
        onClick={toggle}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15L6 16ZM10 20.5a2 2 0 0 0 4 0" />
        </svg>
        <Show when={store.unread() > 0}>
          <span class="inbox-badge" aria-hidden="true" data-testid="inbox-unread">
            {badge()}
          </span>
        </Show>
      </button>
      <Show when={open()}>
        <InboxPanel
          store={store}
          // Once it is in the page: a screen reader then says "Notifications, dialog" and Tab goes on inside.
          ref={(element) => queueMicrotask(() => element.focus())}
          onClose={() => close(true)}
          onFollow={() => close(false)}
        />
      </Show>
    </div>
  );
}

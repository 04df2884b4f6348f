import { For, Match, Show, Switch } from 'solid-js';
import type { Notification } from '../../shared/api';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import type { NotificationsStore } from '../stores/notifications';
import { ErrorNotice, LoadingLine } from './error-notice';
import { InboxItem } from './inbox-item';

export const INBOX_ID = 'inbox';

/**
 * The list of notifications, newest first as the server sends them, with
 * "Mark all as read"; what to say while loading, on failure and when there
 * is nothing yet. A non-modal dialog: a popover on wide screens, a sheet
 * over the page on phones (see inbox.css).
 */
export function InboxPanel(props: {
  store: NotificationsStore;
  ref(element: HTMLElement): void;
  onClose(): void;
  /** A notification was opened: the page changes to its thread. */
  onFollow(): void;
}) {
  const { locale } = useApp();
  const markAll = createAction(() => props.store.markRead());

  const follow = (notification: Notification) => {
    // The rollback shows it unread again if the server refuses; there is nothing more to say on the way out.
    if (!notification.read) props.store.markRead([notification.id]).catch(() => undefined);
    props.onFollow();
  };

  return (
    <section
      ref={props.ref}
      id={INBOX_ID}
      class="inbox"
      role="dialog"
      aria-labelledby={`${INBOX_ID}-title`}
      tabindex="-1"
      data-testid="inbox"
    >
      <div class="inbox-head">
        <h2 id={`${INBOX_ID}-title`} class="inbox-title">
          {locale.t('inbox.title')}
        </h2>
        <Show when={props.store.notifications().length > 0}>
          <button
            type="button"
            class="button subtle"
            data-testid="inbox-mark-all"
            // Not `disabled`: the button keeps the focus once everything is read.
            aria-disabled={props.store.unread() === 0 || markAll.pending()}
            onClick={() => {
              if (props.store.unread() > 0 && !markAll.pending()) void markAll.run();
            }}
          >
            {locale.t('inbox.markAll')}
          </button>
        </Show>
        <button type="button" class="inbox-close" aria-label={locale.t('inbox.close')} onClick={() => props.onClose()}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 6l12 12M18 6 6 18" />
          </svg>
        </button>
      </div>
      <Show when={markAll.error()}>
        {(error) => <ErrorNotice error={error()} message="inbox.markError" />}
      </Show>
      <Show when={props.store.error()}>
        {(error) => <ErrorNotice error={error()} message="inbox.loadError" onRetry={() => void props.store.refresh()} />}
      </Show>
      <Switch>
        <Match when={!props.store.loaded()}>
          <Show when={!props.store.error()}>
            <LoadingLine message="inbox.loading" />
          </Show>
        </Match>
        <Match when={props.store.notifications().length === 0}>
          <p class="inbox-empty muted" data-testid="inbox-empty">
            {locale.t('inbox.empty')}
          </p>
        </Match>
        <Match when={true}>
          <ul class="inbox-list">
            <For each={props.store.notifications()}>
              {(notification) => <InboxItem notification={notification} onFollow={follow} />}
            </For>
          </ul>
        </Match>
      </Switch>
    </section>
  );
}

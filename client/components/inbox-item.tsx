import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { Notification } from '../../shared/api';
import { threadPath } from '../lib/paths';
import { useApp } from '../stores/app-context';
import { RelativeTime } from './relative-time';

/** One notification: who did what, where, the first words, when; a link to the thread. */
export function InboxItem(props: { notification: Notification; onFollow(notification: Notification): void }) {
  const { locale } = useApp();
  const n = () => props.notification;
  return (
    <li class="inbox-item" data-testid="inbox-item" data-read={String(n().read)} data-kind={n().kind}>
      <A href={threadPath(n().documentId, n().threadId)} class="inbox-link" onClick={() => props.onFollow(n())}>
        <span class="inbox-item-head">
          <Show when={!n().read}>
            <span class="inbox-unread-dot">
              <span class="visually-hidden">{locale.t('inbox.unreadMarker')}</span>
            </span>
          </Show>
          <span class="inbox-what">{locale.t(`inbox.kind.${n().kind}`, { name: n().actorName })}</span>
        </span>
        <span class="inbox-where">
          {locale.t('inbox.inDocument', { title: n().documentTitle.trim() || locale.t('inbox.untitled') })}
        </span>
        <Show when={n().excerpt.trim()}>
          <span class="inbox-excerpt">{n().excerpt}</span>
        </Show>
        <span class="inbox-when">
          <RelativeTime at={n().createdAt} ago="inbox.timeAgo" on="inbox.timeOn" />
        </span>
      </A>
    </li>
  );
}

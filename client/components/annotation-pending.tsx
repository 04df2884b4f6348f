import { For, Show } from 'solid-js';
import type { MessageKey } from '../i18n/en';
import type { OutboxEntry, OutboxRequest } from '../lib/discussion-outbox';
import { useApp } from '../stores/app-context';
import type { DroppedRequest } from '../stores/discussion-outbox';
import { ErrorNotice } from './error-notice';

function describe(request: OutboxRequest): { label: MessageKey | null; text: string } {
  switch (request.type) {
    case 'create-thread':
      return { label: 'annotations.pending.create', text: request.input.body ?? '' };
    case 'reply':
      return { label: null, text: request.input.body };
    case 'edit-message':
      return { label: 'annotations.pending.edit', text: request.input.body };
    case 'delete-message':
      return { label: 'annotations.pending.delete', text: '' };
    case 'set-status':
      return { label: `annotations.pending.status.${request.input.status}`, text: '' };
  }
}

/** A change made offline, in the thread it is for, until it can be sent. */
export function PendingChange(props: { entry: OutboxEntry }) {
  const { locale } = useApp();
  const shown = () => describe(props.entry.request);
  return (
    <li class="annotation-pending" data-testid="thread-pending" data-request={props.entry.request.type}>
      <Show when={shown().label}>{(label) => <span class="annotation-pending-label">{locale.t(label())}</span>}</Show>
      <Show when={shown().text}>
        <p class="annotation-message-body">{shown().text}</p>
      </Show>
      <span class="annotation-pending-state">{locale.t('annotations.pending')}</span>
    </li>
  );
}

/** An annotation written offline: shown where the threads are, until it can be posted. */
export function PendingThread(props: { entry: OutboxEntry }) {
  const { locale } = useApp();
  const input = () => (props.entry.request.type === 'create-thread' ? props.entry.request.input : null);
  return (
    <Show when={input()}>
      {(created) => (
        <article class={`annotation-thread pending kind-${created().kind}`} data-testid="thread-pending" data-kind={created().kind}>
          <div class="annotation-thread-head">
            <span class={`annotation-kind-badge kind-${created().kind}`}>{locale.t(`annotations.kind.${created().kind}`)}</span>
          </div>
          <blockquote class="annotation-quote">{created().quote}</blockquote>
          <Show when={created().body}>
            <p class="annotation-message-body">{created().body}</p>
          </Show>
          <p class="annotation-pending-state">{locale.t('annotations.pending')}</p>
        </article>
      )}
    </Show>
  );
}

const DROPPED_MESSAGES: Readonly<Record<OutboxRequest['type'], MessageKey>> = {
  'create-thread': 'annotations.dropped.create-thread',
  reply: 'annotations.dropped.reply',
  'edit-message': 'annotations.dropped.edit-message',
  'delete-message': 'annotations.dropped.delete-message',
  'set-status': 'annotations.dropped.set-status',
};

/**
 * Changes made offline that the server refused once it could be reached:
 * said, with the words written, so they can be copied before dismissing.
 */
export function DroppedChanges(props: { dropped: readonly DroppedRequest[]; onDismiss(entryId: string): void }) {
  const { locale } = useApp();
  return (
    <For each={props.dropped}>
      {(item) => (
        <div class="annotation-dropped" data-testid="annotation-dropped">
          <ErrorNotice error={item.error} message={DROPPED_MESSAGES[item.entry.request.type]} />
          <Show when={describe(item.entry.request).text}>{(text) => <blockquote class="annotation-quote">{text()}</blockquote>}</Show>
          <button type="button" class="button subtle" onClick={() => props.onDismiss(item.entry.id)}>
            {locale.t('annotations.dismiss')}
          </button>
        </div>
      )}
    </For>
  );
}

import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Thread, ThreadStatus } from '../../shared/annotations/discussion';
import { canChangeMessage, threadAbilities, type AnnotationPermissions } from '../lib/annotation-permissions';
import type { OutboxEntry } from '../lib/discussion-outbox';
import { closeOnEscape } from '../lib/escape-key';
import { isWebAddress } from '../lib/web-address';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import type { DroppedRequest } from '../stores/discussion-outbox';
import { ChangedSuggestionError, DetachedSuggestionError, UncreditedSuggestionError, type AnnotationActions } from './annotation-actions';
import { AnnotationMessage } from './annotation-message';
import { DroppedChanges, PendingChange } from './annotation-pending';
import { ErrorNotice } from './error-notice';
import { MentionTextarea, type MentionCandidate } from './mention-textarea';
import { RelativeTime } from './relative-time';

/** Where a thread's words are: in the text, deleted, or not on this device yet. */
export type ThreadPlacement = 'placed' | 'detached' | 'unknown';

/**
 * One thread. Folded, it reads as a card: its kind, who started it, the
 * words it is about, the first message, the latest reply and how many
 * replies there are. Open
 * (focused), it shows every message, the reply box, and what the person
 * may do: resolve or reopen it, accept or reject a suggestion.
 */
export function AnnotationThread(props: {
  thread: Thread;
  placement: ThreadPlacement;
  expanded: boolean;
  /** This thread's changes that wait for a connection. */
  pending: readonly OutboxEntry[];
  /** This thread's changes the server refused once it could be reached. */
  dropped: readonly DroppedRequest[];
  onDismissDropped(entryId: string): void;
  permissions: AnnotationPermissions;
  members: readonly MentionCandidate[];
  actions: AnnotationActions;
  onFocus(): void;
  onClose(): void;
  ref?: (element: HTMLElement) => void;
  style?: JSX.CSSProperties;
}) {
  const { locale } = useApp();
  const abilities = () => threadAbilities(props.thread, props.permissions);
  const first = () => props.thread.messages[0];
  const replies = () => Math.max(0, props.thread.messages.length - 1);
  // Folded: the annotation and the latest reply, so a reply arriving live shows without opening the thread.
  const shownMessages = () => {
    const messages = props.thread.messages;
    return props.expanded || messages.length <= 2 ? messages : [messages[0]!, messages[messages.length - 1]!];
  };

  const [reply, setReply] = createSignal({ body: '', mentions: [] as string[] });
  const sendReply = createAction(() => props.actions.reply(props.thread.id, reply().body.trim(), reply().mentions));
  const submitReply = async () => {
    if (reply().body.trim() === '' || sendReply.pending()) return;
    if ((await sendReply.run()) !== undefined) setReply({ body: '', mentions: [] });
  };
  const changeStatus = createAction((status: ThreadStatus) => props.actions.setStatus(props.thread.id, status));
  const accept = createAction(() => props.actions.accept(props.thread));
  const busy = () => changeStatus.pending() || accept.pending();

  return (
    <article
      ref={(element) => props.ref?.(element)}
      class={`annotation-thread kind-${props.thread.kind}`}
      classList={{ expanded: props.expanded, closed: props.thread.status !== 'open', detached: props.placement === 'detached' }}
      style={props.style}
      data-testid="thread"
      data-thread-id={props.thread.id}
      data-status={props.thread.status}
      data-kind={props.thread.kind}
      data-detached={props.placement === 'detached' ? 'true' : 'false'}
      aria-label={locale.t('annotations.thread.label', { kind: locale.t(`annotations.kind.${props.thread.kind}`), name: first()?.author.name ?? '' })}
      onClick={(event) => {
        // A click anywhere on a folded card opens it; inside an open one, the controls do their own work.
        if (!props.expanded && !(event.target instanceof Element && event.target.closest('a, button, textarea, input, select'))) props.onFocus();
      }}
      onKeyDown={closeOnEscape(
        () => props.onClose(),
        () => props.expanded,
      )}
    >
      <button type="button" class="annotation-thread-head" aria-expanded={props.expanded} onClick={() => (props.expanded ? props.onClose() : props.onFocus())}>
        <span class={`annotation-kind-badge kind-${props.thread.kind}`}>{locale.t(`annotations.kind.${props.thread.kind}`)}</span>
        <Show when={props.thread.status !== 'open'}>
          <span class="annotation-status-badge" data-status={props.thread.status}>
            {locale.t(`annotations.status.${props.thread.status}`)}
          </span>
        </Show>
        <Show when={!props.expanded}>
          <span class="visually-hidden">{locale.t('annotations.showThread')}</span>
        </Show>
      </button>

      <blockquote class="annotation-quote">{props.thread.quote}</blockquote>
      <Show when={props.placement === 'detached'}>
        <p class="annotation-detached" data-testid="thread-detached">
          {locale.t('annotations.detached')}
        </p>
      </Show>
      <Show when={props.placement === 'unknown'}>
        <p class="annotation-note muted">{locale.t('annotations.notArrived')}</p>
      </Show>
      <Show when={props.thread.citation}>
        {(citation) => (
          <p class="annotation-citation">
            <span class="annotation-label">{locale.t('annotations.citationLabel')}</span> {citation().text}
            <Show when={citation().url}>
              {(url) => (
                <>
                  {' '}
                  <Show when={isWebAddress(url())} fallback={<span class="annotation-citation-link">{url()}</span>}>
                    <a href={url()} target="_blank" rel="noopener noreferrer" class="annotation-citation-link" data-testid="citation-link">
                      {url()}
                    </a>
                  </Show>
                </>
              )}
            </Show>
          </p>
        )}
      </Show>
      <Show when={props.thread.kind === 'suggestion' && props.thread.suggestion !== null}>
        <Show when={props.thread.suggestion} fallback={<p class="annotation-suggestion">{locale.t('annotations.suggestionDelete')}</p>}>
          {(text) => (
            <p class="annotation-suggestion" data-testid="thread-suggestion">
              <span class="annotation-label">{locale.t('annotations.suggestionLabel')}</span> <ins>{text()}</ins>
            </p>
          )}
        </Show>
      </Show>

      <ol class="annotation-messages">
        <For each={shownMessages()}>
          {(message) => (
            <AnnotationMessage
              threadId={props.thread.id}
              message={message}
              editable={props.expanded && canChangeMessage(message.author.userId, props.permissions)}
              members={props.members}
              actions={props.actions}
            />
          )}
        </For>
        <For each={props.pending.filter((entry) => entry.request.type === 'reply')}>{(entry) => <PendingChange entry={entry} />}</For>
      </ol>
      <Show when={!props.expanded && replies() > 0}>
        <p class="annotation-replies muted">{locale.tn('annotations.replies', replies())}</p>
      </Show>
      <Show when={props.pending.some((entry) => entry.request.type !== 'reply')}>
        <ul class="annotation-pending-list">
          <For each={props.pending.filter((entry) => entry.request.type !== 'reply')}>{(entry) => <PendingChange entry={entry} />}</For>
        </ul>
      </Show>

      <DroppedChanges dropped={props.dropped} onDismiss={props.onDismissDropped} />

      <Show when={props.thread.status !== 'open' && props.thread.statusChange}>
        {(change) => (
          <p class="annotation-status-change muted">
            {locale.t(`annotations.statusBy.${props.thread.status}`, { name: change().by.name })}
            {' · '}
            <RelativeTime at={new Date(change().at).toISOString()} ago="annotations.time.ago" on="annotations.time.on" />
          </p>
        )}
      </Show>

      <Show when={props.expanded}>
        <div class="annotation-thread-actions">
          <Show when={abilities().resolve}>
            <button type="button" class="button" data-testid="thread-resolve" disabled={busy()} onClick={() => void changeStatus.run('resolved')}>
              {locale.t('annotations.resolve')}
            </button>
          </Show>
          <Show when={abilities().reopen}>
            <button type="button" class="button" data-testid="thread-reopen" disabled={busy()} onClick={() => void changeStatus.run('open')}>
              {locale.t('annotations.reopen')}
            </button>
          </Show>
          <Show when={abilities().accept}>
            <button
              type="button"
              class="button primary"
              data-testid="thread-accept"
              disabled={busy() || props.placement !== 'placed' || !props.permissions.contentWritable}
              onClick={() => void accept.run()}
            >
              {locale.t('annotations.accept')}
            </button>
          </Show>
          <Show when={abilities().reject}>
            <button type="button" class="button" data-testid="thread-reject" disabled={busy()} onClick={() => void changeStatus.run('rejected')}>
              {locale.t('annotations.reject')}
            </button>
          </Show>
          <Show when={busy()}>
            <span class="muted" role="status">
              {locale.t('annotations.working')}
            </span>
          </Show>
        </div>
        <Show when={abilities().accept && props.placement === 'detached'}>
          <p class="annotation-note muted">{locale.t('annotations.acceptDetached')}</p>
        </Show>
        <Show when={abilities().accept && props.placement === 'placed' && !props.permissions.contentWritable}>
          <p class="annotation-note muted">{locale.t('annotations.acceptOffline')}</p>
        </Show>
        <Show when={changeStatus.error()}>{(error) => <ErrorNotice error={error()} message="annotations.statusError" />}</Show>
        <Show when={accept.error()}>
          {(error) =>
            error() instanceof DetachedSuggestionError || error() instanceof ChangedSuggestionError ? (
              <p class="notice error" role="alert" data-testid="accept-refused">
                {locale.t(error() instanceof DetachedSuggestionError ? 'annotations.acceptDetached' : 'annotations.acceptChanged')}
              </p>
            ) : error() instanceof UncreditedSuggestionError ? (
              <ErrorNotice error={(error() as Error).cause} message="annotations.creditError" testId="accept-uncredited" />
            ) : (
              <ErrorNotice error={error()} message="annotations.acceptError" />
            )
          }
        </Show>

        <Show when={abilities().reply}>
          <form
            class="annotation-reply"
            onSubmit={(event) => {
              event.preventDefault();
              void submitReply();
            }}
          >
            <MentionTextarea
              label={locale.t('annotations.reply.label')}
              value={reply().body}
              onChange={(body, mentions) => setReply({ body, mentions })}
              members={props.members}
              placeholder={locale.t('annotations.reply.placeholder')}
              testId="thread-reply"
              onSubmit={() => void submitReply()}
            />
            <Show when={sendReply.error()}>{(error) => <ErrorNotice error={error()} message="annotations.reply.error" />}</Show>
            <div class="form-actions">
              <button
                type="submit"
                class="button primary"
                data-testid="thread-reply-submit"
                disabled={sendReply.pending() || reply().body.trim() === ''}
              >
                {sendReply.pending() ? locale.t('annotations.reply.submitting') : locale.t('annotations.reply.submit')}
              </button>
            </div>
          </form>
        </Show>
      </Show>
    </article>
  );
}

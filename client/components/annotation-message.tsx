import { createSignal, Show } from 'solid-js';
import type { Message } from '../../shared/annotations/discussion';
import { closeOnEscape } from '../lib/escape-key';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import type { AnnotationActions } from './annotation-actions';
import { AnnotationAuthor } from './annotation-author';
import { ErrorNotice } from './error-notice';
import { MentionTextarea, type MentionCandidate } from './mention-textarea';
import { RelativeTime } from './relative-time';

/**
 * One message of a thread: who wrote it and when, and, to its author,
 * buttons to change or delete it in place. A deleted message keeps its
 * place, so the replies after it still read in order.
 */
export function AnnotationMessage(props: {
  threadId: string;
  message: Message;
  /** The message is mine and I may still discuss: it may be changed. */
  editable: boolean;
  members: readonly MentionCandidate[];
  actions: AnnotationActions;
}) {
  const { locale } = useApp();
  const [mode, setMode] = createSignal<'read' | 'edit' | 'confirm-delete'>('read');
  const [draft, setDraft] = createSignal({ body: '', mentions: [] as string[] });
  const edit = createAction(() => props.actions.editMessage(props.threadId, props.message.id, draft().body.trim(), draft().mentions));
  const remove = createAction(() => props.actions.deleteMessage(props.threadId, props.message.id));
  let editButton: HTMLButtonElement | undefined;

  const startEditing = () => {
    setDraft({ body: props.message.body, mentions: props.message.mentions });
    edit.clearError();
    setMode('edit');
  };
  const close = () => {
    setMode('read');
    queueMicrotask(() => editButton?.focus());
  };
  const save = async () => {
    if (draft().body.trim() === '' || edit.pending()) return;
    if ((await edit.run()) !== undefined) close();
  };
  const confirmDelete = async () => {
    if ((await remove.run()) !== undefined) setMode('read');
  };

  return (
    <li
      class="annotation-message"
      classList={{ deleted: props.message.deleted }}
      data-testid="thread-message"
      data-message-id={props.message.id}
      data-deleted={props.message.deleted ? 'true' : undefined}
    >
      <div class="annotation-message-head">
        <AnnotationAuthor author={props.message.author} />
        <span class="annotation-message-time">
          <RelativeTime at={new Date(props.message.createdAt).toISOString()} ago="annotations.time.ago" on="annotations.time.on" />
          <Show when={props.message.editedAt !== null && !props.message.deleted}>
            {' · '}
            <span data-testid="message-edited">{locale.t('annotations.message.edited')}</span>
          </Show>
        </span>
      </div>
      <Show
        when={mode() === 'edit'}
        fallback={
          <Show when={!props.message.deleted} fallback={<p class="annotation-message-body muted">{locale.t('annotations.message.deleted')}</p>}>
            <Show when={props.message.body}>
              <p class="annotation-message-body">{props.message.body}</p>
            </Show>
          </Show>
        }
      >
        <form
          class="annotation-inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
          onKeyDown={closeOnEscape(close)}
        >
          <MentionTextarea
            label={locale.t('annotations.message.editLabel')}
            value={draft().body}
            onChange={(body, mentions) => setDraft({ body, mentions })}
            members={props.members}
            testId="message-edit-body"
            onSubmit={() => void save()}
          />
          <Show when={edit.error()}>{(error) => <ErrorNotice error={error()} message="annotations.message.editError" />}</Show>
          <div class="form-actions">
            <button type="submit" class="button primary" data-testid="message-edit-save" disabled={edit.pending() || draft().body.trim() === ''}>
              {edit.pending() ? locale.t('common.saving') : locale.t('common.save')}
            </button>
            <button type="button" class="button subtle" onClick={close}>
              {locale.t('common.cancel')}
            </button>
          </div>
        </form>
      </Show>
      <Show when={props.editable && !props.message.deleted && mode() !== 'edit'}>
        <Show
          when={mode() === 'confirm-delete'}
          fallback={
            <div class="annotation-message-actions">
              <button ref={editButton} type="button" class="button subtle" data-testid="message-edit" onClick={startEditing}>
                {locale.t('annotations.message.edit')}
              </button>
              <button
                type="button"
                class="button subtle"
                data-testid="message-delete"
                onClick={() => {
                  remove.clearError();
                  setMode('confirm-delete');
                }}
              >
                {locale.t('annotations.message.delete')}
              </button>
            </div>
          }
        >
          <div
            class="annotation-confirm"
            role="group"
            aria-label={locale.t('annotations.message.confirmDelete')}
            onKeyDown={closeOnEscape(close)}
          >
            <p>{locale.t('annotations.message.confirmDelete')}</p>
            <Show when={remove.error()}>{(error) => <ErrorNotice error={error()} message="annotations.message.deleteError" />}</Show>
            <div class="form-actions">
              <button
                type="button"
                class="button danger"
                data-testid="message-delete-confirm"
                disabled={remove.pending()}
                ref={(button) => queueMicrotask(() => button.focus())}
                onClick={() => void confirmDelete()}
              >
                {locale.t('annotations.message.delete')}
              </button>
              <button type="button" class="button subtle" onClick={close}>
                {locale.t('common.cancel')}
              </button>
            </div>
          </div>
        </Show>
      </Show>
    </li>
  );
}

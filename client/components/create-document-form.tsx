import { useNavigate } from '@solidjs/router';
import { Show } from 'solid-js';
import { TITLE_MAX_LENGTH } from '../../shared/api';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import type { DocumentsStore } from '../stores/documents';
import { ErrorNotice } from './error-notice';

/** Creates a document in the project, with an optional title, and opens it. */
export function CreateDocumentForm(props: { store: DocumentsStore }) {
  const { locale } = useApp();
  const navigate = useNavigate();
  const create = createAction(async (title: string) => {
    const created = await props.store.create(title);
    navigate(`/d/${encodeURIComponent(created.id)}`);
  });
  let titleInput!: HTMLInputElement;

  return (
    <form
      class="create-form"
      onSubmit={(event) => {
        event.preventDefault();
        void create.run(titleInput.value);
      }}
    >
      <div class="create-form-row">
        <input
          ref={titleInput}
          class="text-input"
          data-testid="new-document-title"
          name="title"
          maxLength={TITLE_MAX_LENGTH}
          placeholder={locale.t('create.titlePlaceholder')}
          aria-label={locale.t('create.titleLabel')}
        />
        <button type="submit" class="button primary" data-testid="new-document" disabled={create.pending()}>
          {create.pending() ? locale.t('create.pending') : locale.t('create.submit')}
        </button>
      </div>
      <Show when={create.error()}>{(error) => <ErrorNotice error={error()} message="create.error" />}</Show>
    </form>
  );
}

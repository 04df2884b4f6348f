import { useNavigate } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { TITLE_MAX_LENGTH, type CreateDocumentInput, type DocumentSummary } from '../../shared/api';
import { KNOWLEDGE_KINDS, type DocumentKind, type KnowledgeKind } from '../../shared/knowledge/kinds';
import { isKnowledgeKind } from '../lib/knowledge-kinds';
import { documentPath } from '../lib/paths';
import { createAction, type Action } from '../stores/action';
import { useApp } from '../stores/app-context';
import type { DocumentsStore } from '../stores/documents';
import { ErrorNotice } from './error-notice';

/** Creates a document in the reader's language and opens it. */
export function useCreateDocument(store: DocumentsStore): Action<[Omit<CreateDocumentInput, 'language'>], DocumentSummary> {
  const { locale } = useApp();
  const navigate = useNavigate();
  return createAction(async (input: Omit<CreateDocumentInput, 'language'>) => {
    const created = await store.create({ ...input, language: locale.locale() });
    navigate(documentPath(created.id));
    return created;
  });
}

/** A new document of the chosen kind, with an optional title; the kind's purpose is said under the choice. */
export function CreateDocumentForm(props: { store: DocumentsStore; kind?: DocumentKind | null }) {
  const { locale } = useApp();
  const create = useCreateDocument(props.store);
  // The kind being browsed is the likeliest one wanted; browsing all kinds (or workshops, made elsewhere) keeps the one chosen.
  const [kind, setKind] = createSignal<KnowledgeKind>(isKnowledgeKind(props.kind) ? props.kind : 'capitalisation');
  createEffect(
    on(
      () => props.kind,
      (browsed) => {
        if (isKnowledgeKind(browsed)) setKind(browsed);
      },
      { defer: true },
    ),
  );
  let titleInput!: HTMLInputElement;

  return (
    <form
      class="create-form kb-create-form"
      onSubmit={(event) => {
        event.preventDefault();
        void create.run({ kind: kind(), title: titleInput.value });
      }}
    >
      <div class="create-form-row">
        <select
          class="text-input kb-create-kind"
          data-testid="new-document-kind"
          aria-label={locale.t('knowledge.newKind')}
          aria-describedby="new-document-kind-help"
          onChange={(event) => {
            const chosen = event.currentTarget.value;
            if (isKnowledgeKind(chosen)) setKind(chosen);
          }}
        >
          <For each={KNOWLEDGE_KINDS}>
            {(option) => (
              <option value={option} selected={option === kind()}>
                {locale.t(`knowledge.kind.${option}`)}
              </option>
            )}
          </For>
        </select>
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
      <p id="new-document-kind-help" class="field-hint">
        {locale.t(`knowledge.kindHelp.${kind()}`)}
      </p>
      <Show when={create.error()}>{(error) => <ErrorNotice error={error()} message="create.error" />}</Show>
    </form>
  );
}

import { Show, untrack } from 'solid-js';
import { TITLE_MAX_LENGTH } from '../../shared/api';
import { errorMessageKey } from '../i18n/error-message';
import { useApp } from '../stores/app-context';
import type { DocumentMetaStore } from '../stores/document-meta';

/**
 * The document's title, saved when the field is left or Enter is pressed.
 * What was typed stays in the field when saving fails, so it is not lost;
 * Escape puts back the saved title. Render it once the document is loaded.
 * Without `editable` (a viewer, a commenter) the title is a plain heading.
 */
export function TitleField(props: { meta: DocumentMetaStore; editable: boolean }) {
  const { locale } = useApp();
  const savedTitle = () => props.meta.document()?.title ?? '';

  const save = async (input: HTMLInputElement) => {
    if (input.value.trim() === savedTitle()) return;
    if (await props.meta.rename(input.value)) input.value = savedTitle();
  };

  return (
    <Show
      when={props.editable}
      fallback={
        <h1 class="title-static" data-testid="document-title" classList={{ untitled: savedTitle() === '' }}>
          {savedTitle() || locale.t('document.untitled')}
        </h1>
      }
    >
      <div class="title-field">
        <input
          class="title-input"
          data-testid="title-input"
          // Set once: later the field is the user's, and a failed save must not wipe it.
          value={untrack(savedTitle)}
          maxLength={TITLE_MAX_LENGTH}
          placeholder={locale.t('document.untitled')}
          aria-label={locale.t('document.titleLabel')}
          aria-invalid={props.meta.saveError() !== null}
          aria-errormessage={props.meta.saveError() !== null ? 'title-error' : undefined}
          onBlur={(event) => void save(event.currentTarget)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void save(event.currentTarget);
            } else if (event.key === 'Escape') {
              event.currentTarget.value = savedTitle();
            }
          }}
        />
        <Show when={props.meta.saveError()}>
          {(error) => (
            <p id="title-error" class="field-error" role="alert">
              {locale.t('document.titleSaveError', { reason: locale.t(errorMessageKey(error())) })}
            </p>
          )}
        </Show>
      </div>
    </Show>
  );
}

import { createUniqueId, For, Show } from 'solid-js';
import { LABELS_MAX } from '../../shared/api';
import { addLabels, separateTyped } from '../lib/labels';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import { ErrorNotice } from './error-notice';

/**
 * A document's themes or tags as chips. With `editable`, a field adds them
 * (Enter or a comma ends one; leaving the field adds what was typed) and
 * each chip has a remove button; Backspace in the empty field removes the
 * last. Every change is saved at once.
 */
export function LabelsEditor(props: {
  title: string;
  testId: string;
  labels: readonly string[];
  editable: boolean;
  /** The field's label and placeholder: "Add a tag". */
  addLabel: string;
  /** Said to readers when there is none. */
  empty: string;
  onSave(labels: string[]): Promise<void>;
}) {
  const { locale } = useApp();
  const id = createUniqueId();
  const save = createAction((labels: string[]) => props.onSave(labels));
  const saveIfChanged = (labels: string[]) => {
    if (labels.length !== props.labels.length || labels.some((label, index) => label !== props.labels[index])) {
      void save.run(labels);
    }
  };
  const add = (typed: string) => saveIfChanged(addLabels(props.labels, typed));
  const remove = (label: string) => saveIfChanged(props.labels.filter((kept) => kept !== label));
  const full = () => props.labels.length >= LABELS_MAX;

  return (
    <div class="doc-meta-section doc-labels" data-testid={props.testId}>
      <h3 id={`${id}-title`} class="doc-meta-label">
        {props.title}
      </h3>
      <Show
        when={props.labels.length > 0}
        fallback={
          <Show when={!props.editable}>
            <p class="muted doc-meta-empty">{props.empty}</p>
          </Show>
        }
      >
        <ul class="chip-list" aria-labelledby={`${id}-title`}>
          <For each={props.labels}>
            {(label) => (
              <li class="chip">
                {label}
                <Show when={props.editable}>
                  <button
                    type="button"
                    class="chip-remove"
                    aria-label={locale.t('knowledge.removeLabel', { label })}
                    onClick={() => remove(label)}
                  >
                    ×
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.editable}>
        <input
          class="text-input doc-labels-input"
          aria-label={props.addLabel}
          aria-describedby={`${id}-hint`}
          placeholder={props.addLabel}
          enterkeyhint="done"
          onKeyDown={(event) => {
            const field = event.currentTarget;
            if (event.isComposing) return;
            if (event.key === 'Enter' || event.key === ',') {
              event.preventDefault();
              add(field.value);
              field.value = '';
            } else if (event.key === 'Backspace' && field.value === '' && props.labels.length > 0) {
              event.preventDefault();
              remove(props.labels[props.labels.length - 1] ?? '');
            }
          }}
          onInput={(event) => {
            const { done, rest } = separateTyped(event.currentTarget.value);
            if (done === '') return;
            event.currentTarget.value = rest.trimStart();
            add(done);
          }}
          onBlur={(event) => {
            add(event.currentTarget.value);
            event.currentTarget.value = '';
          }}
        />
        <p id={`${id}-hint`} class="field-hint">
          {full() ? locale.t('knowledge.labelsFull', { max: LABELS_MAX }) : locale.t('knowledge.labelsHint')}
        </p>
      </Show>
      <Show when={save.error()}>{(error) => <ErrorNotice error={error()} message="knowledge.saveError" />}</Show>
    </div>
  );
}

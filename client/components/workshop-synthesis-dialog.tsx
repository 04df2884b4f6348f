import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, onMount, Show } from 'solid-js';
import type { SynthesisInput } from '../../shared/api';
import { documentPath } from '../lib/paths';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import { loaded } from '../stores/loaded';
import type { WorkshopRoom } from '../stores/workshop-room';
import { ErrorNotice } from './error-notice';
import { Field } from './field';

const DEFAULT_TOP = 5;

/**
 * Turns the most voted clusters into writing: a new lessons-learned record,
 * or a section added to one of the project's capitalisation notes. Opens
 * the document once it is made.
 */
export function WorkshopSynthesisDialog(props: { room: WorkshopRoom; onClose(): void }) {
  const { api, locale } = useApp();
  const navigate = useNavigate();
  const [target, setTarget] = createSignal<'new' | 'section'>('new');
  const [notes] = createResource(async () =>
    (await api.listDocuments(props.room.detail().workshop.projectId)).filter((document) => document.kind === 'capitalisation'),
  );
  let dialog!: HTMLDialogElement;
  let top!: HTMLInputElement;
  let note!: HTMLSelectElement;

  const make = createAction(async (input: SynthesisInput) => {
    const made = await props.room.store.synthesise(input);
    navigate(documentPath(made.id));
  });
  onMount(() => dialog.showModal());

  return (
    <dialog
      ref={dialog}
      class="ws-dialog"
      data-testid="synthesis-dialog"
      aria-labelledby="ws-synthesis-title"
      // Escape closes a modal dialog by itself, and ends here too.
      onClose={() => props.onClose()}
    >
      <form
        class="form-stack"
        onSubmit={(event) => {
          event.preventDefault();
          const documentId = note?.value;
          void make.run({
            top: top.valueAsNumber || DEFAULT_TOP,
            target: target() === 'section' && documentId ? { kind: 'section', documentId } : { kind: 'new' },
          });
        }}
      >
        <h2 id="ws-synthesis-title">{locale.t('workshops.synthesis.title')}</h2>
        <p class="muted">{locale.t('workshops.synthesis.intro')}</p>
        <Field id="synthesis-top" label={locale.t('workshops.synthesis.top')} hint={locale.t('workshops.synthesis.topHint')}>
          {(control) => <input ref={top} type="number" class="text-input ws-number" min={1} max={50} value={DEFAULT_TOP} {...control} />}
        </Field>
        <fieldset class="fieldset">
          <legend>{locale.t('workshops.synthesis.target')}</legend>
          <label class="ws-check">
            <input type="radio" name="synthesis-target" data-testid="synthesis-new" checked={target() === 'new'} onChange={() => setTarget('new')} />
            {locale.t('workshops.synthesis.new')}
          </label>
          <label class="ws-check">
            <input
              type="radio"
              name="synthesis-target"
              data-testid="synthesis-section"
              checked={target() === 'section'}
              disabled={(loaded(notes)?.length ?? 0) === 0}
              onChange={() => setTarget('section')}
            />
            {locale.t('workshops.synthesis.section')}
          </label>
          <Show when={target() === 'section'}>
            <select ref={note} class="text-input" data-testid="synthesis-document" aria-label={locale.t('workshops.synthesis.note')}>
              <For each={loaded(notes) ?? []}>{(document) => <option value={document.id}>{document.title || locale.t('document.untitled')}</option>}</For>
            </select>
          </Show>
          <Show when={loaded(notes)?.length === 0}>
            <p class="field-hint">{locale.t('workshops.synthesis.noNotes')}</p>
          </Show>
        </fieldset>
        <Show when={make.error()}>{(error) => <ErrorNotice error={error()} message="workshops.synthesis.error" />}</Show>
        <div class="form-actions">
          <button type="submit" class="button primary" data-testid="synthesis-create" disabled={make.pending()}>
            {make.pending() ? locale.t('workshops.synthesis.creating') : locale.t('workshops.synthesis.create')}
          </button>
          <button type="button" class="button subtle" onClick={() => dialog.close()}>
            {locale.t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

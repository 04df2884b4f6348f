import { useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { TITLE_MAX_LENGTH } from '../../shared/api';
import { DEFAULT_VOTE_BUDGET, MAX_VOTE_BUDGET, WORKSHOP_FORMATS, type WorkshopFormat } from '../../shared/workshops/formats';
import { documentPath } from '../lib/paths';
import { agendaOf } from '../lib/workshop-agenda';
import { rememberWorkshops } from '../lib/workshop-hints';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import type { WorkshopsStore } from '../stores/workshops';
import { ErrorNotice } from './error-notice';
import { Field } from './field';
import { WorkshopAgendaEditor } from './workshop-agenda-editor';

/** Today on this device, as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/**
 * A new workshop: what it is for, when, and its agenda, which starts as the
 * chosen format's and can be changed step by step. Opens the room once made.
 */
export function WorkshopForm(props: { store: WorkshopsStore; onCancel(): void }) {
  const { locale } = useApp();
  const navigate = useNavigate();
  const [format, setFormat] = createSignal<WorkshopFormat>('after_action_review');
  const [steps, setSteps] = createSignal(agendaOf(format()));
  const [titleError, setTitleError] = createSignal<string | null>(null);
  let title!: HTMLInputElement;
  let objective!: HTMLTextAreaElement;
  let date!: HTMLInputElement;
  let budget!: HTMLInputElement;

  const create = createAction(async () => {
    const created = await props.store.create({
      title: title.value,
      objective: objective.value,
      date: date.value,
      format: format(),
      steps: steps(),
      voteBudget: budget.valueAsNumber,
    });
    rememberWorkshops([created.id]);
    navigate(documentPath(created.id));
  });

  return (
    <form
      class="form-stack ws-form"
      data-testid="workshop-form"
      aria-labelledby="workshop-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        const blank = title.value.trim() === '';
        setTitleError(blank ? locale.t('workshops.form.titleRequired') : null);
        if (blank) title.focus();
        else void create.run();
      }}
    >
      <h3 id="workshop-form-title">{locale.t('workshops.form.heading')}</h3>
      <Field id="workshop-title" label={locale.t('workshops.form.title')} error={titleError()}>
        {(control) => <input ref={title} class="text-input" maxLength={TITLE_MAX_LENGTH} required {...control} />}
      </Field>
      <Field id="workshop-objective" label={locale.t('workshops.form.objective')} hint={locale.t('workshops.form.objectiveHint')}>
        {(control) => <textarea ref={objective} class="text-input textarea" rows={2} maxLength={1000} {...control} />}
      </Field>
      <div class="form-row">
        <Field id="workshop-date" label={locale.t('workshops.form.date')}>
          {(control) => <input ref={date} type="date" class="text-input" required value={today()} {...control} />}
        </Field>
        <Field id="workshop-format" label={locale.t('workshops.form.format')} hint={locale.t(`workshops.formatHelp.${format()}`)}>
          {(control) => (
            <select
              class="text-input"
              {...control}
              onChange={(event) => {
                const chosen = WORKSHOP_FORMATS.find((option) => option === event.currentTarget.value);
                if (!chosen) return;
                setFormat(chosen);
                setSteps(agendaOf(chosen));
              }}
            >
              <For each={WORKSHOP_FORMATS}>
                {(option) => (
                  <option value={option} selected={option === format()}>
                    {locale.t(`workshops.format.${option}`)}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Field id="workshop-budget" label={locale.t('workshops.form.voteBudget')} hint={locale.t('workshops.form.voteBudgetHint')}>
          {(control) => (
            <input ref={budget} type="number" class="text-input ws-number" min={1} max={MAX_VOTE_BUDGET} value={DEFAULT_VOTE_BUDGET} required {...control} />
          )}
        </Field>
      </div>
      <WorkshopAgendaEditor steps={steps()} onChange={setSteps} />
      <Show when={create.error()}>{(error) => <ErrorNotice error={error()} message="workshops.form.error" />}</Show>
      <div class="form-actions">
        <button type="submit" class="button primary" data-testid="workshop-create" disabled={create.pending()}>
          {create.pending() ? locale.t('workshops.form.creating') : locale.t('workshops.form.create')}
        </button>
        <button type="button" class="button subtle" onClick={() => props.onCancel()}>
          {locale.t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

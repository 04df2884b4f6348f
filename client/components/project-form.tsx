import { createSignal, For, onMount, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { PROJECT_STATUSES, type CreateProjectInput } from '../../shared/api';
import { projectInputFrom, type ProjectFormProblem, type ProjectFormValues } from '../lib/project-form';
import type { Action } from '../stores/action';
import { useApp } from '../stores/app-context';
import { CountryPicker } from './country-picker';
import { ErrorNotice } from './error-notice';
import { Field } from './field';

/**
 * A project's title, summary, countries, themes, dates and status: to
 * create one (`idPrefix` "new-project") or edit one ("edit-project").
 */
export function ProjectForm(props: {
  idPrefix: 'new-project' | 'edit-project';
  initial: ProjectFormValues;
  action: Action<[CreateProjectInput], unknown>;
  submitLabel: string;
  onCancel?: () => void;
}) {
  const { locale } = useApp();
  const [values, setValues] = createStore<ProjectFormValues>(structuredClone(props.initial));
  const [problems, setProblems] = createSignal<ReadonlySet<ProjectFormProblem>>(new Set());
  const id = (field: string) => `${props.idPrefix}-${field}`;
  const errorOf = (problem: ProjectFormProblem) => (problems().has(problem) ? locale.t(`projectForm.problem.${problem}`) : null);

  let titleInput!: HTMLInputElement;
  // The form opens on a click: the title is where the next keystroke belongs.
  onMount(() => titleInput.focus());

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const result = projectInputFrom(values);
    setProblems(result.ok ? new Set<ProjectFormProblem>() : result.problems);
    if (result.ok) void props.action.run(result.input);
  };

  return (
    <form class="form-stack project-form" onSubmit={submit} novalidate>
      <Field id={id('title')} label={locale.t('projectForm.title')} error={errorOf('title')}>
        {(control) => (
          <input
            {...control}
            ref={titleInput}
            class="text-input"
            maxLength={200}
            value={values.title}
            onInput={(event) => setValues('title', event.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={id('programme')} label={locale.t('projectForm.programme')} hint={locale.t('projectForm.programmeHint')} error={errorOf('programme')}>
        {(control) => (
          <input
            {...control}
            class="text-input"
            maxLength={120}
            value={values.programme}
            onInput={(event) => setValues('programme', event.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={id('summary')} label={locale.t('projectForm.summary')} hint={locale.t('projectForm.summaryHint')} error={errorOf('summary')}>
        {(control) => (
          <textarea
            {...control}
            class="text-input textarea"
            rows={3}
            maxLength={4000}
            value={values.summary}
            onInput={(event) => setValues('summary', event.currentTarget.value)}
          />
        )}
      </Field>
      <CountryPicker
        id={id('countries')}
        label={locale.t('projectForm.countries')}
        value={values.countries}
        onChange={(codes) => setValues('countries', codes)}
      />
      <Field id={id('themes')} label={locale.t('projectForm.themes')} hint={locale.t('projectForm.themesHint')} error={errorOf('themes')}>
        {(control) => (
          <input
            {...control}
            class="text-input"
            value={values.themes}
            onInput={(event) => setValues('themes', event.currentTarget.value)}
          />
        )}
      </Field>
      <div class="form-row">
        <Field id={id('starts')} label={locale.t('projectForm.startsOn')}>
          {(control) => (
            <input
              {...control}
              class="text-input"
              type="date"
              value={values.startsOn}
              onInput={(event) => setValues('startsOn', event.currentTarget.value)}
            />
          )}
        </Field>
        <Field id={id('ends')} label={locale.t('projectForm.endsOn')} error={errorOf('dates')}>
          {(control) => (
            <input
              {...control}
              class="text-input"
              type="date"
              value={values.endsOn}
              min={values.startsOn || undefined}
              onInput={(event) => setValues('endsOn', event.currentTarget.value)}
            />
          )}
        </Field>
        <Field id={id('status')} label={locale.t('projectForm.status')}>
          {(control) => (
            <select
              {...control}
              class="text-input"
              value={values.status}
              onChange={(event) => {
                const status = PROJECT_STATUSES.find((value) => value === event.currentTarget.value);
                if (status) setValues('status', status);
              }}
            >
              <For each={PROJECT_STATUSES}>
                {(status) => (
                  <option value={status} selected={status === values.status}>
                    {locale.t(`projectStatus.${status}`)}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
      </div>
      <Show when={props.action.error()}>
        {(error) => <ErrorNotice error={error()} message="projectForm.saveError" />}
      </Show>
      <div class="form-actions">
        <button type="submit" class="button primary" data-testid={`${props.idPrefix}-submit`} disabled={props.action.pending()}>
          {props.action.pending() ? locale.t('common.saving') : props.submitLabel}
        </button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <button type="button" class="button" onClick={() => cancel()()}>
              {locale.t('common.cancel')}
            </button>
          )}
        </Show>
      </div>
    </form>
  );
}

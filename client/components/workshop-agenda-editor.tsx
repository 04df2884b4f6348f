import { For, Index, Show } from 'solid-js';
import { MAX_STEP_MINUTES, MAX_STEPS, WORKSHOP_METHODS, type WorkshopStep } from '../../shared/workshops/formats';
import { addStep, changeStep, removeStep, stepMinutes, totalMinutes } from '../lib/workshop-agenda';
import { useApp } from '../stores/app-context';

/**
 * The agenda being prepared, one row a step: its method, its timebox, and a
 * button to take it out; the method's instructions are said under it, as
 * the room will show them.
 */
export function WorkshopAgendaEditor(props: { steps: readonly WorkshopStep[]; onChange(steps: WorkshopStep[]): void }) {
  const { locale } = useApp();
  return (
    <fieldset class="fieldset ws-agenda-editor" data-testid="workshop-agenda">
      <legend>{locale.t('workshops.form.agenda')}</legend>
      <ol class="ws-agenda-rows">
        {/* By position: a row keeps its focus while its method or minutes change. */}
        <Index each={props.steps}>
          {(step, index) => (
            <li class="ws-agenda-row" data-testid="agenda-step">
              <span class="ws-step-number" aria-hidden="true">
                {index + 1}
              </span>
              <select
                class="text-input"
                aria-label={locale.t('workshops.form.stepMethod', { number: index + 1 })}
                data-testid="agenda-step-method"
                onChange={(event) => {
                  const method = WORKSHOP_METHODS.find((option) => option === event.currentTarget.value);
                  if (method) props.onChange(changeStep(props.steps, index, { method }));
                }}
              >
                <For each={WORKSHOP_METHODS}>
                  {(method) => (
                    <option value={method} selected={method === step().method}>
                      {locale.t(`workshops.method.${method}`)}
                    </option>
                  )}
                </For>
              </select>
              <label class="ws-minutes">
                <input
                  type="number"
                  class="text-input ws-number"
                  min={1}
                  max={MAX_STEP_MINUTES}
                  value={step().minutes}
                  data-testid="agenda-step-minutes"
                  aria-label={locale.t('workshops.form.stepMinutes', { number: index + 1 })}
                  onChange={(event) => {
                    const minutes = stepMinutes(event.currentTarget.valueAsNumber);
                    if (minutes !== null) props.onChange(changeStep(props.steps, index, { minutes }));
                    else event.currentTarget.value = String(step().minutes);
                  }}
                />
                <span aria-hidden="true">{locale.t('workshops.minutesShort')}</span>
              </label>
              <button
                type="button"
                class="button subtle"
                data-testid="agenda-step-remove"
                disabled={props.steps.length <= 1}
                aria-label={locale.t('workshops.form.removeStep', { number: index + 1 })}
                onClick={() => props.onChange(removeStep(props.steps, index))}
              >
                {locale.t('workshops.form.remove')}
              </button>
              <p class="field-hint ws-agenda-help">{locale.t(`workshops.methodHelp.${step().method}`)}</p>
            </li>
          )}
        </Index>
      </ol>
      <div class="ws-agenda-foot">
        <Show when={props.steps.length < MAX_STEPS}>
          <button type="button" class="button" data-testid="agenda-add-step" onClick={() => props.onChange(addStep(props.steps))}>
            {locale.t('workshops.form.addStep')}
          </button>
        </Show>
        <span class="muted" role="status">
          {locale.t('workshops.form.total', { minutes: totalMinutes(props.steps) })}
        </span>
      </div>
    </fieldset>
  );
}

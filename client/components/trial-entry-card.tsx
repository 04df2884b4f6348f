import { createSignal, For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { TRIAL_OUTCOMES } from '../../shared/knowledge/kinds';
import {
  isTrialDate,
  parseTrialOutcome,
  setTrialDate,
  setTrialOutcome,
  TRIAL_TEXT_FIELDS,
  type TrialEntry,
} from '../../shared/knowledge/trial-log';
import { formatDay } from '../i18n/format-time';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import { ErrorNotice } from './error-notice';
import { Field } from './field';
import { OutcomeBadge, outcomeName } from './trial-outcome-badge';
import { TrialTextField } from './trial-text-field';

/** The two moves of an entry: their buttons and, with Alt, their keys. */
const MOVES = [
  { step: -1, key: 'ArrowUp', glyph: '↑', testId: 'trial-move-up', text: 'trialLog.moveUp', label: 'trialLog.moveUpLabel' },
  { step: 1, key: 'ArrowDown', glyph: '↓', testId: 'trial-move-down', text: 'trialLog.moveDown', label: 'trialLog.moveDownLabel' },
] as const;

/**
 * A field where Alt+↑/↓ already means something: in text, Option+↑/↓ on a
 * Mac takes the caret to the paragraph's start or end; on a list or a date,
 * Alt+↓ opens it.
 */
function ownsAltArrows(target: EventTarget | null): boolean {
  return target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement || target instanceof HTMLSelectElement;
}

/**
 * One entry of a trial-and-error log: a form bound to the Y.Doc for
 * editors, with buttons (and Alt+↑/↓ on the card) to move it among the
 * entries shown; plain text for the others.
 */
export function TrialEntryCard(props: {
  ydoc: Y.Doc;
  entry: TrialEntry;
  number: number;
  editable: boolean;
  first: boolean;
  last: boolean;
  onMove(step: -1 | 1): void;
  onRemove(): void;
  onPromote: ((entryId: string) => Promise<void>) | undefined;
}) {
  const { locale } = useApp();
  const [promoted, setPromoted] = createSignal(false);
  const promote = createAction(async (onPromote: (entryId: string) => Promise<void>) => {
    setPromoted(false);
    await onPromote(props.entry.id);
    setPromoted(true);
  });
  const idOf = (part: string) => `trial-${props.entry.id}-${part}`;
  const written = () => TRIAL_TEXT_FIELDS.filter((field) => props.entry[field].trim() !== '');

  return (
    <article
      class="trial-entry"
      data-testid="trial-entry"
      data-entry-id={props.entry.id}
      data-outcome={props.entry.outcome || 'unset'}
      tabIndex={-1}
      aria-labelledby={idOf('title')}
      onKeyDown={(event) => {
        const move = MOVES.find((candidate) => candidate.key === event.key);
        if (!props.editable || !event.altKey || !move || ownsAltArrows(event.target)) return;
        event.preventDefault();
        props.onMove(move.step);
      }}
    >
      <header class="trial-entry-head">
        <h3 id={idOf('title')}>{locale.t('trialLog.entryTitle', { number: props.number })}</h3>
        <Show when={!props.editable && props.entry.date}>
          {(date) => <time datetime={date()}>{formatDay(date(), 'medium', locale.locale())}</time>}
        </Show>
        <OutcomeBadge outcome={props.entry.outcome} />
      </header>

      <Show
        when={props.editable}
        fallback={
          <Show when={written().length > 0} fallback={<p class="muted">{locale.t('trialLog.nothingWritten')}</p>}>
            <dl class="trial-texts">
              <For each={written()}>
                {(field) => (
                  <>
                    <dt>{locale.t(`trialLog.field.${field}`)}</dt>
                    <dd>{props.entry[field]}</dd>
                  </>
                )}
              </For>
            </dl>
          </Show>
        }
      >
        <div class="form-row">
          <Field id={idOf('date')} label={locale.t('trialLog.date')}>
            {(control) => (
              <input
                {...control}
                data-testid="trial-date"
                type="date"
                class="text-input"
                value={props.entry.date}
                onChange={(event) => {
                  const date = event.currentTarget.value;
                  if (date === '' || isTrialDate(date)) setTrialDate(props.ydoc, props.entry.id, date);
                  else event.currentTarget.value = props.entry.date;
                }}
              />
            )}
          </Field>
          <Field id={idOf('outcome')} label={locale.t('trialLog.outcome')}>
            {(control) => (
              <select
                {...control}
                data-testid="trial-outcome"
                class="text-input"
                onChange={(event) => setTrialOutcome(props.ydoc, props.entry.id, parseTrialOutcome(event.currentTarget.value))}
              >
                <For each={['', ...TRIAL_OUTCOMES] as const}>
                  {(outcome) => (
                    <option value={outcome} selected={outcome === props.entry.outcome}>
                      {outcomeName(locale, outcome)}
                    </option>
                  )}
                </For>
              </select>
            )}
          </Field>
        </div>
        <For each={TRIAL_TEXT_FIELDS}>
          {(field) => <TrialTextField ydoc={props.ydoc} entry={props.entry} field={field} id={idOf(field)} />}
        </For>
      </Show>

      <Show when={props.editable || props.onPromote}>
        <div class="trial-entry-actions" role="group" aria-label={locale.t('trialLog.entryActions', { number: props.number })}>
          <Show when={props.editable}>
            <For each={MOVES}>
              {(move) => (
                <button
                  type="button"
                  class="button subtle"
                  data-testid={move.testId}
                  aria-label={locale.t(move.label, { number: props.number })}
                  aria-keyshortcuts={`Alt+${move.key}`}
                  disabled={move.step < 0 ? props.first : props.last}
                  onClick={() => props.onMove(move.step)}
                >
                  {move.glyph} {locale.t(move.text)}
                </button>
              )}
            </For>
            <button
              type="button"
              class="button subtle"
              data-testid="trial-remove"
              aria-label={locale.t('trialLog.removeLabel', { number: props.number })}
              onClick={() => props.onRemove()}
            >
              {locale.t('trialLog.remove')}
            </button>
          </Show>
          <Show when={props.onPromote}>
            {(onPromote) => (
              <button
                type="button"
                class="button trial-promote"
                data-testid="trial-promote"
                disabled={promote.pending()}
                onClick={() => void promote.run(onPromote())}
              >
                {promote.pending() ? locale.t('trialLog.promoting') : locale.t('trialLog.promote')}
              </button>
            )}
          </Show>
        </div>
      </Show>
      <Show when={promoted()}>
        <p class="saved-note" role="status" data-testid="trial-promoted">
          {locale.t('trialLog.promoted')}
        </p>
      </Show>
      <Show when={promote.error()}>
        {(error) => <ErrorNotice error={error()} message="trialLog.promoteError" testId="trial-promote-error" />}
      </Show>
    </article>
  );
}

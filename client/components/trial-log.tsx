import { createEffect, createMemo, createRenderEffect, createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js';
import type * as Y from 'yjs';
import { TRIAL_OUTCOMES, type TrialOutcome } from '../../shared/knowledge/kinds';
import {
  addTrialEntry,
  isTrialDate,
  listTrialEntries,
  moveTrialEntry,
  parseTrialOutcome,
  removeTrialEntry,
  restoreTrialEntry,
  setTrialDate,
  setTrialOutcome,
  TRIAL_TEXT_FIELDS,
  trialEntries,
  trialText,
  trialTimeline,
  type TrialEntry,
  type TrialTextField,
} from '../../shared/knowledge/trial-log';
import type { LocaleStore } from '../stores/locale';
import { bindTextarea } from '../lib/y-textarea';
import { createAction } from '../stores/action';
import { useApp } from '../stores/app-context';
import { ErrorNotice } from './error-notice';
import { Field } from './field';
import './knowledge.css';
import './trial-log.css';

/** Long enough to notice the notice and reach its button; focus inside it holds it open. */
const UNDO_MS = 8000;

type Filter = 'all' | TrialOutcome | 'unset';
const FILTERS: readonly Filter[] = ['all', ...TRIAL_OUTCOMES, 'unset'];

/** The two moves of an entry: their buttons and, with Alt, their keys. */
const MOVES = [
  { step: -1, key: 'ArrowUp', glyph: '↑', testId: 'trial-move-up', text: 'trialLog.moveUp', label: 'trialLog.moveUpLabel' },
  { step: 1, key: 'ArrowDown', glyph: '↓', testId: 'trial-move-down', text: 'trialLog.moveDown', label: 'trialLog.moveDownLabel' },
] as const;

/**
 * The entries of a trial-and-error log, live from the document's Y.Doc: a
 * form per entry for editors, plain text for the others, filtered by
 * outcome and shown as a list or as a timeline. `onPromote`, given only to
 * people who may create documents, makes a lessons-learned record of an
 * entry; the server does the work.
 */
export function TrialLog(props: { ydoc: Y.Doc; editable: boolean; onPromote?: (entryId: string) => Promise<void> }) {
  const { locale } = useApp();
  const [entries, setEntries] = createSignal<TrialEntry[]>([]);
  const [filter, setFilter] = createSignal<Filter>('all');
  const [view, setView] = createSignal<'list' | 'timeline'>('list');
  const [removed, setRemoved] = createSignal<TrialEntry | null>(null);
  const [announcement, setAnnouncement] = createSignal('');
  const titleId = createUniqueId();
  let root!: HTMLElement;
  let undoButton: HTMLButtonElement | undefined;
  let undoTimer: ReturnType<typeof setTimeout> | undefined;

  createRenderEffect(() => {
    const doc = props.ydoc;
    const refresh = () => setEntries(listTrialEntries(doc));
    refresh();
    trialEntries(doc).observeDeep(refresh);
    onCleanup(() => trialEntries(doc).unobserveDeep(refresh));
  });
  onCleanup(() => clearTimeout(undoTimer));

  const byId = createMemo(() => new Map(entries().map((entry) => [entry.id, entry])));
  const visible = createMemo(() => entries().filter((entry) => matches(entry, filter())));
  const counts = createMemo(() => new Map(FILTERS.map((f) => [f, entries().filter((entry) => matches(entry, f)).length])));
  const numberOf = (id: string) => entries().findIndex((entry) => entry.id === id) + 1;

  /** Brings the keyboard to an entry once it is drawn: the control `selector` finds in it, or the entry itself. */
  const focusEntry = (id: string, selector?: string) => {
    queueMicrotask(() => {
      const card = root.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(id)}"]`);
      const target = (selector && card?.querySelector<HTMLElement>(selector)) || card;
      target?.focus();
      target?.scrollIntoView({ block: 'nearest' });
    });
  };

  const add = () => {
    setFilter('all');
    setView('list');
    focusEntry(addTrialEntry(props.ydoc, { date: today() }), '[data-testid="trial-field-tried"]');
  };

  /** Swaps an entry with its visible neighbour, so that moving works the same with a filter on. */
  const move = (id: string, step: -1 | 1) => {
    const shown = visible();
    const neighbour = shown[shown.findIndex((entry) => entry.id === id) + step];
    if (!neighbour) return;
    const focused = document.activeElement;
    moveTrialEntry(props.ydoc, id, entries().findIndex((entry) => entry.id === neighbour.id));
    keepFocus(focused);
    setAnnouncement(locale.t('trialLog.moved', { position: numberOf(id), total: entries().length }));
  };

  const startUndoTimer = () => {
    clearTimeout(undoTimer);
    undoTimer = setTimeout(() => setRemoved(null), UNDO_MS);
  };
  const remove = (id: string) => {
    const entry = removeTrialEntry(props.ydoc, id);
    if (!entry) return;
    setRemoved(entry);
    startUndoTimer();
    // The removed entry held the focus: the notice is where the keyboard can undo.
    queueMicrotask(() => undoButton?.focus());
  };
  const undo = (entry: TrialEntry) => {
    clearTimeout(undoTimer);
    setRemoved(null);
    if (restoreTrialEntry(props.ydoc, entry)) {
      setAnnouncement(locale.t('trialLog.restored'));
      focusEntry(entry.id);
    }
  };

  const openInList = (id: string) => {
    setFilter('all');
    setView('list');
    focusEntry(id);
  };

  return (
    <section ref={root} class="panel trial-log" data-testid="trial-log" aria-labelledby={titleId}>
      <div class="page-head">
        <h2 id={titleId}>
          {locale.t('trialLog.title')} <span class="trial-count muted">{locale.tn('trialLog.count', entries().length)}</span>
        </h2>
        <Show when={props.editable}>
          <button type="button" class="button primary" data-testid="trial-add" onClick={add}>
            {locale.t('trialLog.add')}
          </button>
        </Show>
      </div>

      <Show
        when={entries().length > 0}
        fallback={
          <div class="empty-state compact" data-testid="trial-empty">
            <h3>{locale.t('trialLog.emptyTitle')}</h3>
            <p>{locale.t('trialLog.emptyBody')}</p>
            <p>{props.editable ? locale.t('trialLog.emptyFirstStep') : locale.t('trialLog.emptyReader')}</p>
          </div>
        }
      >
        <div class="trial-toolbar">
          <div class="trial-chips" role="group" aria-label={locale.t('trialLog.filterLabel')}>
            <For each={FILTERS.filter((f) => f === 'all' || f === filter() || (counts().get(f) ?? 0) > 0)}>
              {(f) => (
                <button
                  type="button"
                  class="kb-chip"
                  data-outcome={f === 'all' ? undefined : f}
                  data-testid={`trial-filter-${f}`}
                  aria-pressed={filter() === f}
                  onClick={() => setFilter(f)}
                >
                  <Show when={f !== 'all'}>
                    <span class="trial-dot" aria-hidden="true" />
                  </Show>
                  {f === 'all' ? locale.t('trialLog.filterAll') : outcomeName(locale, f === 'unset' ? '' : f)}
                  <span class="kb-chip-count">{counts().get(f) ?? 0}</span>
                </button>
              )}
            </For>
          </div>
          <div class="trial-chips" role="group" aria-label={locale.t('trialLog.viewLabel')}>
            <For each={['list', 'timeline'] as const}>
              {(name) => (
                <button
                  type="button"
                  class="kb-chip"
                  data-testid={`trial-view-${name}`}
                  aria-pressed={view() === name}
                  onClick={() => setView(name)}
                >
                  {name === 'list' ? locale.t('trialLog.viewList') : locale.t('trialLog.viewTimeline')}
                </button>
              )}
            </For>
          </div>
        </div>

        <Show when={visible().length > 0} fallback={<p class="muted">{locale.t('trialLog.filterEmpty')}</p>}>
          <Show
            when={view() === 'list'}
            fallback={<TrialTimeline entries={visible()} onOpen={openInList} />}
          >
            <Show when={props.editable}>
              <p class="field-hint">{locale.t('trialLog.moveHint')}</p>
            </Show>
            <ol class="trial-entries">
              {/* By id, not by object: a card keeps its fields (and their carets) while its entry changes. */}
              <For each={visible().map((entry) => entry.id)}>
                {(id, index) => (
                  <Show when={byId().get(id)}>
                    {(entry) => (
                      <li>
                        <TrialCard
                          ydoc={props.ydoc}
                          entry={entry()}
                          number={numberOf(id)}
                          editable={props.editable}
                          first={index() === 0}
                          last={index() === visible().length - 1}
                          onMove={(step) => move(id, step)}
                          onRemove={() => remove(id)}
                          onPromote={props.onPromote}
                        />
                      </li>
                    )}
                  </Show>
                )}
              </For>
            </ol>
          </Show>
        </Show>
      </Show>

      <Show when={removed()}>
        {(entry) => (
          <div
            class="notice info trial-undo"
            role="status"
            data-testid="trial-removed"
            onFocusIn={() => clearTimeout(undoTimer)}
            onFocusOut={startUndoTimer}
          >
            <p>{locale.t('trialLog.removed')}</p>
            <button ref={undoButton} type="button" class="button" data-testid="trial-undo" onClick={() => undo(entry())}>
              {locale.t('trialLog.undo')}
            </button>
          </div>
        )}
      </Show>
      <p class="visually-hidden" role="status">
        {announcement()}
      </p>
    </section>
  );
}

function TrialCard(props: {
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
        if (!props.editable || !event.altKey || !move) return;
        event.preventDefault();
        props.onMove(move.step);
      }}
    >
      <header class="trial-entry-head">
        <h3 id={idOf('title')}>{locale.t('trialLog.entryTitle', { number: props.number })}</h3>
        <Show when={!props.editable && props.entry.date}>
          {(date) => <time datetime={date()}>{formatDay(locale, date(), 'medium')}</time>}
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
          {(field) => <TrialTextInput ydoc={props.ydoc} entry={props.entry} field={field} id={idOf(field)} />}
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

/**
 * One text field of an entry, bound to its Y.Text. The binding follows the
 * Y.Text itself: if the entry's map is replaced (an undone removal coming
 * from elsewhere), the field binds to the new one.
 */
function TrialTextInput(props: { ydoc: Y.Doc; entry: TrialEntry; field: TrialTextField; id: string }) {
  const { locale } = useApp();
  let textarea!: HTMLTextAreaElement;
  // Reading `props.entry` looks again at every change of the entry; the memo changes only with the Y.Text.
  const text = createMemo(() => trialText(props.ydoc, props.entry.id, props.field));
  createEffect(() => {
    const current = text();
    if (current) onCleanup(bindTextarea(textarea, current));
  });
  return (
    <Field id={props.id} label={locale.t(`trialLog.field.${props.field}`)} hint={locale.t(`trialLog.hint.${props.field}`)}>
      {(control) => (
        <textarea
          {...control}
          ref={textarea}
          data-testid={`trial-field-${props.field}`}
          class="text-input textarea trial-textarea"
          rows={props.field === 'participants' ? 1 : 2}
          readOnly={!text()}
        />
      )}
    </Field>
  );
}

/**
 * The entries by date along a vertical line, month by month, each marked
 * with the colour of its outcome. Drawn by id, so that an item keeps the
 * focus while others type.
 */
function TrialTimeline(props: { entries: readonly TrialEntry[]; onOpen(id: string): void }) {
  const { locale } = useApp();
  const months = createMemo(() => trialTimeline(props.entries));
  const byId = createMemo(() => new Map(props.entries.map((entry) => [entry.id, entry])));
  const idsIn = (month: string) => months().find((group) => group.month === month)?.entries.map((entry) => entry.id) ?? [];
  return (
    <ol class="trial-timeline" data-testid="trial-timeline">
      <For each={months().map((group) => group.month)}>
        {(month) => (
          <li class="trial-month">
            <h3 class="trial-month-title">{month ? formatMonth(locale, month) : locale.t('trialLog.noDate')}</h3>
            <ol class="trial-month-entries">
              <For each={idsIn(month)}>
                {(id) => (
                  <Show when={byId().get(id)}>
                    {(entry) => (
                      <li class="trial-timeline-item" data-testid="trial-timeline-item" data-outcome={entry().outcome || 'unset'}>
                        <span class="trial-marker" aria-hidden="true" />
                        <div class="trial-timeline-meta">
                          <Show when={entry().date}>
                            {(date) => <time datetime={date()}>{formatDay(locale, date(), 'short')}</time>}
                          </Show>
                          <OutcomeBadge outcome={entry().outcome} />
                        </div>
                        <p class="trial-timeline-title">{entry().tried.trim() || locale.t('trialLog.untitled')}</p>
                        <Show when={entry().learned.trim()}>
                          {(learned) => (
                            <p class="trial-timeline-learned">
                              <span class="trial-timeline-label">{locale.t('trialLog.field.learned')}</span> {learned()}
                            </p>
                          )}
                        </Show>
                        <button type="button" class="button subtle" onClick={() => props.onOpen(id)}>
                          {locale.t('trialLog.openInList')}
                        </button>
                      </li>
                    )}
                  </Show>
                )}
              </For>
            </ol>
          </li>
        )}
      </For>
    </ol>
  );
}

function OutcomeBadge(props: { outcome: TrialOutcome | '' }) {
  const { locale } = useApp();
  return (
    <span class="trial-outcome-badge" data-outcome={props.outcome || 'unset'}>
      <span class="trial-dot" aria-hidden="true" />
      {outcomeName(locale, props.outcome)}
    </span>
  );
}

function matches(entry: TrialEntry, filter: Filter): boolean {
  if (filter === 'all') return true;
  return entry.outcome === (filter === 'unset' ? '' : filter);
}

function outcomeName(locale: Pick<LocaleStore, 't'>, outcome: TrialOutcome | ''): string {
  return locale.t(`trialLog.outcome.${outcome || 'unset'}`);
}

/** "12 March 2024" ('medium') or "12 Mar" ('short'), for a 'YYYY-MM-DD' day (read in UTC, so no time zone shifts it). */
function formatDay(locale: Pick<LocaleStore, 'locale'>, date: string, style: 'medium' | 'short'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'medium' ? { dateStyle: 'medium', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale.locale(), options).format(new Date(`${date}T00:00:00Z`));
}

/** "March 2024", for a 'YYYY-MM' month. */
function formatMonth(locale: Pick<LocaleStore, 'locale'>, month: string): string {
  return new Intl.DateTimeFormat(locale.locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** Today on this device, as 'YYYY-MM-DD'. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Moving an entry moves its element, which loses the focus; and a move
 * button that got disabled (the entry reached an end) cannot keep it. Gives
 * it back to the element, or to the entry's other move button.
 */
function keepFocus(focused: Element | null): void {
  if (!(focused instanceof HTMLElement) || !focused.isConnected || document.activeElement === focused) return;
  if (focused instanceof HTMLButtonElement && focused.disabled) {
    focused.closest('[data-testid="trial-entry"]')?.querySelector<HTMLElement>('[data-testid^="trial-move-"]:not(:disabled)')?.focus();
  } else {
    focused.focus();
  }
}

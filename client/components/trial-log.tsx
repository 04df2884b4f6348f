import { createMemo, createRenderEffect, createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js';
import type * as Y from 'yjs';
import { TRIAL_OUTCOMES, type TrialOutcome } from '../../shared/knowledge/kinds';
import {
  addTrialEntry,
  listTrialEntries,
  moveTrialEntry,
  removeTrialEntry,
  restoreTrialEntry,
  trialEntries,
  type TrialEntry,
} from '../../shared/knowledge/trial-log';
import { useApp } from '../stores/app-context';
import './knowledge.css';
import { TrialEntryCard } from './trial-entry-card';
import './trial-log.css';
import { outcomeName } from './trial-outcome-badge';
import { TrialTimeline } from './trial-timeline';

/** Long enough to notice the notice and reach its button; focus inside it holds it open. */
const UNDO_MS = 8000;

type Filter = 'all' | TrialOutcome | 'unset';
const FILTERS: readonly Filter[] = ['all', ...TRIAL_OUTCOMES, 'unset'];

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
                        <TrialEntryCard
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

function matches(entry: TrialEntry, filter: Filter): boolean {
  if (filter === 'all') return true;
  return entry.outcome === (filter === 'unset' ? '' : filter);
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

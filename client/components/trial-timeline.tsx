import { createMemo, For, Show } from 'solid-js';
import { trialTimeline, type TrialEntry } from '../../shared/knowledge/trial-log';
import { formatDay, formatMonth } from '../i18n/format-time';
import { useApp } from '../stores/app-context';
import { OutcomeBadge } from './trial-outcome-badge';

/**
 * The entries by date along a vertical line, month by month, each marked
 * with the colour of its outcome. Drawn by id, so that an item keeps the
 * focus while others type.
 */
export function TrialTimeline(props: { entries: readonly TrialEntry[]; onOpen(id: string): void }) {
  const { locale } = useApp();
  const months = createMemo(() => trialTimeline(props.entries));
  const byId = createMemo(() => new Map(props.entries.map((entry) => [entry.id, entry])));
  const idsIn = (month: string) => months().find((group) => group.month === month)?.entries.map((entry) => entry.id) ?? [];
  return (
    <ol class="trial-timeline" data-testid="trial-timeline">
      <For each={months().map((group) => group.month)}>
        {(month) => (
          <li class="trial-month">
            <h3 class="trial-month-title">{month ? formatMonth(month, locale.locale()) : locale.t('trialLog.noDate')}</h3>
            <ol class="trial-month-entries">
              <For each={idsIn(month)}>
                {(id) => (
                  <Show when={byId().get(id)}>
                    {(entry) => (
                      <li class="trial-timeline-item" data-testid="trial-timeline-item" data-outcome={entry().outcome || 'unset'}>
                        <span class="trial-marker" aria-hidden="true" />
                        <div class="trial-timeline-meta">
                          <Show when={entry().date}>
                            {(date) => <time datetime={date()}>{formatDay(date(), 'short', locale.locale())}</time>}
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

import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { Change, DiffBlock, Version, VersionComparison as Comparison, VersionPerson } from '../../shared/api/versions';
import type { MessageKey } from '../i18n/en';
import { NONE_COLOR } from '../lib/contribution-chart';
import { blockChanged, blockTag, diffRuns, hasChanges, type DiffRun } from '../lib/version-diff';
import { loaded } from '../stores/loaded';
import { useApp } from '../stores/app-context';
import { ErrorNotice, LoadingLine } from './error-notice';
import { personLabel, versionLabel } from './version-summary';

const NOW = 'now';

/**
 * What changed between two versions (or a version and the document as it is
 * now): the text with insertions in `<ins>` and deletions in `<del>`, each
 * edged in its writer's organisation colour, and how many characters each.
 */
export function VersionComparison(props: {
  documentId: string;
  from: string;
  to: string | null;
  versions: readonly Version[];
  onChange(from: string, to: string | null): void;
}) {
  const { api, locale } = useApp();
  const [comparison, { refetch }] = createResource(
    () => ({ from: props.from, to: props.to }),
    ({ from, to }) => api.compareVersions(props.documentId, from, to),
  );
  const [onlyChanged, setOnlyChanged] = createSignal(false);
  const option = (version: Version) =>
    locale.t('history.option', {
      number: version.number,
      label: versionLabel(locale, version),
      date: new Intl.DateTimeFormat(locale.locale(), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(version.createdAt)),
    });
  return (
    <div class="version-comparison" data-testid="version-comparison">
      <div class="compare-controls">
        <label class="compare-choice">
          <span>{locale.t('history.from')}</span>
          <select class="text-input" data-testid="compare-from" onChange={(event) => props.onChange(event.currentTarget.value, props.to)}>
            <For each={props.versions}>
              {(version) => (
                <option value={version.id} selected={version.id === props.from}>
                  {option(version)}
                </option>
              )}
            </For>
          </select>
        </label>
        <label class="compare-choice">
          <span>{locale.t('history.to')}</span>
          <select
            class="text-input"
            data-testid="compare-to"
            onChange={(event) => props.onChange(props.from, event.currentTarget.value === NOW ? null : event.currentTarget.value)}
          >
            <option value={NOW} selected={props.to === null}>
              {locale.t('history.now')}
            </option>
            <For each={props.versions.filter((version) => version.id !== props.from)}>
              {(version) => (
                <option value={version.id} selected={version.id === props.to}>
                  {option(version)}
                </option>
              )}
            </For>
          </select>
        </label>
      </div>
      <Switch>
        <Match when={comparison.error as unknown}>
          {(error) => <ErrorNotice error={error()} message="history.comparisonError" onRetry={() => void refetch()} />}
        </Match>
        <Match when={!comparison.loading && loaded(comparison)}>
          {(data) => <ComparisonText comparison={data()} onlyChanged={onlyChanged()} onOnlyChanged={setOnlyChanged} />}
        </Match>
        <Match when={true}>
          <LoadingLine message="history.comparing" />
        </Match>
      </Switch>
    </div>
  );
}

function ComparisonText(props: { comparison: Comparison; onlyChanged: boolean; onOnlyChanged(value: boolean): void }) {
  const { locale } = useApp();
  const blocks = () => (props.onlyChanged ? props.comparison.blocks.filter(blockChanged) : props.comparison.blocks);
  return (
    <>
      <p class="compare-counts" data-testid="compare-counts">
        <span class="compare-count is-inserted" data-testid="compare-inserted">
          {locale.tn('history.inserted', props.comparison.inserted)}
        </span>
        <span class="compare-count is-deleted" data-testid="compare-deleted">
          {locale.tn('history.deleted', props.comparison.deleted)}
        </span>
      </p>
      <Show
        when={hasChanges(props.comparison)}
        fallback={
          <p class="muted" data-testid="compare-none">
            {locale.t('history.noChanges')}
          </p>
        }
      >
        <label class="compare-only">
          <input type="checkbox" checked={props.onlyChanged} onChange={(event) => props.onOnlyChanged(event.currentTarget.checked)} />
          {locale.t('history.onlyChanged')}
        </label>
      </Show>
      <div class="compare-text" data-testid="compare-text" aria-label={locale.t('history.compareText')} role="document">
        <For each={blocks()}>{(block) => <ComparedBlock block={block} people={props.comparison.people} />}</For>
      </div>
    </>
  );
}

function ComparedBlock(props: { block: DiffBlock; people: readonly VersionPerson[] }) {
  return (
    <Dynamic component={blockTag(props.block)} class="compare-block" style={{ 'margin-inline-start': `${props.block.depth * 1.5}rem` }}>
      <For each={diffRuns(props.block, props.people)}>{(run) => <ComparedRun run={run} />}</For>
    </Dynamic>
  );
}

/** How a change is drawn and said: `<ins>` or `<del>`, announced in words since screen readers do not all say them. */
const MARKS = {
  inserted: { tag: 'ins', mark: 'history.insertedMark', by: 'history.insertedBy' },
  deleted: { tag: 'del', mark: 'history.deletedMark', by: 'history.deletedWrittenBy' },
} as const satisfies Record<Exclude<Change, 'same'>, { tag: string; mark: MessageKey; by: MessageKey }>;

function ComparedRun(props: { run: DiffRun }) {
  const { locale } = useApp();
  const who = () => (props.run.person ? personLabel(locale, props.run.person) : null);
  return (
    <Show when={props.run.change === 'same' ? null : MARKS[props.run.change]} fallback={props.run.text}>
      {(marks) => (
        <Dynamic
          component={marks().tag}
          class={`diff-${marks().tag}`}
          style={{ '--author-color': props.run.person?.organisation?.color ?? NONE_COLOR }}
          title={who() ? locale.t(marks().by, { name: who() ?? '' }) : undefined}
          data-user-id={props.run.person?.userId}
        >
          <span class="visually-hidden">{locale.t(marks().mark)}</span>
          {props.run.text}
        </Dynamic>
      )}
    </Show>
  );
}

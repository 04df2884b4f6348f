import { createResource, createUniqueId, For, Match, Show, Switch } from 'solid-js';
import { dayKey } from '../lib/version-history';
import { fitLabel, layoutTimeline, TIMELINE, timelineByOrganisation, type TimelineData } from '../lib/contribution-timeline';
import { downloadSvg } from '../lib/download-svg';
import { useApp } from '../stores/app-context';
import { loaded } from '../stores/loaded';
import './attribution.css';
import type { ContributionSource } from './contribution-map';
import { ErrorNotice, LoadingLine } from './error-notice';

const TEXT = '#1c2326';
const MUTED = '#56626a';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

/**
 * How the text grew, organisation by organisation: characters each had
 * written at each point in time, stacked, as an SVG to download like the
 * contribution chart, with a table of the same numbers for screen readers.
 */
export function ContributionTimelineChart(props: { source: ContributionSource }) {
  const { api, locale } = useApp();
  const [timeline, { refetch }] = createResource(
    () => props.source,
    (source) => (source.kind === 'document' ? api.documentTimeline(source.id) : api.projectTimeline(source.id)),
  );
  const data = () => {
    const shown = loaded(timeline);
    return shown ? timelineByOrganisation(shown, locale.t('attribution.noOrganisation')) : undefined;
  };
  return (
    <section class="contribution-timeline" data-testid="contribution-timeline" aria-label={locale.t('history.timeline.title')}>
      <Switch>
        <Match when={timeline.error as unknown}>
          {(error) => <ErrorNotice error={error()} message="history.timeline.loadError" onRetry={() => void refetch()} />}
        </Match>
        <Match when={data()}>
          {(shown) => (
            <Show
              when={shown().times.length > 0 && shown().series.length > 0}
              fallback={
                <p class="muted" data-testid="contribution-timeline-empty">
                  {locale.t('history.timeline.empty')}
                </p>
              }
            >
              <TimelineChart data={shown()} byDay={props.source.kind === 'project'} />
            </Show>
          )}
        </Match>
        <Match when={true}>
          <LoadingLine message="history.timeline.loading" />
        </Match>
      </Switch>
    </section>
  );
}

/** `byDay`: the points are days (a project's), so they are named by their dates. */
function TimelineChart(props: { data: TimelineData; byDay: boolean }) {
  const { locale } = useApp();
  let svg!: SVGSVGElement;
  const titleId = createUniqueId();
  const descId = createUniqueId();
  const layout = () => layoutTimeline(props.data);
  const number = (value: number) => new Intl.NumberFormat(locale.locale()).format(value);
  // Within one day the hours tell a document's versions apart; across days, the dates.
  const hours = () => !props.byDay && props.data.times.length > 1 && new Set(props.data.times.map((time) => dayKey(time))).size === 1;
  const when = (time: string) =>
    new Intl.DateTimeFormat(locale.locale(), hours() ? { timeStyle: 'short' } : { dateStyle: 'medium' }).format(new Date(time));
  const fullWhen = (time: string) => new Intl.DateTimeFormat(locale.locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time));
  const first = () => props.data.times[0] ?? '';
  const last = () => props.data.times.at(-1) ?? '';
  const ticks = () => [0, layout().max / 2, layout().max];
  const yOf = (value: number) => layout().plot.bottom - (value / layout().max) * TIMELINE.plotHeight;
  const description = () =>
    locale.t('history.timeline.description', { from: fullWhen(first()), to: fullWhen(last()), organisations: number(props.data.series.length) });

  return (
    <>
      <svg
        ref={svg}
        class="contribution-chart"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${TIMELINE.width} ${layout().height}`}
        width={TIMELINE.width}
        height={layout().height}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        font-family={FONT}
        data-testid="contribution-timeline-chart"
      >
        <title id={titleId}>{locale.t('history.timeline.title')}</title>
        <desc id={descId}>{description()}</desc>
        <rect width={TIMELINE.width} height={layout().height} fill="#ffffff" />
        <text x={TIMELINE.padding} y={TIMELINE.padding + 18} font-size="18" font-weight="700" fill={TEXT}>
          {locale.t('history.timeline.title')}
        </text>
        <For each={ticks()}>
          {(tick) => (
            <g>
              <line x1={layout().plot.left} x2={layout().plot.right} y1={yOf(tick)} y2={yOf(tick)} stroke="#d5dcdf" stroke-width="1" />
              <text x={layout().plot.left - 6} y={yOf(tick) + 4} font-size="11" text-anchor="end" fill={MUTED}>
                {number(tick)}
              </text>
            </g>
          )}
        </For>
        <For each={layout().areas}>
          {(area) => <path d={area.path} fill={area.color} fill-opacity="0.85" stroke="#ffffff" stroke-width="1" data-series={area.key} />}
        </For>
        <Show
          when={props.data.times.length > 1}
          fallback={
            <text x={(layout().plot.left + layout().plot.right) / 2} y={layout().plot.bottom + 16} font-size="11" text-anchor="middle" fill={MUTED}>
              {when(first())}
            </text>
          }
        >
          <text x={layout().plot.left} y={layout().plot.bottom + 16} font-size="11" fill={MUTED}>
            {when(first())}
          </text>
          <text x={layout().plot.right} y={layout().plot.bottom + 16} font-size="11" text-anchor="end" fill={MUTED}>
            {when(last())}
          </text>
        </Show>
        <For each={layout().legend}>
          {(item) => (
            <g data-testid="contribution-timeline-legend-item">
              <rect x={item.x} y={item.y - 10} width="12" height="12" rx="2" fill={item.color} />
              <text x={item.x + 18} y={item.y} font-size="12" fill={TEXT}>
                {fitLabel(item.label)}
              </text>
            </g>
          )}
        </For>
      </svg>
      <table class="visually-hidden" data-testid="contribution-timeline-table">
        <caption>{locale.t('history.timeline.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{locale.t('history.timeline.column.when')}</th>
            <For each={props.data.series}>{(entry) => <th scope="col">{entry.label}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.data.times}>
            {(time, index) => (
              <tr>
                <th scope="row">{fullWhen(time)}</th>
                <For each={props.data.series}>{(entry) => <td>{number(entry.values[index()] ?? 0)}</td>}</For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <div class="contribution-actions">
        <button type="button" class="button" data-testid="contribution-timeline-download" onClick={() => downloadSvg(svg, 'contributions-over-time.svg')}>
          {locale.t('attribution.download')}
        </button>
      </div>
    </>
  );
}

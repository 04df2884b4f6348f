import { createResource, createUniqueId, For, Match, Switch } from 'solid-js';
import type { ContributionMap as ContributionMapData } from '../../shared/api/attribution';
import type { StakeholderKind } from '../../shared/roles';
import type { MessageKey } from '../i18n/en';
import { barSpace, CHART, isEmptyMap, kindRows, layoutChart, METRICS, organisationRows, type ChartRow } from '../lib/contribution-chart';
import { downloadSvg } from '../lib/download-svg';
import { useApp } from '../stores/app-context';
import './attribution.css';
import { ContributionTimelineChart } from './contribution-timeline';
import { ErrorNotice, LoadingLine } from './error-notice';

/** Whose contributions: one document's, or a whole project's. */
export type ContributionSource = { kind: 'document' | 'project'; id: string };

const METRIC_LABEL = {
  characters: 'attribution.metric.characters',
  edits: 'attribution.metric.edits',
  messages: 'attribution.metric.messages',
  notes: 'attribution.metric.notes',
} as const satisfies Record<(typeof METRICS)[number], MessageKey>;

/**
 * Who contributed, by organisation and by kind of stakeholder, as an SVG a
 * facilitator can download into a report, the JSON it comes from, and a
 * table with the same numbers for screen readers.
 */
export function ContributionMap(props: { source: ContributionSource; testId: string }) {
  const { api, locale } = useApp();
  const [map, { refetch }] = createResource(
    () => props.source,
    (source) => (source.kind === 'document' ? api.documentContributions(source.id) : api.projectContributions(source.id)),
  );
  const jsonUrl = () => `/api/v1/${props.source.kind === 'document' ? 'documents' : 'projects'}/${encodeURIComponent(props.source.id)}/contributions`;
  return (
    <div class="contribution-map" data-testid={props.testId}>
      <Switch>
        <Match when={map.error as unknown}>
          {(error) => <ErrorNotice error={error()} message="attribution.contributionsLoadError" onRetry={() => void refetch()} />}
        </Match>
        <Match when={map.latest}>
          {(data) => (
            <Switch>
              <Match when={isEmptyMap(data())}>
                <p class="muted" data-testid="contribution-map-empty">
                  {locale.t('attribution.empty')}
                </p>
              </Match>
              <Match when={true}>
                <ContributionChart map={data()} jsonUrl={jsonUrl()} />
                <ContributionTimelineChart source={props.source} />
              </Match>
            </Switch>
          )}
        </Match>
        <Match when={true}>
          <LoadingLine message="attribution.loading" />
        </Match>
      </Switch>
    </div>
  );
}

function ContributionChart(props: { map: ContributionMapData; jsonUrl: string }) {
  const { locale } = useApp();
  let svg!: SVGSVGElement;
  const titleId = createUniqueId();
  const descId = createUniqueId();
  const number = (value: number) => new Intl.NumberFormat(locale.locale()).format(value);
  const percent = (value: number) => new Intl.NumberFormat(locale.locale(), { style: 'percent', maximumFractionDigits: 0 }).format(value);
  const kindName = (kind: StakeholderKind | null) => (kind ? locale.t(`kind.${kind}`) : locale.t('attribution.noKind'));
  const blocks = () => [
    { id: 'organisations', title: locale.t('attribution.byOrganisationTitle'), rows: organisationRows(props.map, locale.t('attribution.noOrganisation')) },
    { id: 'kinds', title: locale.t('attribution.byKindTitle'), rows: kindRows(props.map, kindName) },
  ];
  const layout = () => layoutChart(blocks(), props.map.totals);
  const titleOf = (id: string) => blocks().find((block) => block.id === id)?.title ?? '';
  const totals = () => props.map.totals;
  const description = () =>
    locale.t('attribution.chartDescription', {
      characters: number(totals().characters),
      edits: number(totals().edits),
      messages: number(totals().messages),
      notes: number(totals().notes),
    });
  const involved = () => locale.t('attribution.involved', { organisations: number(totals().organisations), kinds: number(totals().stakeholderKinds) });

  return (
    <>
      <dl class="contribution-counts">
        <div>
          <dt>{locale.t('attribution.organisationsInvolved')}</dt>
          <dd data-testid="contribution-organisations">{number(totals().organisations)}</dd>
        </div>
        <div>
          <dt>{locale.t('attribution.kindsInvolved')}</dt>
          <dd data-testid="contribution-kinds">{number(totals().stakeholderKinds)}</dd>
        </div>
      </dl>
      <svg
        ref={svg}
        class="contribution-chart"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${CHART.width} ${layout().height}`}
        width={CHART.width}
        height={layout().height}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"
        data-testid="contribution-chart"
      >
        <title id={titleId}>{locale.t('attribution.chartTitle')}</title>
        <desc id={descId}>{`${description()} ${involved()}`}</desc>
        <rect width={CHART.width} height={layout().height} fill="#ffffff" />
        <text x={CHART.padding} y={CHART.padding + 18} font-size="18" font-weight="700" fill="#1c2326">
          {locale.t('attribution.chartTitle')}
        </text>
        <text x={CHART.padding} y={CHART.padding + 42} font-size="13" fill="#56626a">
          {involved()}
        </text>
        <For each={layout().blocks}>
          {(block) => (
            <g>
              <text x={CHART.padding} y={block.y} font-size="15" font-weight="700" fill="#1c2326">
                {titleOf(block.id)}
              </text>
              <For each={block.groups}>
                {(group) => (
                  <g>
                    <text x={CHART.padding} y={group.y} font-size="12" font-weight="600" fill="#56626a">
                      {locale.t(METRIC_LABEL[group.metric])}
                    </text>
                    <For each={group.bars}>
                      {(bar) => (
                        <g>
                          <text x={CHART.padding + CHART.labelWidth - 8} y={bar.y + CHART.barHeight - 4} font-size="12" text-anchor="end" fill="#1c2326">
                            {bar.label}
                          </text>
                          <rect x={CHART.padding + CHART.labelWidth} y={bar.y} width={barSpace} height={CHART.barHeight} fill="#eef1f2" />
                          <rect x={CHART.padding + CHART.labelWidth} y={bar.y} width={bar.width} height={CHART.barHeight} fill={bar.color} />
                          <text x={CHART.width - CHART.padding - CHART.valueWidth + 6} y={bar.y + CHART.barHeight - 4} font-size="12" fill="#1c2326">
                            {percent(bar.share)}
                          </text>
                        </g>
                      )}
                    </For>
                  </g>
                )}
              </For>
            </g>
          )}
        </For>
      </svg>
      <ContributionTable blocks={blocks()} number={number} />
      <div class="contribution-actions">
        <button type="button" class="button" data-testid="contribution-download" onClick={() => downloadSvg(svg, 'contributions.svg')}>
          {locale.t('attribution.download')}
        </button>
        <a href={props.jsonUrl} class="contribution-json" data-testid="contribution-json" title={locale.t('attribution.jsonHint')} target="_blank" rel="noopener">
          {locale.t('attribution.json')}
        </a>
      </div>
    </>
  );
}

/** The chart's numbers, for those who cannot see it. */
function ContributionTable(props: { blocks: readonly { id: string; title: string; rows: readonly ChartRow[] }[]; number: (value: number) => string }) {
  const { locale } = useApp();
  return (
    <table class="visually-hidden" data-testid="contribution-table">
      <caption>{locale.t('attribution.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{locale.t('attribution.column.contributor')}</th>
          <th scope="col">{locale.t('attribution.column.characters')}</th>
          <th scope="col">{locale.t('attribution.column.edits')}</th>
          <th scope="col">{locale.t('attribution.column.messages')}</th>
          <th scope="col">{locale.t('attribution.column.notes')}</th>
        </tr>
      </thead>
      <For each={props.blocks}>
        {(block) => (
          <tbody>
            <tr>
              <th scope="colgroup" colSpan={5}>
                {block.title}
              </th>
            </tr>
            <For each={block.rows}>
              {(row) => (
                <tr>
                  <th scope="row">{row.label}</th>
                  <td>{props.number(row.characters)}</td>
                  <td>{props.number(row.edits)}</td>
                  <td>{props.number(row.messages)}</td>
                  <td>{props.number(row.notes)}</td>
                </tr>
              )}
            </For>
          </tbody>
        )}
      </For>
    </table>
  );
}

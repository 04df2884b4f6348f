import type { ContributionMap } from '../../shared/api/attribution';
import { STAKEHOLDER_KINDS, type StakeholderKind } from '../../shared/roles';

/** What a share is of: the text as it stands, the edits, the discussion, the workshops' notes. */
export const METRICS = ['characters', 'edits', 'messages', 'notes'] as const;
export type Metric = (typeof METRICS)[number];

/** One contributor of a chart: an organisation, or a kind of stakeholder. */
export interface ChartRow extends Record<Metric, number> {
  key: string;
  label: string;
  color: string;
}

export interface ChartBar {
  key: string;
  label: string;
  color: string;
  value: number;
  /** Of the metric's total, from 0 to 1. */
  share: number;
  /** Top of the bar. */
  y: number;
  width: number;
}

export interface ChartGroup {
  metric: Metric;
  /** Baseline of the group's heading. */
  y: number;
  bars: ChartBar[];
}

export interface ChartBlock {
  id: string;
  /** Baseline of the block's heading. */
  y: number;
  groups: ChartGroup[];
}

export interface ChartLayout {
  blocks: ChartBlock[];
  height: number;
}

/** The drawing's measures, in SVG user units. */
export const CHART = {
  width: 640,
  padding: 16,
  /** Room for the title and the summary line above the first block. */
  header: 64,
  labelWidth: 200,
  /** Room right of the longest bar for its percentage. */
  valueWidth: 56,
  barHeight: 16,
  barGap: 6,
  blockHeading: 32,
  groupHeading: 24,
  groupGap: 12,
} as const;

export const barSpace = CHART.width - 2 * CHART.padding - CHART.labelWidth - CHART.valueWidth;

/** From 0 to 1; nothing of nothing is 0. */
export function shareOf(value: number, total: number): number {
  return total > 0 ? Math.min(1, Math.max(0, value / total)) : 0;
}

/** Where every heading and bar goes: blocks one under the other, each with a group of bars per metric. */
export function layoutChart(blocks: readonly { id: string; rows: readonly ChartRow[] }[], totals: Record<Metric, number>): ChartLayout {
  let y = CHART.padding + CHART.header;
  const laidOut: ChartBlock[] = [];
  for (const block of blocks) {
    const blockY = y + CHART.blockHeading - 10;
    y += CHART.blockHeading;
    const groups: ChartGroup[] = [];
    for (const metric of METRICS) {
      const groupY = y + CHART.groupHeading - 8;
      y += CHART.groupHeading;
      const bars = block.rows.map((row): ChartBar => {
        const share = shareOf(row[metric], totals[metric]);
        const bar = { key: row.key, label: row.label, color: row.color, value: row[metric], share, y, width: share * barSpace };
        y += CHART.barHeight + CHART.barGap;
        return bar;
      });
      groups.push({ metric, y: groupY, bars });
      y += CHART.groupGap;
    }
    laidOut.push({ id: block.id, y: blockY, groups });
  }
  return { blocks: laidOut, height: y + CHART.padding };
}

/** One colour per kind of stakeholder, told apart by colour-blind readers too (Okabe–Ito). */
const KIND_COLORS: Record<StakeholderKind, string> = Object.fromEntries(
  STAKEHOLDER_KINDS.map((kind, index) => [kind, ['#0072b2', '#009e73', '#cc79a7', '#e69f00', '#d55e00', '#56b4e9', '#7b3294', '#8a6d00', '#1b7837'][index % 9]]),
) as Record<StakeholderKind, string>;
/** People with no organisation, and their kind. */
export const NONE_COLOR = '#6b7280';

export function kindColor(kind: StakeholderKind | null): string {
  return kind ? KIND_COLORS[kind] : NONE_COLOR;
}

const byContribution = (a: ChartRow, b: ChartRow) => METRICS.map((m) => b[m] - a[m]).find((d) => d !== 0) ?? a.label.localeCompare(b.label);

const metricsOf = (shares: Record<Metric, number>) => Object.fromEntries(METRICS.map((m) => [m, shares[m]])) as Record<Metric, number>;

/** The organisations' rows, most text first; `noOrganisation` names the people who belong to none. */
export function organisationRows(map: ContributionMap, noOrganisation: string): ChartRow[] {
  return map.byOrganisation
    .map((row) => ({
      key: row.organisation ? `organisation:${row.organisation.id}` : 'no-organisation',
      label: row.organisation?.name ?? noOrganisation,
      color: row.organisation?.color ?? NONE_COLOR,
      ...metricsOf(row),
    }))
    .sort(byContribution);
}

/** The kinds of stakeholder's rows, most text first, named by `kindName` (null: no organisation). */
export function kindRows(map: ContributionMap, kindName: (kind: StakeholderKind | null) => string): ChartRow[] {
  return map.byStakeholderKind
    .map((row) => ({ key: row.kind ?? 'none', label: kindName(row.kind), color: kindColor(row.kind), ...metricsOf(row) }))
    .sort(byContribution);
}

/** Whether anyone has contributed anything at all. */
export function isEmptyMap(map: ContributionMap): boolean {
  return METRICS.every((m) => map.totals[m] === 0);
}

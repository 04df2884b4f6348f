import type { ContributionTimeline } from '../../shared/api/versions';
import { CHART, NONE_COLOR } from './contribution-chart';

/** One organisation's characters at each point of the timeline. */
export interface TimelineSeries {
  key: string;
  label: string;
  color: string;
  values: number[];
}

export interface TimelineData {
  /** The points' moments, oldest first. */
  times: string[];
  /** Most text at the last point first: drawn at the bottom of the stack. */
  series: TimelineSeries[];
}

/**
 * Sums the timeline's characters per organisation at each point; the people
 * of no organisation (or not named in `people`) make one series of their
 * own, labelled `noOrganisation`.
 */
export function timelineByOrganisation(timeline: ContributionTimeline, noOrganisation: string): TimelineData {
  const points = [...timeline.points].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const organisationOf = new Map(timeline.people.map((person) => [person.userId, person.organisation]));
  const series = new Map<string, TimelineSeries>();
  points.forEach((point, index) => {
    for (const { userId, characters } of point.characters) {
      const organisation = organisationOf.get(userId) ?? null;
      const key = organisation ? `organisation:${organisation.id}` : 'no-organisation';
      let entry = series.get(key);
      if (!entry) {
        entry = { key, label: organisation?.name ?? noOrganisation, color: organisation?.color ?? NONE_COLOR, values: points.map(() => 0) };
        series.set(key, entry);
      }
      entry.values[index] = (entry.values[index] ?? 0) + characters;
    }
  });
  const last = (entry: TimelineSeries) => entry.values.at(-1) ?? 0;
  return {
    times: points.map((point) => point.at),
    series: [...series.values()].sort((a, b) => last(b) - last(a) || a.label.localeCompare(b.label)),
  };
}

/** The timeline chart's measures, in SVG user units; as wide as the contribution chart. */
export const TIMELINE = {
  width: CHART.width,
  padding: CHART.padding,
  /** Room for the title above the plot. */
  header: 40,
  /** Room left of the plot for the characters' scale. */
  axisWidth: 56,
  plotHeight: 200,
  /** Room under the plot for the first and last dates. */
  footer: 28,
  legendRow: 22,
  legendColumns: 3,
  /** A single point is drawn as a column this wide. */
  columnWidth: 24,
} as const;

const plotLeft = TIMELINE.padding + TIMELINE.axisWidth;
const plotRight = TIMELINE.width - TIMELINE.padding;
const plotTop = TIMELINE.padding + TIMELINE.header;
const plotBottom = plotTop + TIMELINE.plotHeight;

export interface TimelineArea {
  key: string;
  color: string;
  /** An SVG path: the series' band, stacked on those before it. */
  path: string;
}

export interface TimelineLegendItem {
  key: string;
  label: string;
  color: string;
  x: number;
  y: number;
}

export interface TimelineLayout {
  areas: TimelineArea[];
  /** The scale's top: the most characters at any point, rounded up. */
  max: number;
  plot: { left: number; right: number; top: number; bottom: number };
  legend: TimelineLegendItem[];
  height: number;
}

/** 1, 2 or 5 times a power of ten, at least `value`: a scale that reads. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

/** Where each moment goes across the plot: by time, or evenly when the moments are all the same. */
function xPositions(times: readonly string[]): number[] {
  const ms = times.map((time) => Date.parse(time));
  const [first, last] = [Math.min(...ms), Math.max(...ms)];
  const width = plotRight - plotLeft;
  if (times.length === 1) return [(plotLeft + plotRight) / 2];
  if (last === first) return ms.map((_, index) => plotLeft + (index / (ms.length - 1)) * width);
  return ms.map((time) => plotLeft + ((time - first) / (last - first)) * width);
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Stacked areas, one per series, the scale and the legend under the plot. */
export function layoutTimeline(data: TimelineData): TimelineLayout {
  const totals = data.times.map((_, index) => data.series.reduce((sum, entry) => sum + (entry.values[index] ?? 0), 0));
  const max = niceCeiling(Math.max(0, ...totals));
  const y = (characters: number) => round(plotBottom - (characters / max) * TIMELINE.plotHeight);
  let xs = xPositions(data.times);
  let indices = data.times.map((_, index) => index);
  if (xs.length === 1) {
    // One moment has no width: drawn as a column, the same point at both its edges.
    const centre = xs[0] ?? plotLeft;
    xs = [centre - TIMELINE.columnWidth / 2, centre + TIMELINE.columnWidth / 2];
    indices = [0, 0];
  }
  const below = indices.map(() => 0);
  const areas = data.series.map((entry): TimelineArea => {
    const lower = [...below];
    indices.forEach((index, at) => {
      below[at] = (below[at] ?? 0) + (entry.values[index] ?? 0);
    });
    const top = xs.map((x, at) => `${round(x)},${y(below[at] ?? 0)}`);
    const bottom = xs.map((x, at) => `${round(x)},${y(lower[at] ?? 0)}`).reverse();
    return { key: entry.key, color: entry.color, path: `M${top.join('L')}L${bottom.join('L')}Z` };
  });
  const legendTop = plotBottom + TIMELINE.footer;
  const columnWidth = (TIMELINE.width - 2 * TIMELINE.padding) / TIMELINE.legendColumns;
  const legend = data.series.map((entry, index) => ({
    key: entry.key,
    label: entry.label,
    color: entry.color,
    x: TIMELINE.padding + (index % TIMELINE.legendColumns) * columnWidth,
    y: legendTop + Math.floor(index / TIMELINE.legendColumns) * TIMELINE.legendRow,
  }));
  const legendRows = Math.ceil(data.series.length / TIMELINE.legendColumns);
  return {
    areas,
    max,
    plot: { left: plotLeft, right: plotRight, top: plotTop, bottom: plotBottom },
    legend,
    height: legendTop + legendRows * TIMELINE.legendRow + TIMELINE.padding,
  };
}

/** A legend's label cut to fit its column, since SVG text does not wrap. */
export function fitLabel(label: string, max = 28): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

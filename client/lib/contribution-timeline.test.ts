import { describe, expect, it } from 'vitest';
import type { ContributionTimeline } from '../../shared/api/versions';
import { NONE_COLOR } from './contribution-chart';
import { fitLabel, layoutTimeline, niceCeiling, TIMELINE, timelineByOrganisation } from './contribution-timeline';

const coop = { id: 'o-1', name: 'Agri Coop', kind: 'farmers_organisation', color: '#2a9d8f' } as const;
const uni = { id: 'o-2', name: 'University of Thiès', kind: 'academic', color: '#264653' } as const;

const timeline: ContributionTimeline = {
  // Out of order on purpose: the chart reads them oldest first.
  points: [
    { at: '2025-03-12T10:00:00Z', characters: [{ userId: 'u-1', characters: 50 }, { userId: 'u-2', characters: 30 }, { userId: 'u-3', characters: 40 }, { userId: 'u-4', characters: 5 }] },
    { at: '2025-03-10T10:00:00Z', characters: [{ userId: 'u-1', characters: 10 }, { userId: 'u-3', characters: 20 }] },
  ],
  people: [
    { userId: 'u-1', name: 'Awa', organisation: coop },
    { userId: 'u-2', name: 'Moussa', organisation: coop },
    { userId: 'u-3', name: 'Diego', organisation: uni },
    { userId: 'u-4', name: 'Guest', organisation: null },
  ],
};

describe('timelineByOrganisation', () => {
  it('sums each organisation’s people at each point, oldest point first, most text at the end first', () => {
    const data = timelineByOrganisation(timeline, 'No organisation');
    expect(data.times).toEqual(['2025-03-10T10:00:00Z', '2025-03-12T10:00:00Z']);
    expect(data.series).toEqual([
      { key: 'organisation:o-1', label: 'Agri Coop', color: '#2a9d8f', values: [10, 80] },
      { key: 'organisation:o-2', label: 'University of Thiès', color: '#264653', values: [20, 40] },
      { key: 'no-organisation', label: 'No organisation', color: NONE_COLOR, values: [0, 5] },
    ]);
  });

  it('counts someone the people list does not name as of no organisation', () => {
    const data = timelineByOrganisation({ points: [{ at: '2025-03-10T10:00:00Z', characters: [{ userId: 'u-9', characters: 7 }] }], people: [] }, 'None');
    expect(data.series).toEqual([{ key: 'no-organisation', label: 'None', color: NONE_COLOR, values: [7] }]);
  });

  it('has no series for an empty timeline', () => {
    expect(timelineByOrganisation({ points: [], people: [] }, 'None')).toEqual({ times: [], series: [] });
  });
});

describe('niceCeiling', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 20, 21, 125, 501, 9000].map(niceCeiling)).toEqual([1, 1, 5, 20, 50, 200, 1000, 10000]);
  });
});

describe('layoutTimeline', () => {
  it('stacks each organisation on those before it, across the plot by time', () => {
    const layout = layoutTimeline(timelineByOrganisation(timeline, 'None'));
    expect(layout.max).toBe(200);
    const { left, right, bottom } = layout.plot;
    const y = (characters: number) => bottom - (characters / 200) * TIMELINE.plotHeight;
    // The first band sits on the axis; the second on the first.
    expect(layout.areas[0]?.path).toBe(`M${left},${y(10)}L${right},${y(80)}L${right},${y(0)}L${left},${y(0)}Z`);
    expect(layout.areas[1]?.path).toBe(`M${left},${y(30)}L${right},${y(120)}L${right},${y(80)}L${left},${y(10)}Z`);
    expect(layout.areas.map((area) => area.color)).toEqual(['#2a9d8f', '#264653', NONE_COLOR]);
  });

  it('draws a single point as a column in the middle', () => {
    const layout = layoutTimeline({ times: ['2025-03-10T10:00:00Z'], series: [{ key: 'k', label: 'K', color: '#000000', values: [5] }] });
    const centre = (layout.plot.left + layout.plot.right) / 2;
    const [l, r] = [centre - TIMELINE.columnWidth / 2, centre + TIMELINE.columnWidth / 2];
    expect(layout.areas[0]?.path).toBe(`M${l},${layout.plot.top}L${r},${layout.plot.top}L${r},${layout.plot.bottom}L${l},${layout.plot.bottom}Z`);
  });

  it('lays the legend out in rows of three, and makes room for them', () => {
    const series = ['a', 'b', 'c', 'd'].map((key) => ({ key, label: key, color: '#000000', values: [1] }));
    const layout = layoutTimeline({ times: ['2025-03-10T10:00:00Z'], series });
    expect(layout.legend.map((item) => item.y)).toEqual([0, 0, 0, 1].map((row) => layout.plot.bottom + TIMELINE.footer + row * TIMELINE.legendRow));
    expect(layout.legend[3]?.x).toBe(layout.legend[0]?.x);
    expect(layout.height).toBe(layout.plot.bottom + TIMELINE.footer + 2 * TIMELINE.legendRow + TIMELINE.padding);
  });
});

describe('fitLabel', () => {
  it('cuts a long name with an ellipsis and leaves a short one alone', () => {
    expect(fitLabel('Agri Coop')).toBe('Agri Coop');
    expect(fitLabel('Universidad Nacional Agraria La Molina', 12)).toBe('Universidad…');
  });
});

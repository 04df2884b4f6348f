import { describe, expect, it } from 'vitest';
import type { ContributionMap } from '../../shared/api/attribution';
import { barSpace, CHART, isEmptyMap, kindColor, kindRows, layoutChart, METRICS, NONE_COLOR, organisationRows, shareOf } from './contribution-chart';

const coop = { id: 'o-1', name: 'Agri Coop', kind: 'farmers_organisation', color: '#2a9d8f' } as const;
const uni = { id: 'o-2', name: 'University of Thiès', kind: 'academic', color: '#264653' } as const;

const map: ContributionMap = {
  totals: { characters: 100, edits: 10, messages: 4, notes: 0, organisations: 2, stakeholderKinds: 2 },
  byOrganisation: [
    { organisation: uni, characters: 20, edits: 5, messages: 0, notes: 0 },
    { organisation: null, characters: 0, edits: 1, messages: 1, notes: 0 },
    { organisation: coop, characters: 80, edits: 4, messages: 3, notes: 0 },
  ],
  byStakeholderKind: [
    { kind: 'academic', characters: 20, edits: 5, messages: 0, notes: 0 },
    { kind: 'farmers_organisation', characters: 80, edits: 4, messages: 3, notes: 0 },
    { kind: null, characters: 0, edits: 1, messages: 1, notes: 0 },
  ],
  byPerson: [],
};

describe('shareOf', () => {
  it('is a fraction, kept between 0 and 1, and 0 of nothing', () => {
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(0, 0)).toBe(0);
    expect(shareOf(5, 4)).toBe(1);
  });
});

describe('organisationRows and kindRows', () => {
  it('puts the most text first, naming those of no organisation', () => {
    const rows = organisationRows(map, 'No organisation');
    expect(rows.map((row) => [row.key, row.label, row.color])).toEqual([
      ['organisation:o-1', 'Agri Coop', '#2a9d8f'],
      ['organisation:o-2', 'University of Thiès', '#264653'],
      ['no-organisation', 'No organisation', NONE_COLOR],
    ]);
  });

  it('names and colours the kinds', () => {
    const rows = kindRows(map, (kind) => kind ?? 'none');
    expect(rows.map((row) => row.label)).toEqual(['farmers_organisation', 'academic', 'none']);
    expect(rows[0]?.color).toBe(kindColor('farmers_organisation'));
    expect(kindColor('academic')).not.toBe(kindColor('farmers_organisation'));
  });
});

describe('layoutChart', () => {
  const rows = organisationRows(map, 'No organisation');
  const layout = layoutChart([{ id: 'organisations', rows }], map.totals);

  it('draws a group of bars per metric, each as long as its share', () => {
    const [block] = layout.blocks;
    expect(block?.groups.map((group) => group.metric)).toEqual([...METRICS]);
    const characters = block?.groups[0]?.bars ?? [];
    expect(characters.map((bar) => bar.share)).toEqual([0.8, 0.2, 0]);
    expect(characters[0]?.width).toBeCloseTo(0.8 * barSpace);
    expect(block?.groups[2]?.bars.map((bar) => bar.value)).toEqual([3, 0, 1]);
  });

  it('never overlaps two bars and makes room for all of them', () => {
    const bars = layout.blocks.flatMap((block) => block.groups.flatMap((group) => group.bars));
    for (let index = 1; index < bars.length; index++) {
      expect(bars[index]!.y).toBeGreaterThanOrEqual(bars[index - 1]!.y + CHART.barHeight);
    }
    expect(layout.height).toBeGreaterThan(bars[bars.length - 1]!.y + CHART.barHeight);
  });
});

it('isEmptyMap tells when nobody has contributed', () => {
  expect(isEmptyMap(map)).toBe(false);
  expect(isEmptyMap({ ...map, totals: { characters: 0, edits: 0, messages: 0, notes: 0, organisations: 0, stakeholderKinds: 0 } })).toBe(true);
});

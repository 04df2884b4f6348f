import { describe, expect, it } from 'vitest';
import type { Project } from '../../shared/api';
import { groupByProgramme } from './programmes';

const project = (id: string, programme: string) => ({ id, programme }) as Project;

describe('groupByProgramme', () => {
  it('gathers projects by programme, named ones alphabetically first, keeping the list order within each', () => {
    const groups = groupByProgramme(
      [project('a', 'Sahel water'), project('b', ''), project('c', 'Andes soils'), project('d', 'Sahel water'), project('e', '')],
      'en',
    );
    expect(groups.map((g) => [g.programme, g.projects.map((p) => p.id)])).toEqual([
      ['Andes soils', ['c']],
      ['Sahel water', ['a', 'd']],
      ['', ['b', 'e']],
    ]);
  });

  it('sorts programme names as the reader’s language does', () => {
    const groups = groupByProgramme([project('a', 'Zona'), project('b', 'Équité'), project('c', 'Eau')], 'fr');
    expect(groups.map((g) => g.programme)).toEqual(['Eau', 'Équité', 'Zona']);
  });

  it('is one group of stand-alone projects when none names a programme', () => {
    expect(groupByProgramme([project('a', ''), project('b', '')], 'en')).toEqual([
      { programme: '', projects: [project('a', ''), project('b', '')] },
    ]);
  });
});

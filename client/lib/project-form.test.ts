import { describe, expect, it } from 'vitest';
import type { Project } from '../../shared/api';
import { projectFormValues, projectInputFrom } from './project-form';

const filled = {
  ...projectFormValues(),
  title: '  Drip irrigation pilots ',
  programme: ' Sahel water ',
  themes: 'water, soil;  water ',
};

describe('projectInputFrom', () => {
  it('builds the API input: trimmed, themes split, empty dates as null', () => {
    expect(projectInputFrom({ ...filled, countries: ['SN', 'ML'] })).toEqual({
      ok: true,
      input: {
        title: 'Drip irrigation pilots',
        programme: 'Sahel water',
        summary: '',
        countries: ['SN', 'ML'],
        themes: ['water', 'soil'],
        startsOn: null,
        endsOn: null,
        status: 'active',
      },
    });
  });

  it('requires a title', () => {
    const result = projectInputFrom({ ...filled, title: '   ' });
    expect(result.ok === false && [...result.problems]).toEqual(['title']);
  });

  it('refuses an end before the start', () => {
    const result = projectInputFrom({ ...filled, startsOn: '2025-06-01', endsOn: '2025-05-31' });
    expect(result.ok === false && [...result.problems]).toEqual(['dates']);
    expect(projectInputFrom({ ...filled, startsOn: '2025-06-01', endsOn: '2025-06-01' }).ok).toBe(true);
  });

  it('refuses a programme name over 120 characters', () => {
    const result = projectInputFrom({ ...filled, programme: 'p'.repeat(121) });
    expect(result.ok === false && [...result.problems]).toEqual(['programme']);
  });

  it('refuses a theme over the length limit', () => {
    const result = projectInputFrom({ ...filled, themes: 'x'.repeat(61) });
    expect(result.ok === false && [...result.problems]).toEqual(['themes']);
  });
});

describe('projectFormValues', () => {
  it('fills the form from a project, themes as one line', () => {
    const project = {
      title: 'T',
      programme: 'P',
      summary: 'S',
      countries: ['PE'],
      themes: ['a', 'b'],
      startsOn: '2025-01-01',
      endsOn: null,
      status: 'planned',
    } as Project;
    expect(projectFormValues(project)).toEqual({
      title: 'T',
      programme: 'P',
      summary: 'S',
      countries: ['PE'],
      themes: 'a, b',
      startsOn: '2025-01-01',
      endsOn: '',
      status: 'planned',
    });
  });
});

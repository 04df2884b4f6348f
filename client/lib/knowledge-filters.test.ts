import { describe, expect, it } from 'vitest';
import type { ContributorOrganisation, DocumentSummary } from '../../shared/api';
import {
  CLEARED,
  countKinds,
  countStatuses,
  filtersFromQuery,
  hasFilters,
  labelsOf,
  NO_FILTERS,
  organisationsOf,
  queryOfFilters,
  selectDocuments,
  type KnowledgeFilters,
} from './knowledge-filters';

const jappo: ContributorOrganisation = { id: 'org-jappo', name: 'Jappo NGO', kind: 'ngo', color: '#0f5257' };
const campo: ContributorOrganisation = { id: 'org-campo', name: 'Universidad del Campo', kind: 'academic', color: '#b45309' };

function summary(id: string, fields: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id,
    projectId: 'project-1',
    title: id,
    kind: 'free',
    status: 'draft',
    statusChange: null,
    language: 'en',
    themes: [],
    tags: [],
    contributors: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...fields,
  };
}

const documents = [
  summary('note', {
    title: 'Drip irrigation in Kaolack',
    kind: 'capitalisation',
    status: 'published',
    themes: ['Water'],
    tags: ['drip'],
    contributors: [jappo, campo],
    updatedAt: '2025-03-01T10:00:00.000Z',
  }),
  summary('lesson', {
    title: 'à propos des semences',
    kind: 'lessons',
    status: 'in_review',
    themes: ['Seeds'],
    tags: ['Water'],
    contributors: [campo],
    updatedAt: '2025-03-03T10:00:00.000Z',
  }),
  summary('finding', {
    title: 'Soil samples',
    kind: 'field_finding',
    status: 'draft',
    tags: ['soil', 'drip'],
    contributors: [jappo],
    updatedAt: '2025-03-02T10:00:00.000Z',
  }),
  summary('untitled', { title: '', kind: 'capitalisation', status: 'validated', updatedAt: '2025-02-01T10:00:00.000Z' }),
];

const ids = (list: readonly DocumentSummary[]) => list.map((document) => document.id);
const filters = (change: Partial<KnowledgeFilters>): KnowledgeFilters => ({ ...NO_FILTERS, ...change });

describe('filters in the URL', () => {
  it('reads the filters a shared link asks for', () => {
    expect(filtersFromQuery({ kind: 'lessons', status: 'published', tag: 'Water', org: 'org-jappo', sort: 'title' })).toEqual({
      kind: 'lessons',
      status: 'published',
      label: 'Water',
      organisation: 'org-jappo',
      sort: 'title',
    });
  });

  it('ignores values it does not know, empty ones, and repeats after the first', () => {
    expect(filtersFromQuery({ kind: 'memo', status: '', sort: 'random', tag: ['Seeds', 'Water'] })).toEqual(
      filters({ label: 'Seeds' }),
    );
    expect(filtersFromQuery({})).toEqual(NO_FILTERS);
  });

  it('writes only what changed, and removes names set back to their default', () => {
    expect(queryOfFilters({ kind: 'trial_log' })).toEqual({ kind: 'trial_log' });
    expect(queryOfFilters({ ...CLEARED, sort: 'activity' })).toEqual({ kind: null, status: null, tag: null, org: null, sort: null });
    expect(queryOfFilters({ label: 'Water', sort: 'status' })).toEqual({ tag: 'Water', sort: 'status' });
  });

  it('round-trips every filter', () => {
    const chosen = filters({ kind: 'field_finding', status: 'validated', label: 'soil', organisation: 'org-campo', sort: 'kind' });
    const query = Object.fromEntries(Object.entries(queryOfFilters(chosen)).map(([name, value]) => [name, value ?? undefined]));
    expect(filtersFromQuery(query)).toEqual(chosen);
  });

  it('tells whether anything is filtered, whatever the sort order', () => {
    expect(hasFilters(filters({ sort: 'title' }))).toBe(false);
    expect(hasFilters(filters({ organisation: 'org-jappo' }))).toBe(true);
  });
});

describe('selecting documents', () => {
  it('shows everything, most recent activity first, when nothing is filtered', () => {
    expect(ids(selectDocuments(documents, NO_FILTERS, 'en'))).toEqual(['lesson', 'finding', 'note', 'untitled']);
  });

  it('filters by kind, status and organisation', () => {
    expect(ids(selectDocuments(documents, filters({ kind: 'capitalisation' }), 'en'))).toEqual(['note', 'untitled']);
    expect(ids(selectDocuments(documents, filters({ status: 'draft' }), 'en'))).toEqual(['finding']);
    expect(ids(selectDocuments(documents, filters({ organisation: 'org-campo' }), 'en'))).toEqual(['lesson', 'note']);
  });

  it('finds a label whether it was filed as a theme or a tag', () => {
    expect(ids(selectDocuments(documents, filters({ label: 'Water' }), 'en'))).toEqual(['lesson', 'note']);
    expect(ids(selectDocuments(documents, filters({ label: 'drip' }), 'en'))).toEqual(['finding', 'note']);
  });

  it('combines filters', () => {
    expect(ids(selectDocuments(documents, filters({ label: 'drip', organisation: 'org-campo' }), 'en'))).toEqual(['note']);
    expect(selectDocuments(documents, filters({ kind: 'trial_log', label: 'drip' }), 'en')).toEqual([]);
  });

  it('sorts by title in the reader’s alphabet, untitled documents last', () => {
    expect(ids(selectDocuments(documents, filters({ sort: 'title' }), 'fr'))).toEqual(['lesson', 'note', 'finding', 'untitled']);
  });

  it('sorts by kind in the templates’ order, then by activity', () => {
    expect(ids(selectDocuments(documents, filters({ sort: 'kind' }), 'en'))).toEqual(['note', 'untitled', 'lesson', 'finding']);
  });

  it('sorts the most advanced status first', () => {
    expect(ids(selectDocuments(documents, filters({ sort: 'status' }), 'en'))).toEqual(['note', 'untitled', 'lesson', 'finding']);
  });

  it('leaves the given list as it was', () => {
    const before = ids(documents);
    selectDocuments(documents, filters({ sort: 'title' }), 'en');
    expect(ids(documents)).toEqual(before);
  });
});

describe('counts', () => {
  it('counts each kind and status, zero included', () => {
    expect(countKinds(documents, NO_FILTERS)).toEqual({ capitalisation: 2, lessons: 1, field_finding: 1, trial_log: 0, free: 0, workshop: 0 });
    expect(countStatuses(documents, NO_FILTERS)).toEqual({ draft: 1, in_review: 1, validated: 1, published: 1 });
  });

  it('counts what choosing each would show, the other filters kept', () => {
    const drip = filters({ label: 'drip', kind: 'capitalisation', status: 'draft' });
    expect(countKinds(documents, drip)).toEqual({ capitalisation: 0, lessons: 0, field_finding: 1, trial_log: 0, free: 0, workshop: 0 });
    expect(countStatuses(documents, drip)).toEqual({ draft: 0, in_review: 0, validated: 0, published: 1 });
  });
});

describe('what can be filtered on', () => {
  it('offers every theme and tag once, alphabetically', () => {
    expect(labelsOf(documents, 'en')).toEqual(['drip', 'Seeds', 'soil', 'Water']);
  });

  it('offers every contributing organisation once, by name', () => {
    expect(organisationsOf(documents, 'en')).toEqual([jappo, campo]);
    expect(organisationsOf([], 'en')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Organisation, Project } from '../../shared/api';
import {
  CLEARED_SEARCH_FILTERS,
  hasSearchFilters,
  NO_SEARCH,
  partnersOf,
  queryOfSearch,
  searchFromQuery,
  searchPath,
  searchRequest,
  type SearchFilters,
} from './search-filters';

const everything: SearchFilters = {
  q: 'évaluation paysanne',
  projectId: 'p1',
  kind: 'capitalisation',
  status: 'published',
  tag: 'Water',
  organisationId: 'org-1',
  language: 'fr',
  from: '2025-01-01',
  to: '2025-12-31',
};

/** The query the router gives for a URL: what the page reads after following a link. */
function routerQuery(path: string): Record<string, string> {
  return Object.fromEntries(new URL(path, 'http://localhost').searchParams);
}

describe('searchFromQuery', () => {
  it('reads every filter under its short name', () => {
    expect(
      searchFromQuery({
        q: 'évaluation paysanne',
        project: 'p1',
        kind: 'capitalisation',
        status: 'published',
        tag: 'Water',
        org: 'org-1',
        lang: 'fr',
        from: '2025-01-01',
        to: '2025-12-31',
      }),
    ).toEqual(everything);
  });

  it('treats what it does not know as no filter', () => {
    expect(
      searchFromQuery({ kind: 'memo', status: '', lang: 'de', from: '2025-02-30', to: 'yesterday', tag: '  ', project: ['', 'p2'] }),
    ).toEqual(NO_SEARCH);
  });

  it('takes the first of repeated names', () => {
    expect(searchFromQuery({ q: ['seeds', 'water'], kind: ['lessons', 'free'] })).toMatchObject({ q: 'seeds', kind: 'lessons' });
  });
});

describe('queryOfSearch', () => {
  it('names each change, and removes "any" and blank words from the URL', () => {
    expect(queryOfSearch({ kind: 'trial_log', projectId: null, q: '   ' })).toEqual({ kind: 'trial_log', project: null, q: null });
  });

  it('clears every filter but not the words', () => {
    expect(queryOfSearch(CLEARED_SEARCH_FILTERS)).toEqual({
      project: null,
      kind: null,
      status: null,
      tag: null,
      org: null,
      lang: null,
      from: null,
      to: null,
    });
  });
});

describe('searchPath', () => {
  it('is the results page for the words alone', () => {
    expect(searchPath({ q: 'capitalización & co' })).toBe('/search?q=capitalizaci%C3%B3n+%26+co');
    expect(searchPath({})).toBe('/search');
  });

  it('round-trips through the URL: a shared link gives the same search', () => {
    const path = searchPath(everything);
    expect(path).toBe(
      '/search?q=%C3%A9valuation+paysanne&project=p1&kind=capitalisation&status=published&tag=Water&org=org-1&lang=fr&from=2025-01-01&to=2025-12-31',
    );
    expect(searchFromQuery(routerQuery(path))).toEqual(everything);
    expect(searchFromQuery(routerQuery(searchPath({ q: 'x', kind: 'lessons' })))).toEqual({ ...NO_SEARCH, q: 'x', kind: 'lessons' });
  });
});

describe('searchRequest', () => {
  it('asks with the trimmed words and only the chosen filters, under the API’s names', () => {
    expect(searchRequest({ ...NO_SEARCH, q: '  agua  ', language: 'es', to: '2025-06-30' }, 20)).toEqual({
      q: 'agua',
      language: 'es',
      to: '2025-06-30',
      limit: 20,
    });
    expect(searchRequest(everything, 5)).toEqual({ ...everything, q: 'évaluation paysanne', limit: 5 });
  });

  it('asks nothing without words', () => {
    expect(searchRequest({ ...everything, q: '   ' }, 20)).toBeNull();
  });

  it('cuts words longer than the server takes', () => {
    expect(searchRequest({ ...NO_SEARCH, q: 'a'.repeat(500) }, 20)?.q).toHaveLength(200);
  });
});

describe('hasSearchFilters', () => {
  it('counts filters, not words', () => {
    expect(hasSearchFilters({ ...NO_SEARCH, q: 'x' })).toBe(false);
    expect(hasSearchFilters({ ...NO_SEARCH, from: '2025-01-01' })).toBe(true);
  });
});

describe('partnersOf', () => {
  const organisation = (id: string, name: string) => ({ id, name }) as Organisation;
  const project = (id: string, partners: Organisation[]) => ({ id, partners }) as Project;
  const projects = [
    project('p1', [organisation('o2', 'Université de Thiès'), organisation('o1', 'FONGS')]),
    project('p2', [organisation('o1', 'FONGS'), organisation('o3', 'Asociación Andina')]),
  ];

  it('lists the partners of all my projects once each, by name', () => {
    expect(partnersOf(projects, null, 'fr').map((o) => o.id)).toEqual(['o3', 'o1', 'o2']);
  });

  it('lists only the chosen project’s partners', () => {
    expect(partnersOf(projects, 'p2', 'fr').map((o) => o.id)).toEqual(['o3', 'o1']);
    expect(partnersOf(projects, 'elsewhere', 'fr')).toEqual([]);
  });
});

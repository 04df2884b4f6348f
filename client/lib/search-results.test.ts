import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S, type SearchResult } from '../../shared/api';
import { appendResults, resultKey, resultPath, snippetSegments } from './search-results';

function result(change: Partial<SearchResult> = {}): SearchResult {
  return {
    kind: 'document',
    documentId: 'd1',
    itemId: null,
    documentTitle: 'Évaluation de la capitalisation',
    documentKind: 'capitalisation',
    documentStatus: 'draft',
    projectId: 'p1',
    projectTitle: 'Sahel',
    language: 'fr',
    updatedAt: '2025-03-03T10:00:00.000Z',
    snippet: '',
    ...change,
  };
}

describe('snippetSegments', () => {
  it('splits a snippet into plain and matched runs', () => {
    expect(snippetSegments(`…l’${S}évaluation${E} de la ${S}capitalisation${E} des…`)).toEqual([
      { text: '…l’', match: false },
      { text: 'évaluation', match: true },
      { text: ' de la ', match: false },
      { text: 'capitalisation', match: true },
      { text: ' des…', match: false },
    ]);
  });

  it('gives one plain run for a snippet without markers, and nothing for an empty one', () => {
    expect(snippetSegments('no match here')).toEqual([{ text: 'no match here', match: false }]);
    expect(snippetSegments('')).toEqual([]);
  });

  it('handles matches at both ends and side by side', () => {
    expect(snippetSegments(`${S}agua${E}${S}s${E} limpias ${S}hoy${E}`)).toEqual([
      { text: 'aguas', match: true },
      { text: ' limpias ', match: false },
      { text: 'hoy', match: true },
    ]);
  });

  it('marks to the end after an unclosed start, drops a stray end and empty marks', () => {
    expect(snippetSegments(`a${E}b ${S}${E}c ${S}d`)).toEqual([
      { text: 'ab c ', match: false },
      { text: 'd', match: true },
    ]);
  });

  it('shows the breaks between paragraphs and headings on one line', () => {
    expect(snippetSegments(`Qué pasó\nLa lección \n La ${S}capitalización${E}`)).toEqual([
      { text: 'Qué pasó · La lección · La ', match: false },
      { text: 'capitalización', match: true },
    ]);
  });

  it('keeps markup-looking text as text: it is never HTML', () => {
    expect(snippetSegments(`<b>${S}x${E}</b>`)).toEqual([
      { text: '<b>', match: false },
      { text: 'x', match: true },
      { text: '</b>', match: false },
    ]);
  });
});

describe('resultPath', () => {
  it('opens an annotation at its thread', () => {
    expect(resultPath(result({ kind: 'annotation', documentId: 'd 1', itemId: 't1' }))).toBe('/d/d%201#thread-t1');
  });

  it('opens the document for the document itself, a trial entry and a workshop note', () => {
    expect(resultPath(result())).toBe('/d/d1');
    expect(resultPath(result({ kind: 'trial_entry', itemId: 'e1' }))).toBe('/d/d1');
    expect(resultPath(result({ kind: 'workshop_note', itemId: 'n1' }))).toBe('/d/d1');
  });
});

describe('appendResults', () => {
  it('appends the next page, leaving out what is already shown', () => {
    const first = [result(), result({ kind: 'trial_entry', itemId: 'e1' })];
    const next = [result({ kind: 'trial_entry', itemId: 'e1' }), result({ kind: 'annotation', itemId: 't1' })];
    expect(appendResults(first, next).map(resultKey)).toEqual(['document:d1:', 'trial_entry:d1:e1', 'annotation:d1:t1']);
  });
});

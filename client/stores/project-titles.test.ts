import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/api';
import { matchTitles } from './project-titles';

const doc = (id: string, title: string, updatedAt: string): DocumentSummary => ({
  id,
  projectId: 'p',
  title,
  kind: 'free',
  status: 'draft',
  statusChange: null,
  language: 'es',
  themes: [],
  tags: [],
  contributors: [],
  createdAt: updatedAt,
  updatedAt,
});

describe('matchTitles', () => {
  const documents = [
    doc('a', 'Evaluación del riego', '2026-11-01T00:00:00Z'),
    doc('b', 'Capitalisation: zaï', '2026-11-03T00:00:00Z'),
    doc('c', 'Note de capitalisation', '2026-11-02T00:00:00Z'),
  ];

  it('finds titles whatever the accents and case typed', () => {
    expect(matchTitles(documents, 'evaluacion', 'x').map((d) => d.id)).toEqual(['a']);
    expect(matchTitles(documents, 'ZAI', 'x').map((d) => d.id)).toEqual(['b']);
  });

  it('puts the most recently active first, and leaves out the document being written', () => {
    expect(matchTitles(documents, 'capitalisation', 'x').map((d) => d.id)).toEqual(['b', 'c']);
    expect(matchTitles(documents, '', 'b').map((d) => d.id)).toEqual(['c', 'a']);
  });
});

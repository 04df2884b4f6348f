import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Thread } from '../../shared/annotations/discussion';
import type { ContributionMap } from '../../shared/api';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { addTrialEntry, setTrialOutcome, trialText } from '../../shared/knowledge/trial-log';
import { type ExportSource, exportModel } from './export-model';
import { heading, list, paragraph } from './test-fixtures';
import { elementsFromTree } from './to-ydoc';
import type { Block } from './tree';

const ngo = { id: 'org1', name: 'ONG Jappoo', kind: 'ngo' as const, color: '#0f766e' };
const university = { id: 'org2', name: 'Université de Thiès', kind: 'academic' as const, color: '#7c3aed' };
const share = (characters: number) => ({ characters, edits: 1, messages: 0, notes: 0 });
const contributions: ExportSource['contributions'] = {
  totals: { ...share(100), organisations: 2, stakeholderKinds: 2 },
  byOrganisation: [
    { organisation: ngo, ...share(75) },
    { organisation: university, ...share(25) },
  ],
  byPerson: [
    { userId: 'u1', name: 'Awa Ndiaye', organisationId: 'org1', ...share(75) },
    { userId: 'u2', name: 'Bakary Diallo', organisationId: 'org2', ...share(25) },
  ],
} satisfies Pick<ContributionMap, 'totals' | 'byOrganisation' | 'byPerson'>;

function contentOf(blocks: Block[]): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment(YDOC_CONTENT).insert(0, elementsFromTree(blocks));
  return doc;
}

function source(overrides: Partial<ExportSource> & Pick<ExportSource, 'content'>): ExportSource {
  return {
    document: {
      id: 'doc1',
      title: 'Semis précoce',
      kind: 'capitalisation',
      status: 'validated',
      statusChange: { byName: 'Awa Ndiaye', at: '2025-03-03T10:00:00.000Z' },
      language: 'fr',
      themes: ['Agroécologie'],
      tags: [],
      createdAt: '2025-01-15T10:00:00.000Z',
      updatedAt: '2025-03-01T10:00:00.000Z',
    },
    project: { title: 'Résilience au Sahel', programme: 'Sahel vert' },
    contributions,
    threads: null,
    exportedAt: new Date('2025-03-10T10:00:00Z'),
    documentUrl: (id) => `https://ensemble.example.org/d/${id}`,
    ...overrides,
  };
}

describe('the model every format sets', () => {
  it('opens with a title page in the document’s language: project, status and who moved it, dates, organisations with their share, people', () => {
    const model = exportModel(source({ content: contentOf([]) }));
    expect(model.kind).toBe('Fiche de capitalisation');
    expect(model.facts).toEqual([
      { label: 'Projet', value: 'Résilience au Sahel — Programme: Sahel vert' },
      { label: 'Statut', value: 'Validé, par Awa Ndiaye, le 3 mars 2025' },
      { label: 'Créé le', value: '15 janvier 2025' },
      { label: 'Dernière activité', value: '1 mars 2025' },
      { label: 'Organisations contributrices', value: 'ONG Jappoo (75\u00a0%), Université de Thiès (25\u00a0%)' },
      { label: 'Contributeurs et contributrices', value: 'Awa Ndiaye (ONG Jappoo), Bakary Diallo (Université de Thiès)' },
      { label: 'Thèmes', value: 'Agroécologie' },
      { label: 'Exporté le', value: '10 mars 2025' },
    ]);
    expect(model.frontMatter).toMatchObject({ title: 'Semis précoce', kind: 'capitalisation', status: 'validated', language: 'fr', organisations: ['ONG Jappoo', 'Université de Thiès'] });
  });

  it('lists the points of a capitalisation note’s lessons section as its lessons, up to the next section', () => {
    const content = contentOf([
      heading(2, 'Analyse', 'analysis'),
      paragraph('Pas une leçon'),
      heading(2, 'Leçons apprises', 'lessons'),
      paragraph(''),
      paragraph('Semer tôt paie.'),
      list(false, [[paragraph('Pailler garde   l’humidité')], [paragraph('Former les  paysans relais')]]),
      heading(3, 'Détail', null),
      paragraph('Aussi ceci'),
      heading(2, 'Recommandations', 'recommendations'),
      paragraph('Pas une leçon non plus'),
    ]);
    expect(exportModel(source({ content })).lessons).toEqual({
      heading: 'Leçons apprises',
      items: ['Semer tôt paie.', 'Pailler garde l’humidité', 'Former les paysans relais', 'Aussi ceci'],
    });
    expect(exportModel(source({ content: contentOf([paragraph('Rien')]) })).lessons).toBeNull();
  });

  it('numbers annotations in the order of their words, detached ones after, each with its messages', () => {
    const content = contentOf([paragraph('Le sorgho résiste à la sécheresse.')]);
    const text = (content.getXmlFragment(YDOC_CONTENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const at = (index: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, -1))).toString('base64');
    const author = { userId: 'u1', name: 'Awa Ndiaye', organisationId: 'org1', organisationName: 'ONG Jappoo', organisationColor: '#000' };
    const thread = (id: string, createdAt: number, end: string, extra: Partial<Thread> = {}): Thread => ({
      id,
      kind: 'question',
      anchor: { start: end, end },
      quote: id,
      citation: null,
      suggestion: null,
      status: 'open',
      statusChange: null,
      createdAt,
      messages: [{ id: `${id}-m`, author, body: `Sur ${id}`, mentions: [], createdAt: Date.UTC(2025, 2, 3), editedAt: null, deleted: false }],
      ...extra,
    });
    const threads = [
      thread('sécheresse', 1, at(33), { kind: 'evidence', citation: { text: 'Rapport FAO', url: 'https://fao.org' } }),
      thread('sorgho', 2, at(9), { status: 'resolved' }),
      thread('détaché', 0, 'not a position'),
    ];
    const model = exportModel(source({ content, threads }));
    expect(model.blocks).toEqual([paragraph('Le sorgho', { type: 'noteRef', note: 1 }, ' résiste à la sécheresse', { type: 'noteRef', note: 2 }, '.')]);
    expect(model.notes?.items.map((n) => [n.number, n.quote, n.label, n.details])).toEqual([
      [1, 'sorgho', 'Question · Résolu', []],
      [2, 'sécheresse', 'Preuve ou source · Ouvert', ['Source: Rapport FAO — https://fao.org']],
      [3, 'détaché', 'Question · Ouvert', []],
    ]);
    expect(model.notes?.items[0]?.messages).toEqual([{ author: 'Awa Ndiaye (ONG Jappoo)', date: '3 mars 2025', body: 'Sur sorgho' }]);
    expect(exportModel(source({ content })).notes).toBeNull();
  });

  it('sets a trial-and-error log’s entries after its text, and their learnings as its lessons', () => {
    const content = contentOf([heading(2, 'Purpose', 'purpose')]);
    const id = addTrialEntry(content, { date: '2025-02-10' });
    trialText(content, id, 'tried')!.insert(0, 'Semis en poquets\nsur 2 ha');
    trialText(content, id, 'learned')!.insert(0, 'Les poquets   retiennent l’eau');
    setTrialOutcome(content, id, 'worked');
    const model = exportModel(source({ content, document: { ...source({ content }).document, kind: 'trial_log', language: 'en' } }));
    expect(model.lessons?.items).toEqual(['Les poquets retiennent l’eau']);
    expect(model.blocks).toEqual([
      heading(2, 'Purpose', 'purpose'),
      heading(2, 'Trials'),
      heading(3, 'February 10, 2025 — Semis en poquets'),
      paragraph({ type: 'text', text: 'What we tried: ', marks: ['bold'], href: null }, 'Semis en poquets', { type: 'break' }, 'sur 2 ha'),
      paragraph({ type: 'text', text: 'What we learned: ', marks: ['bold'], href: null }, 'Les poquets   retiennent l’eau'),
      paragraph({ type: 'text', text: 'Outcome: ', marks: ['bold'], href: null }, 'Worked'),
    ]);
  });
});

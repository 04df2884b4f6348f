import type { ExportModel } from './export-model';
import { type Block, type Inline, type Mark, type TableCell, text } from './tree';

/** Trees and models the transfer tests share: every structure an export and an import keep. */

const inlines = (parts: Array<string | Inline>): Inline[] => parts.map((p) => (typeof p === 'string' ? text(p) : p));
export const paragraph = (...parts: Array<string | Inline>): Block => ({ type: 'paragraph', content: inlines(parts) });
export const heading = (level: number, words: string, section: string | null = null): Block => ({ type: 'heading', level, section, content: [text(words)] });
export const list = (ordered: boolean, items: Block[][], start = 1): Block => ({ type: 'list', ordered, start, items });
export const cell = (words: string, header = false): TableCell => ({ header, content: [paragraph(words)] });
export const marked = (words: string, ...marks: Mark[]) => text(words, marks);
export const link = (words: string, href: string) => text(words, [], href);

/** Headings, paragraphs with every mark, links and a line break, nested and numbered lists, a table, a quote, code and a rule. */
export const SAMPLE_BLOCKS: Block[] = [
  heading(2, 'Contexte et acteurs'),
  paragraph('Le ', marked('sorgho', 'bold'), ' résiste ', marked('bien mieux', 'bold', 'italic'), ' à la ', marked('sécheresse', 'italic'), ' ; voir ', link('le rapport', 'https://example.org/rapport?a=1'), '.'),
  paragraph('Première ligne', { type: 'break' }, 'seconde ligne avec ', marked('code', 'code'), ' et ', marked('barré', 'strike'), '.'),
  list(false, [[paragraph('Semis précoce')], [paragraph('Paillage'), list(false, [[paragraph('paille de mil')], [paragraph('tiges de maïs')]])]]),
  heading(3, 'Étapes'),
  list(true, [[paragraph('Préparer le sol')], [paragraph('Semer')]]),
  { type: 'table', rows: [[cell('Site', true), cell('Rendement', true)], [cell('Thiès'), cell('1,2 t/ha')], [cell('Kaolack'), cell('0,9 t/ha')]] },
  { type: 'blockquote', content: [paragraph('Nous avons semé plus tôt cette année.')] },
  { type: 'code', text: 'rendement = récolte / surface\n  # en t/ha' },
  { type: 'rule' },
  paragraph('Fin * des _ notes [1] # ok'),
];

export function sampleModel(overrides: Partial<ExportModel> = {}): ExportModel {
  return {
    language: 'fr',
    title: 'Semis précoce du sorgho à Thiès',
    kind: 'Fiche de capitalisation',
    facts: [
      { label: 'Projet', value: 'Résilience au Sahel' },
      { label: 'Statut', value: 'Validé, par Awa Ndiaye, le 3 mars 2025' },
      { label: 'Organisations contributrices', value: 'ONG Jappoo (70 %), Université de Thiès (30 %)' },
    ],
    lessons: { heading: 'Leçons apprises', items: ['Semer tôt paie', 'Le paillage garde l’humidité'] },
    blocks: SAMPLE_BLOCKS,
    notes: null,
    frontMatter: { title: 'Semis précoce du sorgho à Thiès', kind: 'capitalisation', language: 'fr', organisations: ['ONG Jappoo', 'Université de Thiès'] },
    documentUrl: (id) => `https://ensemble.example.org/d/${id}`,
    ...overrides,
  };
}

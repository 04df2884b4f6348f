import * as Y from 'yjs';
import type { Thread } from '../../shared/annotations/discussion';
import type { ContributionMap, DocumentSummary } from '../../shared/api';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { listTrialEntries, TRIAL_TEXT_FIELDS, type TrialEntry } from '../../shared/knowledge/trial-log';
import type { Language } from '../../shared/roles';
import { treeFromFragment, type NoteAnchor } from './from-ydoc';
import { EXPORT_LABELS, type ExportLabels } from './labels';
import { type Block, linesOf, points, sectionBlocks, text } from './tree';

/**
 * A document as every format sets it: a title page (title, kind, the
 * project, status, dates, who contributed, the lessons), the text as the
 * export tree, and the annotations as numbered notes. Built once from what
 * the server holds; each renderer only lays it out.
 */
export interface ExportModel {
  language: Language;
  title: string;
  kind: string;
  facts: Array<{ label: string; value: string }>;
  lessons: { heading: string; items: string[] } | null;
  blocks: Block[];
  notes: { heading: string; items: ExportNote[] } | null;
  /** What the Markdown export writes in its front matter, and its importer reads back. */
  frontMatter: Record<string, string | string[]>;
  /** Where another document of the platform opens, for links to it. */
  documentUrl(documentId: string): string;
}

export interface ExportNote {
  number: number;
  /** The annotated words. */
  quote: string;
  /** Its kind and status, e.g. "Question · Resolved". */
  label: string;
  /** A source's reference, a suggestion's words. */
  details: string[];
  messages: Array<{ author: string; date: string; body: string }>;
}

export interface ExportSource {
  document: Pick<DocumentSummary, 'id' | 'title' | 'kind' | 'status' | 'statusChange' | 'language' | 'themes' | 'tags' | 'createdAt' | 'updatedAt'>;
  project: { title: string; programme: string };
  contributions: Pick<ContributionMap, 'byOrganisation' | 'byPerson' | 'totals'>;
  content: Y.Doc;
  /** The discussion's threads, to set as notes; null leaves the annotations out. */
  threads: Thread[] | null;
  exportedAt: Date;
  documentUrl(documentId: string): string;
}

/** The sections whose points are a kind's lessons. */
const LESSON_SECTIONS = ['lessons', 'lesson'];

export function exportModel(source: ExportSource): ExportModel {
  const { document, project, contributions } = source;
  const labels = EXPORT_LABELS[document.language];
  const date = (iso: string | number | Date) => new Intl.DateTimeFormat(document.language, { dateStyle: 'long' }).format(new Date(iso));
  const percent = new Intl.NumberFormat(document.language, { style: 'percent' });

  const threads = source.threads ?? [];
  const anchors = threads.flatMap((t): NoteAnchor[] => {
    const end = resolve(source.content, t.anchor.end);
    return end ? [{ ...end, key: t.id }] : [];
  });
  const { blocks, placed } = treeFromFragment(source.content.getXmlFragment(YDOC_CONTENT), anchors);
  // Detached threads (their words deleted) follow the placed ones, oldest first.
  const ordered = [...placed, ...threads.map((t) => t.id).filter((id) => !placed.includes(id))];
  const byId = new Map(threads.map((t) => [t.id, t]));
  const entries = document.kind === 'trial_log' ? listTrialEntries(source.content) : [];

  const organisations = contributions.byOrganisation
    .filter((o) => o.organisation && (o.characters > 0 || o.edits > 0 || o.messages > 0))
    .map((o) => {
      const share = contributions.totals.characters > 0 ? o.characters / contributions.totals.characters : 0;
      return share > 0 ? `${o.organisation!.name} (${percent.format(share)})` : o.organisation!.name;
    });
  const organisationName = new Map(contributions.byOrganisation.flatMap((o) => (o.organisation ? [[o.organisation.id, o.organisation.name] as const] : [])));
  const people = contributions.byPerson.map((p) => {
    const organisation = p.organisationId ? organisationName.get(p.organisationId) : undefined;
    return organisation ? `${p.name} (${organisation})` : p.name;
  });
  const status = labels.statuses[document.status];
  const statusBy = document.statusChange ? `${status}, ${labels.statusBy(document.statusChange.byName, date(document.statusChange.at))}` : status;
  const lessons =
    document.kind === 'trial_log'
      ? entries.map((e) => e.learned.replace(/\s+/g, ' ').trim()).filter(Boolean)
      : points(sectionBlocks(blocks, LESSON_SECTIONS));
  const title = document.title || labels.untitled;

  const facts = [
    { label: labels.project, value: project.programme ? `${project.title} — ${labels.programme}: ${project.programme}` : project.title },
    { label: labels.status, value: statusBy },
    { label: labels.created, value: date(document.createdAt) },
    { label: labels.lastActivity, value: date(document.updatedAt) },
    { label: labels.organisations, value: organisations.join(', ') },
    { label: labels.people, value: people.join(', ') },
    { label: labels.themes, value: document.themes.join(', ') },
    { label: labels.tags, value: document.tags.join(', ') },
    { label: labels.exported, value: date(source.exportedAt) },
  ].filter((f) => f.value.length > 0);

  return {
    language: document.language,
    title,
    kind: labels.kinds[document.kind],
    facts,
    lessons: lessons.length > 0 ? { heading: labels.lessons, items: lessons } : null,
    blocks: [...blocks, ...trialBlocks(entries, labels, date)],
    notes:
      source.threads && ordered.length > 0
        ? { heading: labels.annotations, items: ordered.map((id, i) => note(byId.get(id)!, i + 1, labels, date)) }
        : null,
    frontMatter: {
      title,
      kind: document.kind,
      status: document.status,
      language: document.language,
      project: project.title,
      ...(project.programme ? { programme: project.programme } : {}),
      created: document.createdAt,
      updated: document.updatedAt,
      organisations: contributions.byOrganisation.flatMap((o) => (o.organisation ? [o.organisation.name] : [])),
      people: contributions.byPerson.map((p) => p.name),
      themes: document.themes,
      tags: document.tags,
      lessons,
      exported: source.exportedAt.toISOString(),
      source: `Ensemble ${document.id}`,
    },
    documentUrl: source.documentUrl,
  };
}

/** Where an encoded relative position falls in the content now; null once its words are gone. */
function resolve(doc: Y.Doc, encoded: string): Omit<NoteAnchor, 'key'> | null {
  try {
    const position = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(encoded, 'base64')), doc);
    return position ? { type: position.type, index: position.index } : null;
  } catch {
    return null;
  }
}

function note(thread: Thread, number: number, labels: ExportLabels, date: (at: number) => string): ExportNote {
  const details = [
    thread.citation ? `${labels.source}: ${[thread.citation.text, thread.citation.url].filter(Boolean).join(' — ')}` : '',
    thread.suggestion !== null ? `${labels.suggested}: “${thread.suggestion}”` : '',
  ].filter(Boolean);
  return {
    number,
    quote: thread.quote,
    label: `${labels.annotationKinds[thread.kind]} · ${labels.threadStatuses[thread.status]}`,
    details,
    messages: thread.messages
      .filter((m) => !m.deleted && m.body.trim())
      .map((m) => ({
        author: m.author.organisationName ? `${m.author.name} (${m.author.organisationName})` : m.author.name,
        date: date(m.createdAt),
        body: m.body.trim(),
      })),
  };
}

/** A trial-and-error log's entries, after its text: one sub-section each, its fields as labelled paragraphs. */
function trialBlocks(entries: readonly TrialEntry[], labels: ExportLabels, date: (day: string) => string): Block[] {
  if (entries.length === 0) return [];
  return [
    { type: 'heading', level: 2, section: null, content: [text(labels.trials)] },
    ...entries.flatMap((entry, i): Block[] => {
      const summary = entry.tried.split('\n')[0]?.trim() ?? '';
      const when = entry.date ? date(`${entry.date}T12:00:00Z`) : `${i + 1}`;
      const fields = TRIAL_TEXT_FIELDS.filter((f) => entry[f].trim()).map(
        (f): Block => ({ type: 'paragraph', content: [text(`${labels.trialFields[f]}: `, ['bold']), ...linesOf(entry[f].trim())] }),
      );
      const outcome: Block[] = entry.outcome
        ? [{ type: 'paragraph', content: [text(`${labels.outcome}: `, ['bold']), text(labels.outcomes[entry.outcome])] }]
        : [];
      return [{ type: 'heading', level: 3, section: null, content: [text(summary ? `${when} — ${summary}` : when)] }, ...fields, ...outcome];
    }),
  ];
}

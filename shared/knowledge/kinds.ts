import type { ProjectAction } from '../roles';

/**
 * The kinds of knowledge document, each with the structure its method asks
 * for. `free` is a blank page for anything else.
 */
export const KNOWLEDGE_KINDS = ['capitalisation', 'lessons', 'field_finding', 'trial_log', 'free'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

/** Every document a project holds: its knowledge, and its workshops (made with POST /projects/:id/workshops, not from a template). */
export const DOCUMENT_KINDS = [...KNOWLEDGE_KINDS, 'workshop'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * The sections a new document of each kind starts with, in order. Each is a
 * heading followed by an empty paragraph that shows the section's guidance
 * until someone writes over it. Ids are stable: the guidance follows the
 * reader's language even after the heading's text was changed.
 */
export const TEMPLATE_SECTIONS = {
  capitalisation: ['context', 'experience', 'results', 'analysis', 'lessons', 'recommendations', 'voices'],
  lessons: ['situation', 'happened', 'lesson', 'recommendation', 'evidence', 'applies', 'limits'],
  field_finding: ['site', 'date', 'method', 'observations', 'data', 'interpretation', 'questions'],
  trial_log: ['purpose'],
  free: [],
  workshop: [],
} as const satisfies Record<DocumentKind, readonly string[]>;

export type TemplateSection = (typeof TEMPLATE_SECTIONS)[DocumentKind][number];

export const DOCUMENT_STATUSES = ['draft', 'in_review', 'validated', 'published'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/**
 * Every allowed move of a document's status and the action it takes:
 * editors send a draft to review (or take it back); owners and facilitators
 * validate and publish, and may send a document back a step.
 */
export const STATUS_TRANSITIONS: ReadonlyArray<{ from: DocumentStatus; to: DocumentStatus; action: ProjectAction }> = [
  { from: 'draft', to: 'in_review', action: 'document.submit' },
  { from: 'in_review', to: 'draft', action: 'document.submit' },
  { from: 'in_review', to: 'validated', action: 'document.validate' },
  { from: 'validated', to: 'published', action: 'document.validate' },
  { from: 'validated', to: 'in_review', action: 'document.validate' },
  { from: 'published', to: 'validated', action: 'document.validate' },
];

/** The action a move from `from` to `to` takes, or null when there is no such move. */
export function transitionAction(from: DocumentStatus, to: DocumentStatus): ProjectAction | null {
  return STATUS_TRANSITIONS.find((t) => t.from === from && t.to === to)?.action ?? null;
}

/** How a trial turned out, as a trial-and-error log entry records it. */
export const TRIAL_OUTCOMES = ['worked', 'partly', 'did_not_work', 'too_early'] as const;
export type TrialOutcome = (typeof TRIAL_OUTCOMES)[number];

/**
 * Names inside a document's Y.Doc. The editor's content is Tiptap's default
 * fragment; a trial-and-error log keeps its entries beside it, in a map of
 * entry id → entry (a map, not an array, so moving an entry is one field
 * change and concurrent moves never lose or duplicate it).
 */
export const YDOC_CONTENT = 'default';
export const YDOC_TRIAL_ENTRIES = 'trialEntries';

/** Tiptap node names the server reads and writes. */
export const NODE_DOCUMENT_LINK = 'documentLink';
export const NODE_SECTION_HEADING = 'heading';

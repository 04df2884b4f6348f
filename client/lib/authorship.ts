import * as Y from 'yjs';
import type { AttributionResponse } from '../../shared/api/attribution';

/** The Yjs client id the document templates are written under: nobody's. */
export const TEMPLATE_CLIENT = 0;

/**
 * A stretch of characters written under one Yjs client id at consecutive
 * clocks: the first at `clock`, the next at `clock + 1`, and so on; `to` is exclusive.
 */
export interface ClientRun {
  from: number;
  to: number;
  clientId: number;
  clock: number;
}

/**
 * Who wrote each character of a Y.XmlText, as offsets into its text. Every
 * Yjs item keeps the client id and clock it was made under; formatting items
 * take no room, deleted ones are skipped. Neighbouring items of one client
 * merge when their clocks follow on, so a run stays one range of ids.
 */
export function textClientRuns(text: Y.XmlText): ClientRun[] {
  const runs: ClientRun[] = [];
  let offset = 0;
  for (let item = text._start; item; item = item.right) {
    if (item.deleted || !item.countable) continue;
    const { client: clientId, clock } = item.id;
    const last = runs[runs.length - 1];
    if (last && last.clientId === clientId && last.to === offset && last.clock + (last.to - last.from) === clock) last.to += item.length;
    else runs.push({ from: offset, to: offset + item.length, clientId, clock });
    offset += item.length;
  }
  return runs;
}

/**
 * The runs of a whole y-prosemirror fragment, at ProseMirror positions (0 is
 * the start of the document's content), and the content size they add up
 * to. An element opens and closes (2) around its children, unless its node
 * is a leaf (1): `isLeaf` answers from the editor's schema. When the size
 * differs from the editor's, the two have not caught up with each other yet.
 */
export function fragmentClientRuns(fragment: Y.XmlFragment, isLeaf: (nodeName: string) => boolean): { runs: ClientRun[]; size: number } {
  const runs: ClientRun[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement, start: number): number => {
    let position = start;
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const run of textClientRuns(child)) runs.push({ ...run, from: position + run.from, to: position + run.to });
        position += child.length;
      } else if (child instanceof Y.XmlElement) {
        position = isLeaf(child.nodeName) ? position + 1 : walk(child, position + 1) + 1;
      }
    }
    return position;
  };
  return { runs, size: walk(fragment, 0) };
}

export type AuthorshipBy = 'organisation' | 'person';

/** Whose text it is, as the view groups it: one organisation, one person, or nobody's. */
export interface Author {
  /** Stable across recomputations: what the legend is keyed by. */
  key: string;
  kind: 'organisation' | 'person' | 'no-organisation' | 'template' | 'unknown';
  /** The organisation's or the person's id. */
  id: string | null;
  /** Null for the kinds the interface names itself. */
  name: string | null;
  /** `#rrggbb`; null for the template's text, which stays uncoloured. */
  color: string | null;
}

type AttributionClient = AttributionResponse['clients'][number];
type Credit = AttributionResponse['credits'][number];

/** Colour-blind-friendly and distinct on a light background (Okabe–Ito, plus three). */
export const PERSON_PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#8a6d00', '#7b3294', '#1b7837', '#b2182b'] as const;
const NO_ORGANISATION_COLOR = '#6b7280';
const UNKNOWN_COLOR = '#9ca3af';

/** The same person gets the same colour on every device: a hash of their id picks it. */
export function personColor(userId: string): string {
  let hash = 0;
  for (let index = 0; index < userId.length; index++) hash = (Math.imul(hash, 31) + userId.charCodeAt(index)) | 0;
  return PERSON_PALETTE[Math.abs(hash) % PERSON_PALETTE.length] ?? UNKNOWN_COLOR;
}

/** A `#rrggbb` colour at `alpha`, for backgrounds the text stays readable on. */
export function tint(hex: string, alpha: number): string {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

function authorOfPerson(person: AttributionClient | Credit | undefined, clientId: number, by: AuthorshipBy): Author {
  if (clientId === TEMPLATE_CLIENT) return { key: 'template', kind: 'template', id: null, name: null, color: null };
  if (!person) return { key: 'unknown', kind: 'unknown', id: null, name: null, color: UNKNOWN_COLOR };
  if (by === 'person') return { key: `user:${person.userId}`, kind: 'person', id: person.userId, name: person.name, color: personColor(person.userId) };
  const organisation = person.organisation;
  if (!organisation) return { key: 'no-organisation', kind: 'no-organisation', id: null, name: null, color: NO_ORGANISATION_COLOR };
  return { key: `organisation:${organisation.id}`, kind: 'organisation', id: organisation.id, name: organisation.name, color: organisation.color };
}

/**
 * Who the character written under `clientId` at `clock` stands for, grouped
 * by organisation or by person: the person a credit names when one covers
 * it (an accepted suggestion's author), else the owner of the client id.
 */
export function authorsOf(attribution: AttributionResponse | null, by: AuthorshipBy): (clientId: number, clock?: number) => Author {
  const clients = new Map((attribution?.clients ?? []).map((client) => [client.clientId, client] as const));
  const credits = attribution?.credits ?? [];
  return (clientId, clock) => {
    const credit =
      clock === undefined ? undefined : credits.find((range) => range.clientId === clientId && clock >= range.clock && clock < range.clock + range.length);
    return authorOfPerson(credit ?? clients.get(clientId), clientId, by);
  };
}

/** A run all of whose characters have one author. */
export interface AuthoredRun extends ClientRun {
  author: Author;
}

/** The runs, cut where a credit starts or ends, each with its author. */
export function authoredRuns(runs: readonly ClientRun[], attribution: AttributionResponse | null, by: AuthorshipBy): AuthoredRun[] {
  const authorOf = authorsOf(attribution, by);
  const credits = attribution?.credits ?? [];
  const authored: AuthoredRun[] = [];
  for (const run of runs) {
    const length = run.to - run.from;
    // The clocks inside the run where a credit of its client starts or ends.
    const cuts = new Set<number>();
    for (const credit of credits) {
      if (credit.clientId !== run.clientId) continue;
      for (const edge of [credit.clock, credit.clock + credit.length]) if (edge > run.clock && edge < run.clock + length) cuts.add(edge - run.clock);
    }
    const edges = [0, ...[...cuts].sort((a, b) => a - b), length];
    for (let index = 0; index + 1 < edges.length; index++) {
      const [start = 0, end = 0] = [edges[index], edges[index + 1]];
      const clock = run.clock + start;
      authored.push({ from: run.from + start, to: run.from + end, clientId: run.clientId, clock, author: authorOf(run.clientId, clock) });
    }
  }
  return authored;
}

/** Client ids in the runs the attribution does not name yet (the template's aside). */
export function unknownClients(runs: readonly ClientRun[], attribution: AttributionResponse | null): number[] {
  // A restore writes under the server's own client ids, which nobody owns: credits say whose that text is.
  const known = new Set([...(attribution?.clients ?? []), ...(attribution?.credits ?? [])].map((entry) => entry.clientId));
  const unknown = new Set<number>();
  for (const run of runs) if (run.clientId !== TEMPLATE_CLIENT && !known.has(run.clientId)) unknown.add(run.clientId);
  return [...unknown];
}

export interface LegendEntry extends Author {
  characters: number;
  /** Of all the characters, from 0 to 1. */
  share: number;
}

/** Each author's characters and share of the text, most first. */
export function legendOf(runs: readonly AuthoredRun[]): LegendEntry[] {
  const entries = new Map<string, LegendEntry>();
  let total = 0;
  for (const run of runs) {
    const entry = entries.get(run.author.key) ?? { ...run.author, characters: 0, share: 0 };
    entry.characters += run.to - run.from;
    total += run.to - run.from;
    entries.set(run.author.key, entry);
  }
  return [...entries.values()]
    .map((entry) => ({ ...entry, share: total === 0 ? 0 : entry.characters / total }))
    .sort((a, b) => b.characters - a.characters || a.key.localeCompare(b.key));
}

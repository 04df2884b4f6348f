import * as Y from 'yjs';
import type { DocumentSummary, SynthesisInput } from '../../shared/api';
import { NODE_DOCUMENT_LINK, NODE_SECTION_HEADING, YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { boardRoom, readBoard, type Board, type BoardNote } from '../../shared/workshops/board';
import { WORKSHOP_TEXT, type WorkshopText } from '../../shared/workshops/text';
import { badRequest, forbidden } from '../errors';
import { findDocument, insertLink } from '../storage/documents-repository';
import * as repo from '../storage/workshops-repository';
import type { Actor, ServiceDeps } from './context';
import { authorizeDocument, createDocument, summarize } from './documents';
import { fillSections, paragraph, templateDoc } from './template-content';
import { noteAuthors, workshopAccess } from './workshops';

/**
 * What a workshop leaves behind: a written synthesis of what the group
 * found most important, and the whole board as a document anyone in the
 * project can keep.
 */

/** A cluster (or a note no cluster took) with its dots, most voted first. */
export interface SynthesisItem {
  title: string;
  column: BoardNote['column'];
  votes: number;
  notes: Array<{ text: string; votes: number }>;
}

export function rankItems(board: Board, totals: ReadonlyMap<string, number>, text: WorkshopText): SynthesisItem[] {
  const votesOf = (note: BoardNote) => totals.get(note.id) ?? 0;
  const byVotes = (a: { votes: number }, b: { votes: number }) => b.votes - a.votes;
  const clusters = board.clusters.map((cluster) => {
    const notes = board.notes.filter((n) => n.clusterId === cluster.id).map((n) => ({ text: n.text, votes: votesOf(n) })).sort(byVotes);
    return { title: cluster.title, column: cluster.column, votes: notes.reduce((sum, n) => sum + n.votes, 0), notes };
  });
  const single = board.notes
    .filter((n) => n.clusterId === null || !board.clusters.some((c) => c.id === n.clusterId))
    .map((n) => ({ title: text.unclustered, column: n.column, votes: votesOf(n), notes: [{ text: n.text, votes: votesOf(n) }] }));
  // Stable: among equals, clusters before single notes, and each in board order.
  return [...clusters, ...single].sort(byVotes);
}

function heading(text: string, level: number): Y.XmlElement {
  const element = new Y.XmlElement(NODE_SECTION_HEADING);
  (element as Y.XmlElement<{ level: number }>).setAttribute('level', level);
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** Each item as the editor stores it: a heading with its dots, then its notes as a bulleted list. */
export function itemNodes(items: SynthesisItem[], text: WorkshopText): Y.XmlElement[] {
  return items.flatMap((item) => {
    const list = new Y.XmlElement('bulletList');
    list.insert(
      0,
      item.notes.map((note) => {
        const entry = new Y.XmlElement('listItem');
        entry.insert(0, [paragraph(`${note.text} (${text.votes(note.votes)})`)]);
        return entry;
      }),
    );
    return [heading(`${item.title} · ${text.columns[item.column]} — ${text.votes(item.votes)}`, 3), list];
  });
}

function linkTo(workshop: { id: string; title: string }, before: string): Y.XmlElement {
  const line = new Y.XmlElement('paragraph');
  const link = new Y.XmlElement(NODE_DOCUMENT_LINK);
  link.setAttribute('documentId', workshop.id);
  link.setAttribute('label', workshop.title);
  line.insert(0, [new Y.XmlText(before), link]);
  return line;
}

/**
 * The facilitator turns the most voted clusters into a lessons-learned
 * record, or a section of a capitalisation note of the project, linked to
 * the workshop both ways.
 */
export async function synthesize(deps: ServiceDeps, actor: Actor, workshopId: string, input: Required<SynthesisInput>): Promise<DocumentSummary> {
  const access = await workshopAccess(deps, actor, workshopId);
  if (access.role !== 'facilitator') throw forbidden('Only a facilitator may write the synthesis');
  const { workshop } = access;
  const [board, totals, notes] = await Promise.all([
    deps.rooms.read(boardRoom(workshopId), readBoard),
    repo.voteTotals(deps.db, workshopId),
    repo.noteAuthors(deps.db, workshopId),
  ]);
  const text = WORKSHOP_TEXT[actor.language];
  const items = rankItems(board, totals, text).slice(0, input.top);
  const people = await noteAuthors(deps.db, notes.map((n) => n.user_id));
  const organisations = new Set([...people.values()].map((p) => p.organisation?.name ?? p.userId));
  const origin = text.fromWorkshop(workshop.title, workshop.date);
  const facts = [text.participants(people.size, organisations.size)];

  if (input.target.kind === 'new') {
    const doc = templateDoc('lessons', actor.language);
    fillSections(doc, {
      situation: [board.state?.objective ? `${text.objective}: ${board.state.objective}` : ''],
      lesson: itemNodes(items, text),
      evidence: facts,
    });
    doc.transact(() => doc.getXmlFragment(YDOC_CONTENT).insert(0, [linkTo(workshop, `${origin} — `)]));
    const record = await createDocument(
      deps,
      actor,
      workshop.project_id!,
      { kind: 'lessons', language: actor.language, title: text.synthesisTitle(workshop.title) },
      Y.encodeStateAsUpdate(doc),
    );
    await insertLink(deps.db, { source_id: record.id, target_id: workshopId, kind: 'synthesis', entry_id: null });
    return record;
  }

  const { row } = await authorizeDocument(deps, actor, input.target.documentId, 'document.edit');
  if (row.project_id !== workshop.project_id || row.kind !== 'capitalisation') {
    throw badRequest('A synthesis goes into a capitalisation note of the same project');
  }
  await deps.rooms.changeAsServer(row.id, (doc) => {
    const fragment = doc.getXmlFragment(YDOC_CONTENT);
    const nodes = fragment.toArray();
    const lessons = nodes.findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('section') === 'lessons');
    // Under the note's own lessons section, before the next section; at the end if it has none.
    let at = lessons < 0 ? nodes.length : lessons + 1;
    while (at < nodes.length && !(nodes[at] instanceof Y.XmlElement && (nodes[at] as Y.XmlElement).getAttribute('section'))) at++;
    fragment.insert(at, [linkTo(workshop, `${origin} — `), ...itemNodes(items, text), paragraph(facts.join(' '))]);
  });
  await insertLink(deps.db, { source_id: row.id, target_id: workshopId, kind: 'synthesis', entry_id: null });
  const updated = await findDocument(deps.db, row.id);
  return (await summarize(deps, [{ ...updated!, project_id: row.project_id }]))[0]!;
}

/** The whole board as Markdown, as the person exporting it may see it: authors and dots only once revealed. */
export async function exportBoard(deps: ServiceDeps, actor: Actor, workshopId: string): Promise<{ filename: string; markdown: string }> {
  const { workshop } = await workshopAccess(deps, actor, workshopId);
  const board = await deps.rooms.read(boardRoom(workshopId), readBoard);
  const text = WORKSHOP_TEXT[actor.language];
  const state = board.state;
  const line = (note: BoardNote) => {
    const by = note.author ? ` — ${note.author.name}${note.author.organisation ? ` (${note.author.organisation.name})` : ''}` : note.anonymous ? ` — ${text.anonymous}` : '';
    const dots = note.votes === null ? '' : ` · ${text.votes(note.votes)}`;
    return `- ${note.text.replace(/\n+/g, ' ')}${by}${dots}`;
  };
  const out = [`# ${workshop.title}`, '', `${text.formats[workshop.format]} · ${workshop.date}`];
  if (state?.objective) out.push('', `${text.objective}: ${state.objective}`);
  for (const column of state?.columns ?? []) {
    out.push('', `## ${text.columns[column]}`);
    for (const cluster of board.clusters.filter((c) => c.column === column)) {
      const inCluster = board.notes.filter((n) => n.clusterId === cluster.id);
      const dots = state?.votesRevealed ? ` (${text.votes(inCluster.reduce((sum, n) => sum + (n.votes ?? 0), 0))})` : '';
      out.push('', `### ${cluster.title}${dots}`, '', ...inCluster.map(line));
    }
    const loose = board.notes.filter((n) => n.column === column && !board.clusters.some((c) => c.id === n.clusterId));
    if (loose.length > 0) out.push('', ...loose.map(line));
  }
  const slug = workshop.title.normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'workshop';
  return { filename: `${slug}-${workshop.date}.md`, markdown: `${out.join('\n')}\n` };
}

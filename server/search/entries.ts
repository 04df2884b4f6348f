import * as Y from 'yjs';
import type { SearchResultKind } from '../../shared/api/search';
import { listThreads } from '../../shared/annotations/discussion';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { listTrialEntries, TRIAL_TEXT_FIELDS } from '../../shared/knowledge/trial-log';
import type { RoomChannel } from '../../shared/rooms';
import { readBoard } from '../../shared/workshops/board';

/** One searchable thing in a room: the document's text, a trial entry, a thread, a workshop note. */
export interface SearchEntry {
  kind: SearchResultKind;
  /** Null for the document's own text. */
  itemId: string | null;
  body: string;
}

/** The text of a fragment, one line per block, inline nodes' text in place. */
export function fragmentText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  let line = '';
  const visit = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText) => {
    if (node instanceof Y.XmlText) {
      line += node.toDelta().map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : '')).join('');
      return;
    }
    const label = node instanceof Y.XmlElement ? node.getAttribute('label') : undefined;
    if (typeof label === 'string') line += label;
    const textual = node.toArray().some((child) => child instanceof Y.XmlText);
    for (const child of node.toArray()) visit(child as Y.XmlElement | Y.XmlText);
    if (textual && line) {
      lines.push(line);
      line = '';
    }
  };
  visit(fragment);
  if (line) lines.push(line);
  return lines.join('\n');
}

/**
 * What a room holds that search should find, read from its Yjs document:
 * a document's text and its trial entries, a discussion's threads, a
 * board's notes and clusters. Who wrote what is never indexed: an
 * anonymous note stays anonymous in search too.
 */
export function searchEntries(channel: RoomChannel, doc: Y.Doc): SearchEntry[] {
  switch (channel) {
    case 'content':
      return [
        { kind: 'document', itemId: null, body: fragmentText(doc.getXmlFragment(YDOC_CONTENT)) },
        ...listTrialEntries(doc).map((entry) => ({
          kind: 'trial_entry' as const,
          itemId: entry.id,
          body: TRIAL_TEXT_FIELDS.map((field) => entry[field]).filter(Boolean).join('\n'),
        })),
      ];
    case 'discussion':
      return listThreads(doc).map((thread) => ({
        kind: 'annotation' as const,
        itemId: thread.id,
        body: [thread.quote, thread.citation?.text, thread.suggestion, ...thread.messages.filter((m) => !m.deleted).map((m) => m.body)]
          .filter(Boolean)
          .join('\n'),
      }));
    case 'board': {
      const board = readBoard(doc);
      return [
        ...board.notes.map((note) => ({ kind: 'workshop_note' as const, itemId: note.id, body: note.text })),
        ...board.clusters.map((cluster) => ({ kind: 'workshop_note' as const, itemId: cluster.id, body: cluster.title })),
      ];
    }
  }
}

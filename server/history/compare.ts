import * as Y from 'yjs';
import type { Change, DiffBlock, DiffSegment } from '../../shared/api/versions';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import type { Authorship, SharedType } from './authorship';
import { visibleAt } from './versions';

/** Nodes that hold blocks rather than text: their children are shown one level deeper. */
const CONTAINERS = new Set(['bulletList', 'orderedList', 'listItem', 'taskList', 'taskItem', 'blockquote', 'table', 'tableRow', 'tableCell', 'tableHeader']);

export interface Comparison {
  blocks: DiffBlock[];
  inserted: number;
  deleted: number;
}

/**
 * The text of `history` (which holds both versions) block by block, each
 * character marked by whether it is in `from`, in `to`, or in both. The
 * same characters are compared by identity, not by text: a word deleted
 * and typed again shows as both, as it happened.
 */
export function compareSnapshots(history: Y.Doc, from: Y.Snapshot, to: Y.Snapshot, authorship: Authorship): Comparison {
  const blocks: DiffBlock[] = [];
  const changeOf = (client: number, clock: number): Change | null => {
    const before = visibleAt(from, client, clock);
    const after = visibleAt(to, client, clock);
    if (before && after) return 'same';
    if (after) return 'inserted';
    return before ? 'deleted' : null;
  };
  const shown = (item: Y.Item) => changeOf(item.id.client, item.id.clock) !== null;

  const textOf = (type: SharedType, segments: DiffSegment[]) => {
    for (let item = type._start; item; item = item.right) {
      if (item.content instanceof Y.ContentType) {
        if (shown(item)) textOf(item.content.type, segments);
        continue;
      }
      if (!(item.content instanceof Y.ContentString)) continue;
      const text = item.content.str;
      for (let i = 0; i < text.length; i++) {
        const change = changeOf(item.id.client, item.id.clock + i);
        if (!change) continue;
        const userId = authorship.ownerAt(item.id.client, item.id.clock + i);
        const last = segments.at(-1);
        if (last && last.change === change && last.userId === userId) last.text += text[i];
        else segments.push({ text: text[i]!, change, userId });
      }
    }
  };

  const visit = (type: SharedType, depth: number) => {
    for (let item = type._start; item; item = item.right) {
      if (!(item.content instanceof Y.ContentType) || !shown(item)) continue;
      const node = item.content.type;
      if (!(node instanceof Y.XmlElement)) continue;
      if (CONTAINERS.has(node.nodeName)) {
        visit(node, depth + 1);
        continue;
      }
      const level = node.getAttribute('level') as unknown;
      const block: DiffBlock = { type: node.nodeName, level: typeof level === 'number' && level > 0 ? level : null, depth, segments: [] };
      textOf(node, block.segments);
      blocks.push(block);
    }
  };
  visit(history.getXmlFragment(YDOC_CONTENT) as unknown as SharedType, 0);
  const folded = foldCopies(blocks);
  const count = (change: Change) => folded.reduce((sum, block) => sum + block.segments.reduce((n, s) => n + (s.change === change ? s.text.length : 0), 0), 0);
  return { blocks: folded, inserted: count('inserted'), deleted: count('deleted') };
}

/** The one kind of change a block holds, if it holds only one. */
function onlyChange(block: DiffBlock): Change | null {
  const changes = new Set(block.segments.map((s) => s.change));
  return changes.size === 1 ? [...changes][0]! : null;
}

const textOf = (block: DiffBlock) => block.segments.map((s) => s.text).join('');

/**
 * Blocks deleted where copies of them were inserted (a restore brings
 * paragraphs back as copies, where the paragraphs it replaces were) read as
 * unchanged: the text is the same, only the characters holding it are new,
 * and they keep their authors. Copies are looked for among the neighbouring
 * blocks that were only inserted or only deleted.
 */
function foldCopies(blocks: DiffBlock[]): DiffBlock[] {
  const key = (block: DiffBlock) => `${block.type}|${block.level}|${block.depth}|${textOf(block)}`;
  const result: DiffBlock[] = [];
  let run: DiffBlock[] = [];
  const flush = () => {
    const inserted = new Map<string, DiffBlock[]>();
    for (const block of run) if (onlyChange(block) === 'inserted') inserted.set(key(block), [...(inserted.get(key(block)) ?? []), block]);
    const folded = new Set<DiffBlock>();
    const dropped = new Set<DiffBlock>();
    for (const block of run) {
      if (onlyChange(block) !== 'deleted') continue;
      const copy = inserted.get(key(block))?.find((candidate) => !folded.has(candidate));
      if (!copy) continue;
      folded.add(copy);
      dropped.add(block);
    }
    for (const block of run) {
      if (dropped.has(block)) continue;
      result.push(folded.has(block) ? { ...block, segments: block.segments.map((s) => ({ ...s, change: 'same' as const })) } : block);
    }
    run = [];
  };
  for (const block of blocks) {
    const change = onlyChange(block);
    if (change === 'inserted' || change === 'deleted') run.push(block);
    else {
      flush();
      result.push(block);
    }
  }
  flush();
  return result;
}

import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Thread } from '../../shared/annotations/discussion';
import { rangeFromAnchor, type AnchorRange, type YBinding } from './anchors';

/**
 * Where a thread's words are, and how they were found: by its anchor, or by
 * its quote when the anchor no longer resolves although the words are still
 * there. y-tiptap writes a block anew, as new Yjs items, when a paragraph is
 * split before the words, joined to the one above, or turned into a
 * heading; the relative positions then point into deleted items. A thread
 * found by its quote is re-anchored by whoever may comment.
 */
export interface ThreadLocation extends AnchorRange {
  by: 'anchor' | 'quote';
}

/** What locating needs of a thread. */
export type LocatedThread = Pick<Thread, 'anchor' | 'quote'>;

/** Block separator of the quotes, as the composer takes them (`textBetween(from, to, '\n')`). */
const BLOCK_SEPARATOR = '\n';

/**
 * The document's text as quotes are taken, with the position before and
 * after each character: text, a separator before each text block but the
 * first, and the `leafText` of inline leaves (a hard break, say).
 */
function textOf(doc: ProseMirrorNode): { text: string; starts: number[]; ends: number[] } {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (chars: string, start: number, end: number) => {
    text += chars;
    for (let i = 0; i < chars.length; i++) {
      starts.push(start);
      ends.push(end);
    }
  };
  let firstBlock = true;
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      if (!firstBlock) push(BLOCK_SEPARATOR, pos + 1, pos + 1);
      firstBlock = false;
    } else if (node.isText) {
      const chars = node.text ?? '';
      for (let i = 0; i < chars.length; i++) push(chars.charAt(i), pos + i, pos + i + 1);
    } else if (node.isLeaf && node.isInline) {
      push(node.type.spec.leafText?.(node) ?? '', pos, pos + node.nodeSize);
    }
    return true;
  });
  return { text, starts, ends };
}

/** Every place the quoted words are in the document, in the order of the text. */
export function quoteOccurrences(doc: ProseMirrorNode, quote: string): AnchorRange[] {
  if (quote.trim() === '') return [];
  const { text, starts, ends } = textOf(doc);
  const found: AnchorRange[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    const range = { from: starts[at]!, to: ends[at + quote.length - 1]! };
    // Said again as the composer reads words, so a quote is only ever matched by the same words.
    if (doc.textBetween(range.from, range.to, BLOCK_SEPARATOR) === quote) found.push(range);
  }
  return found;
}

/**
 * Where the thread's words are now: where its anchor says; else, when the
 * anchor no longer resolves, where its quote is (of several, the one
 * nearest to `near`, where the anchor's start last was; the first without
 * it); else null: the words are gone, and the thread is detached.
 */
export function locateThread(doc: ProseMirrorNode, binding: YBinding, thread: LocatedThread, near: number | null = null): ThreadLocation | null {
  const range = rangeFromAnchor(binding, thread.anchor, doc.content.size);
  if (range) return { ...range, by: 'anchor' };
  const occurrences = quoteOccurrences(doc, thread.quote);
  const distance = (candidate: AnchorRange) => (near === null ? 0 : Math.abs(candidate.from - near));
  let best: AnchorRange | null = null;
  for (const candidate of occurrences) if (!best || distance(candidate) < distance(best)) best = candidate;
  return best && { ...best, by: 'quote' };
}

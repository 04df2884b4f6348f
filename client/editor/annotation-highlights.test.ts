import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import type { Decoration } from '@tiptap/pm/view';
import { highlightDecorations, type HighlightedThread } from './annotation-highlights';
import { contentExtensions } from './content-extensions';

const schema = getSchema(contentExtensions());
const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('The quick brown fox jumps.')])]);
const anchor = { start: 'AA==', end: 'AA==' };
const thread = (id: string, kind: HighlightedThread['kind'], status: HighlightedThread['status'] = 'open'): HighlightedThread => ({ id, kind, status, anchor, quote: '' });

/** Each decoration as [from, to, class, thread id]; ProseMirror keeps an inline decoration's attributes on its `type`. */
function drawn(set: ReturnType<typeof highlightDecorations>) {
  return set.find().map((d: Decoration) => {
    const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
    return [d.from, d.to, attrs.class, attrs['data-thread-id']];
  });
}

describe('the highlights', () => {
  const ranges = new Map([
    ['open', { from: 5, to: 10, by: 'anchor' as const }],
    ['closed', { from: 11, to: 16, by: 'quote' as const }],
    ['gone', null],
  ]);
  const threads = [thread('open', 'question'), thread('closed', 'suggestion', 'accepted'), thread('gone', 'comment'), thread('unknown', 'evidence')];

  it('draw the open threads at their words in the colour of their kind, and nothing for detached or unplaced ones', () => {
    expect(drawn(highlightDecorations(doc, threads, ranges, null, null))).toEqual([[5, 10, 'annotation-highlight annotation-kind-question', 'open']]);
  });

  it('draw a closed thread only while it is focused, and the focused one stronger', () => {
    expect(drawn(highlightDecorations(doc, threads, ranges, 'closed', null))).toEqual([
      [5, 10, 'annotation-highlight annotation-kind-question', 'open'],
      [11, 16, 'annotation-highlight annotation-kind-suggestion is-focused is-closed', 'closed'],
    ]);
  });

  it('show the words of the annotation being written', () => {
    expect(drawn(highlightDecorations(doc, [], new Map(), null, { from: 1, to: 4 }))).toEqual([[1, 4, 'annotation-draft', undefined]]);
  });
});

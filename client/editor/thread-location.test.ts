import { getSchema } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { initProseMirrorDoc, prosemirrorJSONToYDoc, updateYFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { anchorFromRange, rangeFromAnchor, type Anchor, type YBinding } from './anchors';
import { contentExtensions } from './content-extensions';
import { locateThread, quoteOccurrences } from './thread-location';

const schema = getSchema(contentExtensions());

const paragraph = (text: string) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });

/**
 * A Y.Doc edited as a browser's editor edits it: a ProseMirror transaction,
 * then y-tiptap's own writer (updateYFragment) carries the new document
 * into the Y.XmlFragment, rewriting blocks as it does in the editor.
 */
function editorOn(...paragraphs: string[]) {
  const ydoc = prosemirrorJSONToYDoc(schema, { type: 'doc', content: paragraphs.map(paragraph) }, YDOC_CONTENT);
  const type = ydoc.getXmlFragment(YDOC_CONTENT);
  let { doc, meta } = initProseMirrorDoc(type, schema);
  const binding = (): YBinding => ({ doc: ydoc, type, mapping: meta.mapping });
  return {
    get doc(): ProseMirrorNode {
      return doc;
    },
    binding,
    /** Applies a change as the editor does, then reads the document back from Yjs, as another person's browser would. */
    edit(change: (tr: Transaction) => void) {
      const tr = EditorState.create({ schema, doc }).tr;
      change(tr);
      updateYFragment(ydoc, type, tr.doc, meta);
      ({ doc, meta } = initProseMirrorDoc(type, schema));
    },
    /** Where `words` start, `nth` occurrence (0 first). */
    find(words: string, nth = 0) {
      const found = quoteOccurrences(doc, words)[nth];
      if (!found) throw new Error(`"${words}" is not in the document`);
      return found;
    },
    anchorOn(words: string, nth = 0): Anchor {
      const { from, to } = this.find(words, nth);
      const anchor = anchorFromRange(binding(), from, to);
      if (!anchor) throw new Error('no anchor');
      return anchor;
    },
    /** The words a thread on `quote` is located on now, and how it was found. */
    located(anchor: Anchor, quote: string, near: number | null = null) {
      const location = locateThread(doc, binding(), { anchor, quote }, near);
      return location && { words: doc.textBetween(location.from, location.to, '\n'), by: location.by, from: location.from };
    },
  };
}

const SENTENCE = 'Millet roots reach the hardpan at 40 cm.';
const QUOTE = 'hardpan at 40 cm';

describe('locating a thread', () => {
  it('goes by its anchor while the anchor resolves', () => {
    const editor = editorOn('Observations', SENTENCE);
    const anchor = editor.anchorOn(QUOTE);
    editor.edit((tr) => tr.insertText('Deep ', editor.find('Millet').from));
    expect(editor.located(anchor, QUOTE)).toMatchObject({ words: QUOTE, by: 'anchor' });
  });

  it('finds the words by their quote when a paragraph is split before them (Enter in the same paragraph)', () => {
    const editor = editorOn('Observations', SENTENCE);
    const anchor = editor.anchorOn(QUOTE);
    editor.edit((tr) => tr.split(editor.find('reach').from));
    expect(editor.doc.child(2).textContent).toBe('reach the hardpan at 40 cm.');
    // What the review found: the words are there, but the anchor no longer says where.
    expect(rangeFromAnchor(editor.binding(), anchor, editor.doc.content.size)).toBeNull();
    expect(editor.located(anchor, QUOTE)).toMatchObject({ words: QUOTE, by: 'quote' });
  });

  it('finds the words by their quote when their paragraph is joined to the one above', () => {
    const editor = editorOn('Observations', 'Dry season.', SENTENCE);
    const anchor = editor.anchorOn(QUOTE);
    editor.edit((tr) => tr.join(editor.find('Millet').from - 1));
    expect(editor.doc.child(1).textContent).toBe(`Dry season.${SENTENCE}`);
    expect(rangeFromAnchor(editor.binding(), anchor, editor.doc.content.size)).toBeNull();
    expect(editor.located(anchor, QUOTE)).toMatchObject({ words: QUOTE, by: 'quote' });
  });

  it('finds the words by their quote when their paragraph becomes a heading', () => {
    const editor = editorOn('Observations', SENTENCE);
    const anchor = editor.anchorOn(QUOTE);
    const at = editor.find(QUOTE).from;
    editor.edit((tr) => tr.setBlockType(at, at, schema.nodes.heading!, { level: 2 }));
    expect(editor.doc.child(1).type.name).toBe('heading');
    expect(rangeFromAnchor(editor.binding(), anchor, editor.doc.content.size)).toBeNull();
    expect(editor.located(anchor, QUOTE)).toMatchObject({ words: QUOTE, by: 'quote' });
  });

  it('takes, of several places with the quoted words, the one nearest to where they last were', () => {
    const editor = editorOn('40 cm deep in the north.', 'Roots stop at 40 cm here.', 'And 40 cm again.');
    const anchor = editor.anchorOn('40 cm', 1);
    const lastFrom = editor.find('40 cm', 1).from;
    editor.edit((tr) => tr.split(editor.find('stop').from));
    const second = editor.find('40 cm', 1);
    expect(editor.located(anchor, '40 cm', lastFrom)).toEqual({ words: '40 cm', by: 'quote', from: second.from });
    // Without a last place: the first.
    expect(editor.located(anchor, '40 cm')).toEqual({ words: '40 cm', by: 'quote', from: editor.find('40 cm').from });
  });

  it('finds words that span paragraphs, as the composer quotes them', () => {
    const editor = editorOn('Observations', 'First paragraph', 'Second one');
    const anchor = editor.anchorOn('paragraph\nSecond');
    const at = editor.find('First').from;
    editor.edit((tr) => tr.setBlockType(at, at, schema.nodes.heading!, { level: 3 }));
    expect(editor.located(anchor, 'paragraph\nSecond')).toMatchObject({ words: 'paragraph\nSecond', by: 'quote' });
  });

  it('is detached only when the quoted words are nowhere in the text', () => {
    const editor = editorOn('Observations', SENTENCE);
    const anchor = editor.anchorOn(QUOTE);
    editor.edit((tr) => tr.delete(editor.find(QUOTE).from, editor.find(QUOTE).to));
    expect(editor.located(anchor, QUOTE)).toBeNull();
    expect(editor.located(anchor, '')).toBeNull();
  });

  it('gives words found by their quote an anchor that resolves to them again', () => {
    const editor = editorOn('Observations', SENTENCE);
    const anchor = editor.anchorOn(QUOTE);
    editor.edit((tr) => tr.split(editor.find('reach').from));
    const found = locateThread(editor.doc, editor.binding(), { anchor, quote: QUOTE });
    const renewed = anchorFromRange(editor.binding(), found!.from, found!.to);
    expect(editor.located(renewed!, QUOTE)).toMatchObject({ words: QUOTE, by: 'anchor' });
  });
});

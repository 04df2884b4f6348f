import { getSchema } from '@tiptap/core';
import { initProseMirrorDoc, prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { anchorFromRange, isAnchorKnown, rangeFromAnchor, type Anchor, type YBinding } from './anchors';
import { contentExtensions } from './content-extensions';

// The editor's schema and the binding y-tiptap keeps for a live view, rebuilt after each change as its view does.
const schema = getSchema(contentExtensions());

const paragraph = (text: string) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });

function makeDoc(...paragraphs: string[]): Y.Doc {
  const source = prosemirrorJSONToYDoc(schema, { type: 'doc', content: paragraphs.map(paragraph) }, YDOC_CONTENT);
  // Each replica gets its own client id, as every browser does.
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

function replicaOf(doc: Y.Doc): Y.Doc {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  return replica;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

function view(doc: Y.Doc) {
  const type = doc.getXmlFragment(YDOC_CONTENT);
  const { doc: pmDoc, mapping } = initProseMirrorDoc(type, schema);
  const binding: YBinding = { doc, type, mapping };
  return {
    binding,
    pmDoc,
    /** The ProseMirror range of the first occurrence of `words`. */
    find(words: string) {
      let found: { from: number; to: number } | null = null;
      pmDoc.descendants((node, pos) => {
        const at = node.isText ? (node.text ?? '').indexOf(words) : -1;
        if (!found && at >= 0) found = { from: pos + at, to: pos + at + words.length };
      });
      if (!found) throw new Error(`"${words}" is not in the document`);
      return found as { from: number; to: number };
    },
    anchored(anchor: Anchor): string | null {
      const range = rangeFromAnchor(binding, anchor, pmDoc.content.size);
      return range && pmDoc.textBetween(range.from, range.to, '\n');
    },
  };
}

function anchorOn(doc: Y.Doc, words: string): Anchor {
  const v = view(doc);
  const { from, to } = v.find(words);
  const anchor = anchorFromRange(v.binding, from, to);
  if (!anchor) throw new Error('no anchor');
  return anchor;
}

/** The Y.XmlText of the paragraph at `index`, to edit it as another person's browser would. */
function textOf(doc: Y.Doc, index: number): Y.XmlText {
  const block = doc.getXmlFragment(YDOC_CONTENT).get(index) as Y.XmlElement;
  return block.get(0) as Y.XmlText;
}

const SENTENCE = 'The quick brown fox jumps over the lazy dog.';

describe('an anchor', () => {
  it('covers the words it was taken on, encoded as base64', () => {
    const doc = makeDoc('Intro', SENTENCE);
    const anchor = anchorOn(doc, 'brown fox');
    expect(anchor.start).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(view(doc).anchored(anchor)).toBe('brown fox');
  });

  it('follows its words through concurrent edits before, inside and after it', () => {
    const mine = makeDoc('Intro', SENTENCE);
    const theirs = replicaOf(mine);
    const anchor = anchorOn(mine, 'brown fox');

    textOf(theirs, 1).insert(SENTENCE.indexOf('fox'), 'red ');
    textOf(theirs, 1).insert(0, 'Look: ');
    theirs.getXmlFragment(YDOC_CONTENT).insert(0, [new Y.XmlElement('paragraph')]);
    textOf(mine, 1).insert(SENTENCE.indexOf('brown'), 'very ');
    sync(mine, theirs);

    expect(view(mine).anchored(anchor)).toBe('brown red fox');
    expect(view(theirs).anchored(anchor)).toBe('brown red fox');
  });

  it('leaves out what is typed just before or just after it', () => {
    const doc = makeDoc(SENTENCE);
    const anchor = anchorOn(doc, 'brown fox');
    const text = textOf(doc, 0);
    text.insert(SENTENCE.indexOf('brown') + 'brown fox'.length, ' (really)');
    text.insert(SENTENCE.indexOf('brown'), 'big ');
    expect(view(doc).anchored(anchor)).toBe('brown fox');
    expect(view(doc).pmDoc.textContent).toBe('The quick big brown fox (really) jumps over the lazy dog.');
  });

  it('shrinks to what is left when part of its words go', () => {
    const doc = makeDoc(SENTENCE);
    const anchor = anchorOn(doc, 'brown fox jumps');
    textOf(doc, 0).delete(SENTENCE.indexOf('fox jumps'), 'fox jumps'.length);
    expect(view(doc).anchored(anchor)).toBe('brown ');
  });

  it('is detached once its words are deleted, by anyone', () => {
    const mine = makeDoc(SENTENCE);
    const theirs = replicaOf(mine);
    const anchor = anchorOn(mine, 'brown fox');
    textOf(theirs, 0).delete(SENTENCE.indexOf('quick'), 'quick brown fox '.length);
    textOf(mine, 0).insert(SENTENCE.length - 1, ' again');
    sync(mine, theirs);
    expect(view(mine).anchored(anchor)).toBeNull();
  });

  it('is detached when its paragraph is deleted, and back when the deletion is undone', () => {
    const doc = makeDoc('Intro', SENTENCE, 'Outro');
    const anchor = anchorOn(doc, 'brown fox');
    const fragment = doc.getXmlFragment(YDOC_CONTENT);
    const undo = new Y.UndoManager(fragment);
    fragment.delete(1, 1);
    expect(view(doc).anchored(anchor)).toBeNull();
    undo.undo();
    expect(view(doc).anchored(anchor)).toBe('brown fox');
  });

  it('is detached when the words are replaced, as a suggestion accepted elsewhere would do', () => {
    const doc = makeDoc(SENTENCE);
    const anchor = anchorOn(doc, 'lazy');
    const text = textOf(doc, 0);
    doc.transact(() => {
      text.delete(SENTENCE.indexOf('lazy'), 'lazy'.length);
      text.insert(SENTENCE.indexOf('lazy'), 'sleepy');
    });
    // The new words were typed where the old ones were: they are not the annotated words.
    expect(view(doc).anchored(anchor)).toBeNull();
  });

  it('works from the very first character of the document and across paragraphs', () => {
    const doc = makeDoc('First paragraph', 'Second one');
    const v = view(doc);
    const anchor = anchorFromRange(v.binding, v.find('First').from, v.find('Second').to);
    expect(anchor).not.toBeNull();
    expect(v.anchored(anchor!)).toBe('First paragraph\nSecond');
    textOf(doc, 0).insert(0, 'The ');
    expect(view(doc).anchored(anchor!)).toBe('First paragraph\nSecond');
  });

  it('is not taken on an empty range', () => {
    const doc = makeDoc(SENTENCE);
    const v = view(doc);
    const { from } = v.find('fox');
    expect(anchorFromRange(v.binding, from, from)).toBeNull();
  });

  it('is unknown, not detached, where the text it points into has not arrived', () => {
    const doc = makeDoc(SENTENCE);
    const anchor = anchorOn(doc, 'fox');
    expect(isAnchorKnown(doc, anchor)).toBe(true);
    expect(isAnchorKnown(new Y.Doc(), anchor)).toBe(false);
    expect(rangeFromAnchor(view(new Y.Doc()).binding, anchor, 0)).toBeNull();
  });

  it('is detached when it cannot be read', () => {
    const doc = makeDoc(SENTENCE);
    const v = view(doc);
    expect(v.anchored({ start: 'not base64!', end: '' })).toBeNull();
  });
});

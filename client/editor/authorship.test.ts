import { getSchema } from '@tiptap/core';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { authoredRuns, fragmentClientRuns } from '../lib/authorship';
import { authorshipDecorations } from './authorship';
import { contentExtensions } from './content-extensions';

// The editor's own schema and the Yjs binding's conversions: no DOM needed.
const schema = getSchema(contentExtensions());
const isLeaf = (name: string) => schema.nodes[name]?.isLeaf ?? false;

/** Every kind of node the editor has, written by the template (client 0). */
function richDoc(): Y.Doc {
  const doc = schema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Aim' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Seeds ' },
          { type: 'text', text: 'and', marks: [{ type: 'bold' }] },
          { type: 'hardBreak' },
          { type: 'text', text: 'water' },
        ],
      },
      { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Millet' }] }] }] },
      { type: 'horizontalRule' },
      { type: 'blockquote', content: [{ type: 'paragraph' }] },
      { type: 'codeBlock', content: [{ type: 'text', text: 'x = 1' }] },
    ],
  });
  const ydoc = new Y.Doc();
  ydoc.clientID = 0;
  prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment(YDOC_CONTENT));
  return ydoc;
}

/** Inserts `text` into the `index`-th Y.XmlText found, under client `clientId`. */
function typeAs(ydoc: Y.Doc, clientId: number, textIndex: number, offset: number, text: string): void {
  const other = new Y.Doc();
  other.clientID = clientId;
  Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
  const texts: Y.XmlText[] = [];
  const walk = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) texts.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(other.getXmlFragment(YDOC_CONTENT));
  texts[textIndex]!.insert(offset, text);
  Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other));
}

describe('authorship over the editor’s document', () => {
  it('adds up to the size of the document the binding builds, for every kind of node', () => {
    const ydoc = richDoc();
    const doc = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(YDOC_CONTENT), schema);
    expect(fragmentClientRuns(ydoc.getXmlFragment(YDOC_CONTENT), isLeaf).size).toBe(doc.content.size);
  });

  it('places each person’s words where the editor has them', () => {
    const ydoc = richDoc();
    typeAs(ydoc, 7, 2, 0, 'clean ');
    typeAs(ydoc, 9, 3, 6, ' and sorghum');
    const doc = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(YDOC_CONTENT), schema);
    const { runs, size } = fragmentClientRuns(ydoc.getXmlFragment(YDOC_CONTENT), isLeaf);
    expect(size).toBe(doc.content.size);
    const written = runs.filter((run) => run.clientId !== 0).map((run) => [run.clientId, doc.textBetween(run.from, run.to)]);
    expect(written).toEqual([
      [7, 'clean '],
      [9, ' and sorghum'],
    ]);
    for (const run of runs.filter((run) => run.clientId === 0)) expect(doc.textBetween(run.from, run.to).length).toBe(run.to - run.from);
  });

  it('colours the runs of those with a colour, leaving the template’s alone', () => {
    const ydoc = richDoc();
    typeAs(ydoc, 7, 0, 3, 's');
    const doc = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(YDOC_CONTENT), schema);
    const { runs } = fragmentClientRuns(ydoc.getXmlFragment(YDOC_CONTENT), isLeaf);
    const organisation = { id: 'o-1', name: 'Agri Coop', kind: 'farmers_organisation' as const, color: '#2a9d8f' };
    const attribution = { clients: [{ clientId: 7, userId: 'u-ana', name: 'Ana', organisation }], credits: [] };
    const decorations = authorshipDecorations(doc, authoredRuns(runs, attribution, 'organisation')).find();
    expect(decorations.map((decoration) => [decoration.from, decoration.to])).toEqual([[4, 5]]);
    expect(doc.textBetween(4, 5)).toBe('s');
  });
});

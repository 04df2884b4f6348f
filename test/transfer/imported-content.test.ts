import { getSchema } from '@tiptap/core';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { contentExtensions } from '../../client/editor/content-extensions';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { treeFromMarkdown } from '../../server/transfer/from-markdown';
import { heading, list, paragraph, SAMPLE_BLOCKS } from '../../server/transfer/test-fixtures';
import { elementsFromTree } from '../../server/transfer/to-ydoc';
import type { Block } from '../../server/transfer/tree';

/** What the server writes for an import, read by the editor's own schema and Yjs binding. */
const schema = getSchema(contentExtensions());

function imported(blocks: Block[]): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(YDOC_CONTENT);
  fragment.insert(0, elementsFromTree(blocks));
  return fragment;
}

describe('imported content in the editor', () => {
  it.each([
    ['every structure an import keeps', SAMPLE_BLOCKS],
    ['a list item that opens with a list, an empty quote, a ragged table', [
      list(true, [[list(false, [[paragraph('imbriqué')]])]], 4),
      { type: 'blockquote', content: [] },
      { type: 'table', rows: [[{ header: true, content: [] }], [{ header: false, content: [paragraph('a')] }, { header: false, content: [paragraph('b')] }]] },
    ] as Block[]],
    ['a Markdown file', treeFromMarkdown('# T\n\n1. *a* **b**\n   - c\n\n| x | y |\n|---|---|\n| 1 |\n\n> q\n\n---\n\n![img](https://e.org/i.png)').blocks],
  ])('is valid for the editor’s schema, and is what the editor would write itself: %s', (_, blocks) => {
    const fragment = imported(blocks);
    const node = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    node.check();
    const written = prosemirrorToYXmlFragment(node, new Y.Doc().getXmlFragment(YDOC_CONTENT));
    expect(written.toJSON()).toBe(fragment.toJSON());
  });

  it('keeps a heading’s section and level, and a table as a table', () => {
    const node = yXmlFragmentToProseMirrorRootNode(imported([heading(2, 'Leçons', 'lessons'), SAMPLE_BLOCKS[6]!]), schema);
    expect(node.child(0).attrs).toMatchObject({ level: 2, section: 'lessons' });
    expect(node.child(1).type.name).toBe('table');
    expect(node.child(1).child(0).child(0).type.name).toBe('tableHeader');
  });
});

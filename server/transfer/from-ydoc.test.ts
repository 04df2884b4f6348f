import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { treeFromFragment } from './from-ydoc';
import { SAMPLE_BLOCKS, heading, marked, paragraph } from './test-fixtures';
import { elementsFromTree } from './to-ydoc';
import { text } from './tree';

function docOf(build: (fragment: Y.XmlFragment) => void): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => build(doc.getXmlFragment(YDOC_CONTENT)));
  return doc;
}

describe('the editor content as the export tree', () => {
  it('reads back every structure the importer writes, as it was', () => {
    const doc = docOf((fragment) => fragment.insert(0, elementsFromTree(SAMPLE_BLOCKS)));
    expect(treeFromFragment(doc.getXmlFragment(YDOC_CONTENT)).blocks).toEqual(SAMPLE_BLOCKS);
  });

  it('reads marks as y-prosemirror stores them: attributes with their attrs, hashed names, a link with more attrs than its href', () => {
    const doc = docOf((fragment) => {
      const p = new Y.XmlElement('paragraph');
      const t = new Y.XmlText();
      p.insert(0, [t]);
      fragment.insert(0, [p]);
      t.insert(0, 'plain ');
      t.insert(6, 'bold', { bold: {} });
      t.insert(10, ' link', { link: { href: 'https://example.org', target: '_blank', rel: 'noopener' }, 'italic--x1y2': {} });
      t.insert(15, ' bad', { link: { href: 'javascript:alert(1)' } });
    });
    expect(treeFromFragment(doc.getXmlFragment(YDOC_CONTENT)).blocks).toEqual([
      paragraph('plain ', marked('bold', 'bold'), text(' link', ['italic'], 'https://example.org'), ' bad'),
    ]);
  });

  it('keeps the template section of a heading, and a document link by id', () => {
    const doc = docOf((fragment) => {
      const h = new Y.XmlElement('heading');
      (h as Y.XmlElement<{ level: number }>).setAttribute('level', 2);
      h.setAttribute('section', 'lessons');
      h.insert(0, [new Y.XmlText('Leçons apprises')]);
      const p = new Y.XmlElement('paragraph');
      const link = new Y.XmlElement('documentLink');
      link.setAttribute('documentId', 'doc123');
      link.setAttribute('label', 'Essais de semis');
      p.insert(0, [new Y.XmlText('Voir '), link, new Y.XmlElement('hardBreak'), new Y.XmlText('fin')]);
      fragment.insert(0, [h, p]);
    });
    expect(treeFromFragment(doc.getXmlFragment(YDOC_CONTENT)).blocks).toEqual([
      heading(2, 'Leçons apprises', 'lessons'),
      paragraph('Voir ', { type: 'documentLink', documentId: 'doc123', label: 'Essais de semis' }, { type: 'break' }, 'fin'),
    ]);
  });

  it('places notes where their words end, numbered in the order they appear', () => {
    let first!: Y.XmlText;
    let second!: Y.XmlText;
    const doc = docOf((fragment) => {
      first = new Y.XmlText();
      second = new Y.XmlText();
      const a = new Y.XmlElement('paragraph');
      const b = new Y.XmlElement('paragraph');
      a.insert(0, [first]);
      b.insert(0, [second]);
      fragment.insert(0, [a, b]);
      first.insert(0, 'Le sorgho résiste');
      first.insert(9, ' rouge', { bold: {} });
    });
    const { blocks, placed } = treeFromFragment(doc.getXmlFragment(YDOC_CONTENT), [
      { type: second, index: 0, key: 'late' },
      { type: first, index: 12, key: 'inside' },
      { type: first, index: 100, key: 'end' },
    ]);
    expect(placed).toEqual(['inside', 'end', 'late']);
    expect(blocks).toEqual([
      paragraph('Le sorgho', marked(' ro', 'bold'), { type: 'noteRef', note: 1 }, marked('uge', 'bold'), ' résiste', { type: 'noteRef', note: 2 }),
      { type: 'paragraph', content: [{ type: 'noteRef', note: 3 }] },
    ]);
  });

  it('keeps the text of nodes it does not know', () => {
    const doc = docOf((fragment) => {
      const figure = new Y.XmlElement('figure');
      const caption = new Y.XmlElement('paragraph');
      caption.insert(0, [new Y.XmlText('Légende')]);
      figure.insert(0, [caption, new Y.XmlText('perdu ?')]);
      fragment.insert(0, [figure]);
    });
    expect(treeFromFragment(doc.getXmlFragment(YDOC_CONTENT)).blocks).toEqual([paragraph('Légende'), paragraph('perdu ?')]);
  });
});

import * as Y from 'yjs';
import { NODE_DOCUMENT_LINK, NODE_SECTION_HEADING } from '../../shared/knowledge/kinds';
import type { Block, Inline, TableCell } from './tree';

/**
 * The export tree as the editor's content: the nodes y-prosemirror would
 * write for it (element name = node type, attributes = node attrs, marks as
 * the text's attributes), shaped as the editor's schema requires, so
 * opening an imported document changes nothing. Notes' references are
 * not content and are left out.
 */
export function elementsFromTree(blocks: readonly Block[]): Y.XmlElement[] {
  return blocks.map(element);
}

function element(block: Block): Y.XmlElement {
  switch (block.type) {
    case 'paragraph':
      return withChildren(new Y.XmlElement('paragraph'), inlines(block.content));
    case 'heading': {
      const heading = withChildren(new Y.XmlElement(NODE_SECTION_HEADING), inlines(block.content));
      // A number, as y-prosemirror stores it; Yjs's typing only knows strings.
      (heading as Y.XmlElement<{ level: number }>).setAttribute('level', Math.min(Math.max(block.level, 1), 6));
      if (block.section) heading.setAttribute('section', block.section);
      return heading;
    }
    case 'list': {
      const list = new Y.XmlElement(block.ordered ? 'orderedList' : 'bulletList');
      if (block.ordered) (list as Y.XmlElement<{ start: number }>).setAttribute('start', block.start);
      return withChildren(list, block.items.map((item) => withChildren(new Y.XmlElement('listItem'), startingWithParagraph(item).map(element))));
    }
    case 'blockquote':
      return withChildren(new Y.XmlElement('blockquote'), atLeastAParagraph(block.content).map(element));
    case 'code':
      return withChildren(new Y.XmlElement('codeBlock'), block.text ? [new Y.XmlText(block.text)] : []);
    case 'rule':
      return new Y.XmlElement('horizontalRule');
    case 'table':
      return withChildren(new Y.XmlElement('table'), square(block.rows).map((row) => withChildren(new Y.XmlElement('tableRow'), row.map(cell))));
  }
}

function cell({ header, content }: TableCell): Y.XmlElement {
  const node = withChildren(new Y.XmlElement(header ? 'tableHeader' : 'tableCell'), atLeastAParagraph(content).map(element));
  const spans = node as Y.XmlElement<{ colspan: number; rowspan: number }>;
  spans.setAttribute('colspan', 1);
  spans.setAttribute('rowspan', 1);
  return node;
}

/** Rows as wide as the widest: the editor's tables are rectangular. */
function square(rows: readonly TableCell[][]): TableCell[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((row) => [...row, ...Array.from({ length: width - row.length }, () => ({ header: false, content: [] }))]);
}

const emptyParagraph: Block = { type: 'paragraph', content: [] };
const atLeastAParagraph = (blocks: readonly Block[]) => (blocks.length > 0 ? blocks : [emptyParagraph]);
/** A list item opens with a paragraph in the editor's schema. */
const startingWithParagraph = (blocks: readonly Block[]) => (blocks[0]?.type === 'paragraph' ? blocks : [emptyParagraph, ...blocks]);

/** The attributes the editor's Link mark gives every link it makes. */
const LINK_ATTRIBUTES = { target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null };

/** Runs of text become one Y.XmlText, with each run's marks as attributes; line breaks and document links are elements between them. */
function inlines(content: readonly Inline[]): Array<Y.XmlText | Y.XmlElement> {
  const out: Array<Y.XmlText | Y.XmlElement> = [];
  let delta: Array<{ insert: string; attributes?: Record<string, object> }> = [];
  const flush = () => {
    if (delta.length === 0) return;
    const text = new Y.XmlText();
    text.applyDelta(delta);
    out.push(text);
    delta = [];
  };
  for (const inline of content) {
    if (inline.type === 'text') {
      if (inline.text === '') continue;
      const attributes: Record<string, object> = Object.fromEntries(inline.marks.map((m) => [m, {}]));
      if (inline.href) attributes.link = { ...LINK_ATTRIBUTES, href: inline.href };
      delta.push(Object.keys(attributes).length > 0 ? { insert: inline.text, attributes } : { insert: inline.text });
    } else if (inline.type === 'break') {
      flush();
      out.push(new Y.XmlElement('hardBreak'));
    } else if (inline.type === 'documentLink') {
      flush();
      const link = new Y.XmlElement(NODE_DOCUMENT_LINK);
      link.setAttribute('documentId', inline.documentId);
      link.setAttribute('label', inline.label);
      out.push(link);
    }
  }
  flush();
  return out;
}

function withChildren(parent: Y.XmlElement, children: Array<Y.XmlText | Y.XmlElement>): Y.XmlElement {
  if (children.length > 0) parent.insert(0, children);
  return parent;
}

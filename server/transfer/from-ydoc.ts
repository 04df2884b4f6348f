import * as Y from 'yjs';
import { NODE_DOCUMENT_LINK } from '../../shared/knowledge/kinds';
import { type Block, type Inline, type Mark, MARKS, mergeRuns, safeHref, sortMarks, type TableCell } from './tree';

/**
 * The editor's content (the Y.XmlFragment y-prosemirror binds Tiptap to:
 * element name = node type, attributes = node attrs, Y.XmlText with marks
 * as attributes) as the export tree. Nodes the tree has no place for keep
 * their text: an unknown block's children are read as blocks, an unknown
 * inline element as its text.
 */

/** Where a note's reference goes: after `index` characters of a text. */
export interface NoteAnchor {
  /** The Y.XmlText the position resolves in. */
  type: object;
  index: number;
  key: string;
}

export interface FragmentTree {
  blocks: Block[];
  /** The keys of the anchors placed, in the order they appear: a note's number is its place here plus one. */
  placed: string[];
}

export function treeFromFragment(fragment: Y.XmlFragment, anchors: readonly NoteAnchor[] = []): FragmentTree {
  const reader = new Reader(anchors);
  return { blocks: reader.blocks(fragment.toArray()), placed: reader.placed };
}

type Node = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** y-prosemirror names a mark that may overlap itself `name--hash`; the name is what counts. */
const markName = (attribute: string) => attribute.replace(/--.*$/, '');

class Reader {
  readonly placed: string[] = [];
  private readonly anchorsByType = new Map<object, Array<{ index: number; key: string }>>();

  constructor(anchors: readonly NoteAnchor[]) {
    for (const { type, index, key } of anchors) {
      const list = this.anchorsByType.get(type) ?? [];
      list.push({ index, key });
      this.anchorsByType.set(type, list);
    }
    for (const list of this.anchorsByType.values()) list.sort((a, b) => a.index - b.index);
  }

  blocks(nodes: readonly Node[]): Block[] {
    const out: Block[] = [];
    let loose: Inline[] = [];
    // Text straight under a block container (which the editor never writes) becomes a paragraph of its own.
    const flush = () => {
      if (loose.length > 0) out.push({ type: 'paragraph', content: mergeRuns(loose) });
      loose = [];
    };
    for (const node of nodes) {
      if (node instanceof Y.XmlElement && !isInline(node)) {
        flush();
        out.push(...this.block(node));
      } else loose.push(...this.inline(node));
    }
    flush();
    return out;
  }

  private block(element: Y.XmlElement): Block[] {
    const children = element.toArray();
    switch (element.nodeName) {
      case 'paragraph':
        return [{ type: 'paragraph', content: this.inlines(children) }];
      case 'heading': {
        const level = Number(element.getAttribute('level'));
        const section = element.getAttribute('section');
        return [
          {
            type: 'heading',
            level: Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2,
            section: typeof section === 'string' && section ? section : null,
            content: this.inlines(children),
          },
        ];
      }
      case 'bulletList':
      case 'orderedList': {
        const start = Number(element.getAttribute('start') ?? 1);
        return [
          {
            type: 'list',
            ordered: element.nodeName === 'orderedList',
            start: Number.isInteger(start) && start >= 0 ? start : 1,
            items: children.map((item) => this.blocks(item instanceof Y.XmlElement && item.nodeName === 'listItem' ? item.toArray() : [item])),
          },
        ];
      }
      case 'blockquote':
        return [{ type: 'blockquote', content: this.blocks(children) }];
      case 'codeBlock':
        return [{ type: 'code', text: children.map((c) => (c instanceof Y.XmlText ? c.toString() : '')).join('') }];
      case 'horizontalRule':
        return [{ type: 'rule' }];
      case 'table':
        return [{ type: 'table', rows: children.flatMap((row) => (row instanceof Y.XmlElement ? [this.row(row)] : [])) }];
      default:
        return this.blocks(children);
    }
  }

  private row(row: Y.XmlElement): TableCell[] {
    return row.toArray().flatMap((cell) =>
      cell instanceof Y.XmlElement ? [{ header: cell.nodeName === 'tableHeader', content: this.blocks(cell.toArray()) }] : [],
    );
  }

  private inlines(nodes: readonly Node[]): Inline[] {
    return mergeRuns(nodes.flatMap((node) => this.inline(node)));
  }

  private inline(node: Node): Inline[] {
    if (node instanceof Y.XmlText) return this.text(node);
    if (!(node instanceof Y.XmlElement)) return [];
    if (node.nodeName === 'hardBreak') return [{ type: 'break' }];
    if (node.nodeName === NODE_DOCUMENT_LINK) {
      const documentId = node.getAttribute('documentId');
      const label = node.getAttribute('label');
      return typeof documentId === 'string' ? [{ type: 'documentLink', documentId, label: typeof label === 'string' ? label : '' }] : [];
    }
    return node.toArray().flatMap((child) => this.inline(child));
  }

  private text(node: Y.XmlText): Inline[] {
    const anchors = [...(this.anchorsByType.get(node) ?? [])];
    const out: Inline[] = [];
    let offset = 0;
    const placeUpTo = (index: number) => {
      while (anchors.length > 0 && anchors[0]!.index <= index) {
        this.placed.push(anchors.shift()!.key);
        out.push({ type: 'noteRef', note: this.placed.length });
      }
    };
    for (const op of node.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
      if (typeof op.insert !== 'string') {
        offset += 1;
        continue;
      }
      const attributes = op.attributes ?? {};
      const marks = sortMarks(Object.keys(attributes).map(markName).filter((m): m is Mark => (MARKS as readonly string[]).includes(m)));
      const link = Object.entries(attributes).find(([name]) => markName(name) === 'link')?.[1] as { href?: unknown } | undefined;
      const href = safeHref(link?.href);
      // A note's reference goes where its words end, which may fall inside a run.
      let from = 0;
      while (anchors.length > 0 && anchors[0]!.index < offset + op.insert.length) {
        const cut = Math.max(anchors[0]!.index - offset, from);
        out.push({ type: 'text', text: op.insert.slice(from, cut), marks, href });
        placeUpTo(offset + cut);
        from = cut;
      }
      out.push({ type: 'text', text: op.insert.slice(from), marks, href });
      offset += op.insert.length;
    }
    placeUpTo(Number.POSITIVE_INFINITY);
    return out;
  }
}

const INLINE_NODES = new Set(['hardBreak', NODE_DOCUMENT_LINK]);
const isInline = (element: Y.XmlElement) => INLINE_NODES.has(element.nodeName);

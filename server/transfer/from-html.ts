import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { type Block, type Inline, type Mark, mergeRuns, safeHref, sortMarks, type TableCell, text } from './tree';

/**
 * HTML as the export tree: what both importers go through (Markdown is
 * rendered to HTML by markdown-it, Word documents by mammoth), so a file's
 * structure is read one way whatever it came as. The editor has no image
 * node: an image becomes a link to it when it is on the web, else its
 * description in brackets. Links within the page (`#…`, a Word document's
 * footnote marks) keep only their text.
 */
export function treeFromHtml(html: string): Block[] {
  return blocks(parseDocument(html).children);
}

const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const MARK_TAGS: Record<string, Mark> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strike',
  del: 'strike',
  strike: 'strike',
  code: 'code',
};
/** Elements that hold blocks: their children are read as blocks. */
const CONTAINERS = new Set(['html', 'body', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'figure', 'details', 'dl', 'dd', 'dt', 'center']);
/** Elements whose content never shows. */
const HIDDEN = new Set(['head', 'script', 'style', 'template', 'title', 'meta', 'link', 'noscript']);
const BLOCKS = new Set([...Object.keys(HEADINGS), ...CONTAINERS, 'p', 'ul', 'ol', 'li', 'blockquote', 'pre', 'hr', 'table']);

function blocks(nodes: readonly ChildNode[]): Block[] {
  const out: Block[] = [];
  let loose: Inline[] = [];
  const flush = () => {
    const content = tidy(loose);
    if (content.length > 0) out.push({ type: 'paragraph', content });
    loose = [];
  };
  for (const node of nodes) {
    if (isTag(node) && HIDDEN.has(node.name)) continue;
    if (isTag(node) && BLOCKS.has(node.name)) {
      flush();
      out.push(...block(node));
    } else loose.push(...inline(node, [], null));
  }
  flush();
  return out;
}

function block(element: Element): Block[] {
  const level = HEADINGS[element.name];
  if (level) return [{ type: 'heading', level, section: element.attribs['data-section'] || null, content: inlineContent(element) }];
  switch (element.name) {
    case 'p':
      return [{ type: 'paragraph', content: inlineContent(element) }];
    case 'ul':
    case 'ol': {
      const start = Number(element.attribs.start ?? 1);
      const items = element.children.filter((c): c is Element => isTag(c) && c.name === 'li').map((li) => blocks(li.children));
      return [{ type: 'list', ordered: element.name === 'ol', start: Number.isInteger(start) && start >= 0 ? start : 1, items }];
    }
    case 'blockquote':
      return [{ type: 'blockquote', content: blocks(element.children) }];
    case 'pre':
      return [{ type: 'code', text: textOf(element).replace(/\n$/, '') }];
    case 'hr':
      return [{ type: 'rule' }];
    case 'table':
      return [{ type: 'table', rows: rowsOf(element) }];
    default:
      // A container, or a list item found outside a list.
      return blocks(element.children);
  }
}

/** Every row of a table, its head's and its body's alike, in order; a cell's content is read as blocks. */
function rowsOf(table: Element): TableCell[][] {
  const rows: TableCell[][] = [];
  const walk = (nodes: readonly ChildNode[]) => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      if (node.name === 'tr') {
        rows.push(
          node.children
            .filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th'))
            .map((cell) => ({ header: cell.name === 'th', content: blocks(cell.children) })),
        );
      } else if (['thead', 'tbody', 'tfoot'].includes(node.name)) walk(node.children);
    }
  };
  walk(table.children);
  return rows.filter((row) => row.length > 0);
}

const inlineContent = (element: Element) => tidy(element.children.flatMap((c) => inline(c, [], null)));

function inline(node: ChildNode, marks: readonly Mark[], href: string | null): Inline[] {
  if (isText(node)) return [text(node.data, marks, href)];
  if (!isTag(node) || HIDDEN.has(node.name)) return [];
  if (node.name === 'br') return [{ type: 'break' }];
  if (node.name === 'img') return image(node, marks);
  if (node.name === 'a' && node.attribs['data-document-id']) {
    return [{ type: 'documentLink', documentId: node.attribs['data-document-id'], label: textOf(node).trim() }];
  }
  const mark = MARK_TAGS[node.name];
  const inner = mark ? sortMarks([...marks, mark]) : marks;
  const link = node.name === 'a' ? safeHref(node.attribs.href) ?? href : href;
  return node.children.flatMap((child) => inline(child, inner, link));
}

function image(img: Element, marks: readonly Mark[]): Inline[] {
  const description = (img.attribs.alt || img.attribs.title || '').trim();
  const src = safeHref(img.attribs.src);
  if (src) return [text(description || src, marks, src)];
  return description ? [text(`[${description}]`, marks, null)] : [];
}


function textOf(node: ChildNode): string {
  if (isText(node)) return node.data;
  return isTag(node) ? (node.name === 'br' ? '\n' : node.children.map(textOf).join('')) : '';
}

/**
 * White space as a browser shows it: runs of it as one space, none at the
 * start or end of a block or around a line break.
 */
function tidy(content: readonly Inline[]): Inline[] {
  const collapsed = content.map((i) => (i.type === 'text' ? { ...i, text: i.text.replace(/[ \t\n\r\f]+/g, ' ') } : i));
  const out: Inline[] = [];
  for (const inline of collapsed) {
    const previous = out[out.length - 1];
    if (inline.type === 'text') {
      const afterSpace = !previous || previous.type === 'break' || (previous.type === 'text' && previous.text.endsWith(' '));
      const value = afterSpace ? inline.text.replace(/^ /, '') : inline.text;
      if (value) out.push({ ...inline, text: value });
    } else {
      if (inline.type === 'break') trimEnd(out);
      out.push(inline);
    }
  }
  trimEnd(out);
  return mergeRuns(out);
}

function trimEnd(content: Inline[]): void {
  const last = content[content.length - 1];
  if (last?.type !== 'text') return;
  const value = last.text.replace(/ $/, '');
  if (value) content[content.length - 1] = { ...last, text: value };
  else {
    content.pop();
    trimEnd(content);
  }
}

/**
 * A document's text as every exporter reads it and every importer writes
 * it: a small tree of blocks and inline runs, free of Yjs, HTML and file
 * formats. The editor's content becomes this tree once (from-ydoc.ts), each
 * format renders it (render-*.ts), and imported files are parsed into it
 * (from-html.ts, from-markdown.ts, from-docx.ts) before becoming content
 * (to-ydoc.ts).
 */

/** The editor's marks that exports keep; a link is a run's `href`. */
export const MARKS = ['bold', 'italic', 'underline', 'strike', 'code'] as const;
export type Mark = (typeof MARKS)[number];

export type Inline =
  | { type: 'text'; text: string; marks: readonly Mark[]; href: string | null }
  | { type: 'break' }
  /** A link to another document of the platform, by id; `label` is its title when known. */
  | { type: 'documentLink'; documentId: string; label: string }
  /** Where an annotation ends: the number of its footnote. */
  | { type: 'noteRef'; note: number };

export interface TableCell {
  header: boolean;
  content: Block[];
}

export type Block =
  | { type: 'heading'; level: number; section: string | null; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'blockquote'; content: Block[] }
  | { type: 'code'; text: string }
  | { type: 'rule' }
  | { type: 'table'; rows: TableCell[][] };

export const text = (value: string, marks: readonly Mark[] = [], href: string | null = null): Inline => ({ type: 'text', text: value, marks, href });

/** Text that may hold line breaks, as runs and breaks. */
export const linesOf = (value: string, marks: readonly Mark[] = []): Inline[] =>
  value.split('\n').flatMap((line, i): Inline[] => (i === 0 ? [text(line, marks)] : [{ type: 'break' }, text(line, marks)]));

/** A link that leads to a page or a mail, never a script: what the tree keeps of a link, from any source. */
export const safeHref = (href: unknown): string | null => (typeof href === 'string' && /^(https?:|mailto:|\/(?!\/))/i.test(href.trim()) ? href.trim() : null);

/** The words of inline content, without formatting; document links read as their label. */
export function plainText(content: readonly Inline[]): string {
  return content.map((i) => (i.type === 'text' ? i.text : i.type === 'break' ? '\n' : i.type === 'documentLink' ? i.label : '')).join('');
}

/** The words of blocks, one line each. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b): string => {
      switch (b.type) {
        case 'heading':
        case 'paragraph':
          return plainText(b.content);
        case 'list':
          return b.items.map(blocksText).join('\n');
        case 'blockquote':
          return blocksText(b.content);
        case 'code':
          return b.text;
        case 'rule':
          return '';
        case 'table':
          return b.rows.map((row) => row.map((cell) => blocksText(cell.content)).join('\t')).join('\n');
      }
    })
    .filter((line) => line.length > 0)
    .join('\n');
}

/** A paragraph with nothing in it: a template's guidance shows there, and no export shows it. */
export const isEmptyParagraph = (block: Block) => block.type === 'paragraph' && plainText(block.content).trim() === '' && !block.content.some((i) => i.type === 'noteRef');

/**
 * Neighbouring runs with the same marks and link as one run, and no empty
 * runs: two parsers of the same words then give the same tree.
 */
export function mergeRuns(content: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of content) {
    if (inline.type === 'text' && inline.text === '') continue;
    const last = out[out.length - 1];
    if (inline.type === 'text' && last?.type === 'text' && last.href === inline.href && sameMarks(last.marks, inline.marks)) {
      out[out.length - 1] = { ...last, text: last.text + inline.text };
    } else out.push(inline);
  }
  return out;
}

const sameMarks = (a: readonly Mark[], b: readonly Mark[]) => a.length === b.length && a.every((m) => b.includes(m));

/** Marks in one order, whatever order a format nested them in. */
export const sortMarks = (marks: Iterable<Mark>): Mark[] => MARKS.filter((m) => new Set(marks).has(m));

/**
 * The blocks of the section a heading with one of `sections` opens, up to
 * the next heading of the same level or above: where a document's lessons are.
 */
export function sectionBlocks(blocks: readonly Block[], sections: readonly string[]): Block[] {
  const start = blocks.findIndex((b) => b.type === 'heading' && b.section !== null && sections.includes(b.section));
  const heading = blocks[start];
  if (!heading || heading.type !== 'heading') return [];
  const rest = blocks.slice(start + 1);
  const end = rest.findIndex((b) => b.type === 'heading' && b.level <= heading.level);
  return end === -1 ? rest : rest.slice(0, end);
}

/** Each paragraph and list item of some blocks as one line of text: a section's points, as a list. */
export function points(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    if (b.type === 'list') return b.items.map((item) => blocksText(item).replace(/\s+/g, ' ').trim());
    if (b.type === 'paragraph' || b.type === 'blockquote' || b.type === 'code') return [blocksText([b]).replace(/\s+/g, ' ').trim()];
    return [];
  }).filter((line) => line.length > 0);
}

import type { ExportModel } from './export-model';
import { type Block, type Inline, isEmptyParagraph, type Mark } from './tree';

/**
 * A document as Markdown (CommonMark with GitHub's tables and
 * strikethrough): the title page as front matter, which the importer reads
 * back (title, kind, language), then the title, the text, and the notes as
 * footnotes. Markdown has no underline: underlined words stay plain.
 */
export function renderMarkdown(model: ExportModel): string {
  const parts = [frontMatter(model.frontMatter), `# ${inlineMarkdown([{ type: 'text', text: model.title, marks: [], href: null }], model)}`];
  parts.push(...blocksMarkdown(model.blocks, model));
  if (model.notes) {
    for (const note of model.notes.items) {
      const messages = note.messages.map((m) => `${m.author}, ${m.date}: ${m.body}`);
      const line = [`“${note.quote}” — ${note.label}.`, ...note.details, ...messages].map((l) => escape(l.replace(/\s+/g, ' '))).join(' ');
      parts.push(`[^${note.number}]: ${line}`);
    }
  }
  return `${parts.join('\n\n')}\n`;
}

/** Values as JSON, which is YAML too: any title or name is safe in it. */
function frontMatter(fields: ExportModel['frontMatter']): string {
  return ['---', ...Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`), '---'].join('\n');
}

function blocksMarkdown(blocks: readonly Block[], model: ExportModel): string[] {
  return blocks.filter((b) => !isEmptyParagraph(b)).map((b) => blockMarkdown(b, model));
}

function blockMarkdown(block: Block, model: ExportModel): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${inlineMarkdown(block.content, model)}`;
    case 'paragraph':
      return escapeLineStart(inlineMarkdown(block.content, model));
    case 'list':
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${block.start + i}. ` : '- ';
          const inner = blocksMarkdown(item, model);
          // A list right under the item's first paragraph keeps the list tight.
          const body = inner.reduce((out, part, j) => (j === 0 ? part : `${out}${item[j]?.type === 'list' ? '\n' : '\n\n'}${part}`), '');
          return marker + indent(body || '', ' '.repeat(marker.length)).trimStart();
        })
        .join('\n');
    case 'blockquote':
      return blocksMarkdown(block.content, model).join('\n\n').split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n');
    case 'code': {
      const fence = '`'.repeat(Math.max(3, ...[...block.text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
      return `${fence}\n${block.text}\n${fence}`;
    }
    case 'rule':
      return '---';
    case 'table': {
      const width = Math.max(...block.rows.map((r) => r.length));
      const cells = block.rows.map((row) =>
        Array.from({ length: width }, (_, i) => {
          const cell = row[i];
          return cell ? blocksMarkdown(cell.content, model).join(' ').replace(/\n/g, ' ').replace(/\|/g, '\\|') : '';
        }),
      );
      const line = (row: string[]) => `| ${row.map((c) => c || ' ').join(' | ')} |`;
      const [head = [], ...body] = cells;
      return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
    }
  }
}

const indent = (text: string, prefix: string) => text.split('\n').map((line) => (line ? prefix + line : line)).join('\n');

const DELIMITERS: Partial<Record<Mark, string>> = { bold: '**', italic: '*', strike: '~~' };

/**
 * Inline content with its marks as delimiters, opened and closed as runs
 * change so nested marks nest; white space stays outside delimiters, where
 * Markdown wants it.
 */
function inlineMarkdown(content: readonly Inline[], model: ExportModel): string {
  let out = '';
  let open: Mark[] = [];
  const close = (keep: readonly Mark[]) => {
    const trailing = /\s*$/.exec(out)![0];
    out = out.slice(0, out.length - trailing.length);
    while (open.length > 0 && !open.every((m) => keep.includes(m))) out += DELIMITERS[open.pop()!] ?? '';
    out += trailing;
  };
  for (const inline of content) {
    if (inline.type !== 'text') {
      close([]);
      if (inline.type === 'break') out += '\\\n';
      else if (inline.type === 'documentLink') out += `[${escape(inline.label)}](${model.documentUrl(inline.documentId)})`;
      else out += `[^${inline.note}]`;
      continue;
    }
    const marks = inline.marks.filter((m) => m in DELIMITERS || m === 'code');
    const delimited = marks.filter((m) => m !== 'code');
    close(inline.href ? [] : delimited);
    const [, leading = '', body = '', trailing = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(inline.text) ?? [];
    out += leading;
    if (!body) {
      out += trailing;
      continue;
    }
    let words = marks.includes('code') ? code(body) : escape(body);
    if (inline.href) {
      words = delimited.reduce((w, m) => `${DELIMITERS[m]}${w}${DELIMITERS[m]}`, words);
      out += `[${words}](${inline.href.replace(/[()\s]/g, encodeURIComponent)})${trailing}`;
      continue;
    }
    for (const m of delimited) {
      if (open.includes(m)) continue;
      out += DELIMITERS[m];
      open.push(m);
    }
    out += words + trailing;
  }
  close([]);
  return out;
}

function code(text: string): string {
  const ticks = '`'.repeat(Math.max(1, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${text}${pad}${ticks}`;
}

/** Characters Markdown would read as syntax inside a line. */
const escape = (text: string) => text.replace(/([\\`*_[\]<>~|])/g, '\\$1');

/** A paragraph must not read as a heading, a list, a quote or a rule. */
const escapeLineStart = (line: string) => line.replace(/^(\s*)([#>+-]|\d+(?=[.)]))/, (_, space: string, mark: string) => `${space}${/\d/.test(mark) ? `${mark}\\` : `\\${mark}`}`);

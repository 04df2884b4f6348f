import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  type ILevelsOptions,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ExportModel } from './export-model';
import { type Block, type Inline, isEmptyParagraph } from './tree';

/**
 * A document as a Word file (the `docx` package): a title page in a
 * section of its own, then the text with Word's own heading, list and table
 * structures, and the annotations as real footnotes. The title page's lines
 * carry a style of their own, TITLE_PAGE_STYLE, that the importer leaves out.
 */
export async function renderDocx(model: ExportModel): Promise<Uint8Array> {
  const writer = new DocxWriter(model);
  const body = writer.blocks(model.blocks, 0);
  const document = new Document({
    creator: 'Ensemble',
    title: model.title,
    styles: {
      default: { document: { run: { font: 'Calibri', size: 22 } } },
      paragraphStyles: [
        { id: TITLE_PAGE_STYLE_ID, name: TITLE_PAGE_STYLE, basedOn: 'Normal', paragraph: { spacing: { after: 120 } } },
        { id: CODE_BLOCK_STYLE_ID, name: CODE_BLOCK_STYLE, basedOn: 'Normal', run: { font: MONO }, paragraph: { spacing: { after: 0 } } },
        { id: QUOTE_STYLE_ID, name: 'Quote', basedOn: 'Normal', run: { italics: true, color: '374151' }, paragraph: { indent: { left: 567 } } },
      ],
      characterStyles: [{ id: INLINE_CODE_STYLE_ID, name: INLINE_CODE_STYLE, run: { font: MONO } }],
    },
    numbering: { config: writer.numbering() },
    footnotes: Object.fromEntries(
      (model.notes?.items ?? []).map((n) => [
        n.number,
        {
          children: [
            new Paragraph({ children: [new TextRun({ text: `“${n.quote}” — ${n.label}`, italics: true })] }),
            ...[...n.details, ...n.messages.map((m) => `${m.author}, ${m.date}: ${m.body}`)].map((line) => new Paragraph(line)),
          ],
        },
      ]),
    ),
    sections: [{ children: titlePage(model) }, { children: body.length > 0 ? body : [new Paragraph('')] }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The name of the title page's paragraph style: an import of this file skips those paragraphs. */
export const TITLE_PAGE_STYLE = 'Ensemble title page';
const TITLE_PAGE_STYLE_ID = 'EnsembleTitlePage';
const QUOTE_STYLE_ID = 'Quote';
/** Code has styles of its own, which the importer reads back as code. */
export const CODE_BLOCK_STYLE = 'Code block';
const CODE_BLOCK_STYLE_ID = 'CodeBlock';
export const INLINE_CODE_STYLE = 'Inline code';
const INLINE_CODE_STYLE_ID = 'InlineCode';
const MONO = 'Courier New';

function titlePage(model: ExportModel): Paragraph[] {
  const line = (children: ParagraphChild[], options: { spacingBefore?: number } = {}) =>
    new Paragraph({ style: TITLE_PAGE_STYLE_ID, children, spacing: options.spacingBefore ? { before: options.spacingBefore } : undefined });
  return [
    line([new TextRun({ text: model.kind.toLocaleUpperCase(model.language), color: '4B5563', size: 20 })], { spacingBefore: 2400 }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }),
    ...model.facts.map((f) => line([new TextRun({ text: `${f.label}: `, bold: true }), new TextRun(f.value)])),
    ...(model.lessons
      ? [
          line([new TextRun({ text: model.lessons.heading, bold: true, size: 26 })], { spacingBefore: 360 }),
          // Bullets typed, not Word's: a Word list would lose the style the importer skips.
          ...model.lessons.items.map((item) => new Paragraph({ style: TITLE_PAGE_STYLE_ID, indent: { left: INDENT / 2 }, children: [new TextRun(`•  ${item}`)] })),
        ]
      : []),
  ];
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
const INDENT = 720;

class DocxWriter {
  private lists = 0;
  private readonly starts = new Set<number>([1]);

  constructor(private readonly model: ExportModel) {}

  /** An ordered list's numbering per first number: each list is an instance of it, counted on its own. */
  numbering() {
    return [...this.starts].map((start) => ({ reference: orderedReference(start), levels: orderedLevels(start) }));
  }

  blocks(blocks: readonly Block[], depth: number): Array<Paragraph | Table> {
    return blocks.filter((b) => !isEmptyParagraph(b)).flatMap((b) => this.block(b, depth));
  }

  private block(block: Block, depth: number): Array<Paragraph | Table> {
    const indent = depth > 0 ? { left: INDENT * depth } : undefined;
    switch (block.type) {
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[block.level - 1] ?? HeadingLevel.HEADING_6, children: this.inlines(block.content) })];
      case 'paragraph':
        return [new Paragraph({ children: this.inlines(block.content), indent })];
      case 'list':
        return this.list(block, depth);
      case 'blockquote':
        // Its paragraphs in the quote's style; anything else in it indented a step.
        return block.content
          .filter((b) => !isEmptyParagraph(b))
          .flatMap((b) => (b.type === 'paragraph' ? [new Paragraph({ style: QUOTE_STYLE_ID, indent, children: this.inlines(b.content) })] : this.block(b, depth + 1)));
      case 'code':
        return block.text.split('\n').map((line) => new Paragraph({ style: CODE_BLOCK_STYLE_ID, indent, children: [new TextRun({ text: line, size: 20 })] }));
      case 'rule':
        return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '9CA3AF', space: 1 } }, children: [] })];
      case 'table':
        return [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: block.rows.map(
              (row, i) =>
                new TableRow({
                  // Left out rather than false: a reader may take the bare element for a header row.
                  tableHeader: i === 0 && row.every((c) => c.header) ? true : undefined,
                  children: row.map((cell) => {
                    const content = this.blocks(cell.content, 0);
                    return new TableCell({
                      children: content.length > 0 ? content : [new Paragraph('')],
                      shading: cell.header ? { fill: 'F3F4F6' } : undefined,
                    });
                  }),
                }),
            ),
          }),
        ];
    }
  }

  /** Each item's first paragraph carries the bullet or number; what follows in the item is indented under it. */
  private list(block: Extract<Block, { type: 'list' }>, depth: number): Array<Paragraph | Table> {
    this.starts.add(block.start);
    const instance = ++this.lists;
    return block.items.flatMap((item) => {
      const [first, ...rest] = item;
      const marker = block.ordered
        ? { numbering: { reference: orderedReference(block.start), level: Math.min(depth, 8), instance } }
        : { bullet: { level: Math.min(depth, 8) } };
      const head = first?.type === 'paragraph' ? [new Paragraph({ ...marker, children: this.inlines(first.content) })] : [];
      return [...head, ...this.blocks(first?.type === 'paragraph' ? rest : item, depth + 1)];
    });
  }

  private inlines(content: readonly Inline[]): ParagraphChild[] {
    return content.map((inline): ParagraphChild => {
      switch (inline.type) {
        case 'break':
          return new TextRun({ break: 1 });
        case 'noteRef':
          return new FootnoteReferenceRun(inline.note);
        case 'documentLink':
          return new ExternalHyperlink({ link: this.model.documentUrl(inline.documentId), children: [new TextRun({ text: inline.label, style: 'Hyperlink' })] });
        case 'text': {
          const run = new TextRun({
            text: inline.text,
            bold: inline.marks.includes('bold'),
            italics: inline.marks.includes('italic'),
            underline: inline.marks.includes('underline') ? {} : undefined,
            strike: inline.marks.includes('strike'),
            style: inline.marks.includes('code') ? INLINE_CODE_STYLE_ID : inline.href ? 'Hyperlink' : undefined,
          });
          return inline.href ? new ExternalHyperlink({ link: inline.href, children: [run] }) : run;
        }
      }
    });
  }
}

const orderedReference = (start: number) => `ordered-${start}`;

function orderedLevels(start: number): ILevelsOptions[] {
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    start: level === 0 ? start : 1,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: 360 } } },
  }));
}

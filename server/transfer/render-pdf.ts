import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ExportModel } from './export-model';
import { type Block, blocksText, type Inline, isEmptyParagraph } from './tree';

/**
 * A document as PDF, made on the server without a browser: pdfkit lays
 * out the title page, the text and the notes on A4 pages, with the DejaVu
 * fonts (shipped by the `dejavu-fonts-ttf` package and embedded as subsets)
 * so accents and any Latin, Greek or Cyrillic name print right. Tables are
 * drawn as a grid of plain text; notes' references are bracketed numbers.
 */
export function renderPdf(model: ExportModel): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: model.language,
    info: { Title: model.title, Subject: model.kind, Creator: 'Ensemble' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, fontFile(file));
  const writer = new PdfWriter(doc, model);
  writer.titlePage();
  doc.addPage();
  writer.blocks(model.blocks, 0);
  writer.notes();
  writer.pageNumbers();
  doc.end();
  return ended;
}

const MARGIN = 64;
const INDENT = 18;
const BODY_SIZE = 11;
const HEADING_SIZES = [20, 16, 14, 12.5, 11.5, 11];
const GREY = '#4b5563';
const TEXT = '#111827';
const LINK = '#1d4ed8';

const FONTS = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;
type Font = keyof typeof FONTS;

const require = createRequire(import.meta.url);
const fontFile = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);

class PdfWriter {
  /** The text's colour: grey in a quote. */
  private color = TEXT;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly model: ExportModel,
  ) {}

  private get width() {
    return this.doc.page.width - MARGIN * 2;
  }

  private get bottom() {
    return this.doc.page.height - MARGIN;
  }

  /** A new page when less than `height` is left on this one: a heading is not left alone at the foot of a page. */
  private keep(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  titlePage() {
    const { doc, model } = this;
    doc.y = MARGIN + 120;
    doc.font('regular').fontSize(10).fillColor(GREY).text(model.kind.toLocaleUpperCase(model.language), MARGIN, doc.y);
    doc.moveDown(0.5);
    doc.font('bold').fontSize(26).fillColor(TEXT).text(model.title, { width: this.width });
    doc.moveDown(1);
    for (const fact of model.facts) {
      doc.font('bold').fontSize(BODY_SIZE).fillColor(GREY).text(`${fact.label}: `, MARGIN, doc.y, { continued: true, width: this.width });
      doc.font('regular').fillColor(TEXT).text(fact.value);
      doc.moveDown(0.3);
    }
    if (model.lessons) {
      doc.moveDown(1);
      doc.font('bold').fontSize(14).fillColor(TEXT).text(model.lessons.heading, MARGIN, doc.y);
      doc.moveDown(0.4);
      for (const lesson of model.lessons.items) this.marked('•', [{ type: 'text', text: lesson, marks: [], href: null }], 0);
    }
  }

  blocks(blocks: readonly Block[], depth: number) {
    for (const block of blocks) if (!isEmptyParagraph(block)) this.block(block, depth);
  }

  private block(block: Block, depth: number) {
    const { doc } = this;
    const x = MARGIN + depth * INDENT;
    switch (block.type) {
      case 'heading': {
        const size = HEADING_SIZES[block.level - 1] ?? BODY_SIZE;
        this.keep(size * 4);
        doc.moveDown(0.6);
        this.paragraph(block.content, x, { size, base: 'bold' });
        doc.moveDown(0.2);
        return;
      }
      case 'paragraph':
        this.paragraph(block.content, x);
        doc.moveDown(0.5);
        return;
      case 'list':
        block.items.forEach((item, i) => {
          const [first, ...rest] = item;
          const marker = block.ordered ? `${block.start + i}.` : '•';
          if (first?.type === 'paragraph') {
            this.marked(marker, first.content, depth);
            this.blocks(rest, depth + 1);
          } else this.blocks(item, depth + 1);
        });
        doc.moveDown(0.3);
        return;
      case 'blockquote': {
        const top = doc.y;
        this.color = GREY;
        this.blocks(block.content, depth + 1);
        this.color = TEXT;
        // The bar beside the quote, where the quote stayed on one page.
        if (doc.y > top) doc.moveTo(x + INDENT / 2, top).lineTo(x + INDENT / 2, doc.y - 4).lineWidth(1.5).strokeColor('#9ca3af').stroke();
        return;
      }
      case 'code':
        doc.font('mono').fontSize(9.5).fillColor(TEXT).text(block.text, x + INDENT / 2, doc.y, { width: this.width - depth * INDENT - INDENT / 2 });
        doc.moveDown(0.5);
        return;
      case 'rule':
        doc.moveDown(0.3);
        doc.moveTo(x, doc.y).lineTo(MARGIN + this.width, doc.y).lineWidth(0.5).strokeColor('#9ca3af').stroke();
        doc.moveDown(0.6);
        return;
      case 'table':
        this.table(block.rows, x);
        return;
    }
  }

  /** A list item's first paragraph, its bullet or number in the margin before it. */
  private marked(marker: string, content: readonly Inline[], depth: number) {
    const { doc } = this;
    const x = MARGIN + depth * INDENT;
    this.keep(BODY_SIZE * 2);
    const y = doc.y;
    doc.font('regular').fontSize(BODY_SIZE).fillColor(TEXT).text(marker, x, y, { width: INDENT, lineBreak: false });
    this.paragraph(content, x + INDENT, { y });
    doc.moveDown(0.2);
  }

  /** Inline content as one flowing paragraph: each run in its own font, links clickable; a line break starts a new flow under it. */
  private paragraph(content: readonly Inline[], x: number, options: { size?: number; base?: Font; y?: number } = {}) {
    const { doc } = this;
    const size = options.size ?? BODY_SIZE;
    this.lines(content, options.base ?? 'regular').forEach((segments, line) => {
      segments.forEach((segment, i) => {
        const textOptions = { width: MARGIN + this.width - x, continued: i < segments.length - 1, lineGap: 2, ...segment.options };
        doc.font(segment.font).fontSize(size).fillColor(segment.options.link ? LINK : this.color);
        if (i === 0) doc.text(segment.words, x, line === 0 ? (options.y ?? doc.y) : doc.y, textOptions);
        else doc.text(segment.words, textOptions);
      });
    });
    doc.fillColor(this.color);
  }

  /** Runs as pdfkit writes them, line by line: pdfkit misplaces a line break inside continued text. */
  private lines(content: readonly Inline[], base: Font): Array<Array<{ words: string; font: Font; options: PDFKit.Mixins.TextOptions }>> {
    const lines: Array<Array<{ words: string; font: Font; options: PDFKit.Mixins.TextOptions }>> = [[]];
    for (const inline of content) {
      const line = lines[lines.length - 1]!;
      if (inline.type === 'break') lines.push([]);
      else if (inline.type === 'noteRef') line.push({ words: `[${inline.note}]`, font: base, options: {} });
      else if (inline.type === 'documentLink') {
        line.push({ words: inline.label, font: base, options: { link: this.model.documentUrl(inline.documentId), underline: true } });
      } else {
        const bold = inline.marks.includes('bold') || base === 'bold';
        const italic = inline.marks.includes('italic');
        const font: Font = inline.marks.includes('code') ? 'mono' : bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';
        const options = { underline: inline.marks.includes('underline') || inline.href !== null, strike: inline.marks.includes('strike'), link: inline.href ?? undefined };
        line.push({ words: inline.text, font, options });
      }
    }
    return lines.map((line) => (line.length > 0 ? line : [{ words: ' ', font: base, options: {} }]));
  }

  /** A grid of equal columns; each row as tall as its tallest cell, moved to the next page whole. */
  private table(rows: ReadonlyArray<ReadonlyArray<{ header: boolean; content: Block[] }>>, x: number) {
    const { doc } = this;
    const columns = Math.max(1, ...rows.map((r) => r.length));
    const cellWidth = (MARGIN + this.width - x) / columns;
    const pad = 4;
    doc.moveDown(0.3);
    for (const row of rows) {
      const cells = Array.from({ length: columns }, (_, i) => row[i] ?? { header: false, content: [] });
      const texts = cells.map((c) => blocksText(c.content));
      const height = Math.max(...cells.map((c, i) => {
        doc.font(c.header ? 'bold' : 'regular').fontSize(10);
        return doc.heightOfString(texts[i] || ' ', { width: cellWidth - pad * 2 });
      })) + pad * 2;
      this.keep(height);
      const y = doc.y;
      cells.forEach((cell, i) => {
        const left = x + i * cellWidth;
        if (cell.header) doc.rect(left, y, cellWidth, height).fill('#f3f4f6');
        doc.rect(left, y, cellWidth, height).lineWidth(0.5).strokeColor('#9ca3af').stroke();
        doc.font(cell.header ? 'bold' : 'regular').fontSize(10).fillColor(TEXT).text(texts[i] ?? '', left + pad, y + pad, { width: cellWidth - pad * 2 });
      });
      doc.y = y + height;
    }
    doc.x = MARGIN;
    doc.moveDown(0.6);
  }

  notes() {
    const { doc, model } = this;
    if (!model.notes) return;
    this.keep(80);
    doc.moveDown(1);
    doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + this.width, doc.y).lineWidth(0.5).strokeColor('#9ca3af').stroke();
    doc.moveDown(0.5);
    doc.font('bold').fontSize(14).fillColor(TEXT).text(model.notes.heading, MARGIN, doc.y);
    doc.moveDown(0.4);
    for (const note of model.notes.items) {
      this.keep(40);
      doc.font('bold').fontSize(9.5).fillColor(TEXT).text(`[${note.number}] `, MARGIN, doc.y, { continued: true, width: this.width });
      doc.font('italic').text(`“${note.quote}” — ${note.label}`);
      doc.font('regular');
      for (const line of [...note.details, ...note.messages.map((m) => `${m.author}, ${m.date}: ${m.body}`)]) {
        doc.text(line, MARGIN + INDENT, doc.y, { width: this.width - INDENT });
      }
      doc.moveDown(0.4);
    }
  }

  /** "n / total" at the foot of every page after the title page. */
  pageNumbers() {
    const { doc } = this;
    const { start, count } = doc.bufferedPageRange();
    for (let i = start + 1; i < start + count; i++) {
      doc.switchToPage(i);
      // Writing in the bottom margin would otherwise start a new page.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('regular').fontSize(8.5).fillColor(GREY).text(`${i - start} / ${count - 1}`, MARGIN, doc.page.height - MARGIN / 2, { width: this.width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  }
}

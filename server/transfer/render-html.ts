import type { ExportModel } from './export-model';
import { type Block, type Inline, isEmptyParagraph, type Mark } from './tree';

/**
 * A document as one standalone HTML page: a title page, the text, and the
 * notes, with a stylesheet that also prints well (the title page on a page
 * of its own). Headings keep their template section as `data-section` and
 * document links their id as `data-document-id`, so the page reads back
 * into the same tree.
 */
export function renderHtml(model: ExportModel): string {
  const facts = model.facts.map((f) => `<div><dt>${escape(f.label)}</dt><dd>${escape(f.value)}</dd></div>`).join('\n');
  const lessons = model.lessons
    ? `<section class="lessons"><h2>${escape(model.lessons.heading)}</h2><ul>${model.lessons.items.map((l) => `<li>${escape(l)}</li>`).join('')}</ul></section>`
    : '';
  const notes = model.notes
    ? `<section class="notes"><h2>${escape(model.notes.heading)}</h2><ol>${model.notes.items
        .map(
          (n) =>
            `<li id="note-${n.number}"><p><q>${escape(n.quote)}</q> — ${escape(n.label)} <a href="#ref-${n.number}">↩</a></p>${n.details
              .map((d) => `<p>${escape(d)}</p>`)
              .join('')}${n.messages.map((m) => `<p><b>${escape(m.author)}</b>, ${escape(m.date)}: ${escape(m.body)}</p>`).join('')}</li>`,
        )
        .join('\n')}</ol></section>`
    : '';
  return `<!doctype html>
<html lang="${model.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(model.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="title-page">
<p class="kind">${escape(model.kind)}</p>
<h1>${escape(model.title)}</h1>
<dl>
${facts}
</dl>
${lessons}
</header>
<main>
${blocksHtml(model.blocks, model)}
</main>
${notes}
</body>
</html>
`;
}

const STYLE = `
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; line-height: 1.5; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1f2937; }
.title-page { border-bottom: 2px solid #1f2937; margin-bottom: 2rem; padding-bottom: 1rem; }
.kind { text-transform: uppercase; letter-spacing: .08em; color: #4b5563; margin: 0; }
h1 { font-size: 2rem; margin: .25rem 0 1rem; }
dl { display: grid; gap: .25rem; margin: 0 0 1rem; }
dl div { display: grid; grid-template-columns: 14rem 1fr; gap: 1rem; }
dt { font-weight: bold; color: #4b5563; }
dd { margin: 0; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #9ca3af; padding: .25rem .5rem; vertical-align: top; }
th p, td p { margin: 0; }
blockquote { border-left: 3px solid #9ca3af; margin-left: 0; padding-left: 1rem; color: #374151; }
pre { background: #f3f4f6; padding: .75rem; overflow-x: auto; }
.notes { border-top: 1px solid #9ca3af; margin-top: 2rem; font-size: .9rem; }
@media print { body { margin: 0; max-width: none; } .title-page { break-after: page; border: 0; } a { color: inherit; } }
`;

function blocksHtml(blocks: readonly Block[], model: ExportModel): string {
  return blocks
    .filter((b) => !isEmptyParagraph(b))
    .map((b) => blockHtml(b, model))
    .join('\n');
}

function blockHtml(block: Block, model: ExportModel): string {
  switch (block.type) {
    case 'heading': {
      const tag = `h${block.level}`;
      return `<${tag}${block.section ? ` data-section="${escape(block.section)}"` : ''}>${inlineHtml(block.content, model)}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${inlineHtml(block.content, model)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
      return `<${tag}${start}>${block.items.map((item) => `<li>${blocksHtml(item, model)}</li>`).join('')}</${tag}>`;
    }
    case 'blockquote':
      return `<blockquote>${blocksHtml(block.content, model)}</blockquote>`;
    case 'code':
      return `<pre><code>${escape(block.text)}</code></pre>`;
    case 'rule':
      return '<hr>';
    case 'table':
      return `<table>${block.rows
        .map((row) => `<tr>${row.map((cell) => (cell.header ? `<th>${blocksHtml(cell.content, model)}</th>` : `<td>${blocksHtml(cell.content, model)}</td>`)).join('')}</tr>`)
        .join('')}</table>`;
  }
}

const TAGS: Record<Mark, string> = { bold: 'strong', italic: 'em', underline: 'u', strike: 's', code: 'code' };

function inlineHtml(content: readonly Inline[], model: ExportModel): string {
  return content
    .map((inline) => {
      switch (inline.type) {
        case 'break':
          return '<br>';
        case 'documentLink':
          return `<a href="${escape(model.documentUrl(inline.documentId))}" data-document-id="${escape(inline.documentId)}">${escape(inline.label)}</a>`;
        case 'noteRef':
          return `<sup id="ref-${inline.note}"><a href="#note-${inline.note}">${inline.note}</a></sup>`;
        case 'text': {
          const marked = inline.marks.reduceRight((html, m) => `<${TAGS[m]}>${html}</${TAGS[m]}>`, escape(inline.text));
          return inline.href ? `<a href="${escape(inline.href)}">${marked}</a>` : marked;
        }
      }
    })
    .join('');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

import { describe, expect, it } from 'vitest';
import { treeFromMarkdown } from './from-markdown';
import { renderMarkdown } from './render-markdown';
import { heading, marked, paragraph, SAMPLE_BLOCKS, sampleModel } from './test-fixtures';
import { text } from './tree';

describe('the Markdown export', () => {
  it('reads back as the same structure: headings, paragraphs, every mark, links, lists, tables, quotes, code', () => {
    const { blocks } = treeFromMarkdown(renderMarkdown(sampleModel()));
    expect(blocks).toEqual([heading(1, 'Semis précoce du sorgho à Thiès'), ...SAMPLE_BLOCKS]);
  });

  it('writes the title page as front matter that reads back, whatever the values hold', () => {
    const title = 'Notes: "quoted" — #1\n---';
    const markdown = renderMarkdown(sampleModel({ title, frontMatter: { title, kind: 'lessons', people: ['Awa: NGO', 'Ana'] } }));
    expect(markdown.startsWith('---\ntitle: ')).toBe(true);
    expect(treeFromMarkdown(markdown).frontMatter).toEqual({ title, kind: 'lessons', people: ['Awa: NGO', 'Ana'] });
  });

  it('keeps marks apart from the spaces around them, and nested marks nested', () => {
    const model = sampleModel({
      blocks: [paragraph(marked('gras ', 'bold'), marked('et penché', 'bold', 'italic'), ' puis ', text(' lien ', ['italic'], 'https://example.org/a b'), 'x`y', marked('a`b', 'code'))],
    });
    const markdown = renderMarkdown(model);
    expect(markdown).toContain('**gras *et penché*** puis  [*lien*](https://example.org/a%20b) x\\`y``a`b``');
    expect(treeFromMarkdown(markdown).blocks.slice(1)).toEqual([
      paragraph(marked('gras ', 'bold'), marked('et penché', 'bold', 'italic'), ' puis ', text('lien', ['italic'], 'https://example.org/a%20b'), ' x`y', marked('a`b', 'code')),
    ]);
  });

  it('writes the annotations as footnotes after the text, each referenced where its words end', () => {
    const markdown = renderMarkdown(
      sampleModel({
        blocks: [paragraph('Le sorgho', { type: 'noteRef', note: 1 }, ' résiste.')],
        notes: {
          heading: 'Annotations',
          items: [{ number: 1, quote: 'sorgho', label: 'Question · Ouvert', details: ['Source: FAO'], messages: [{ author: 'Awa (ONG)', date: '3 mars 2025', body: 'Quelle variété ?' }] }],
        },
      }),
    );
    expect(markdown).toContain('Le sorgho[^1] résiste.');
    expect(markdown.trimEnd().endsWith('[^1]: “sorgho” — Question · Ouvert. Source: FAO Awa (ONG), 3 mars 2025: Quelle variété ?')).toBe(true);
  });
});

import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { treeFromDocx } from './from-docx';
import { renderDocx } from './render-docx';
import { heading, paragraph, SAMPLE_BLOCKS, sampleModel } from './test-fixtures';

describe('the Word export', () => {
  it('opens as a Word document whose structure reads back, its title page left out', async () => {
    const file = await renderDocx(sampleModel());
    expect(Buffer.from(file.subarray(0, 4)).toString('binary')).toBe('PK\x03\x04');
    // Word has no rule between paragraphs: that one is the only thing lost.
    expect(await treeFromDocx(file)).toEqual([heading(1, 'Semis précoce du sorgho à Thiès'), ...SAMPLE_BLOCKS.filter((b) => b.type !== 'rule')]);
  });

  it('holds the title page’s facts and lessons as text', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await renderDocx(sampleModel())) });
    expect(value).toContain('FICHE DE CAPITALISATION');
    expect(value).toContain('Statut: Validé, par Awa Ndiaye, le 3 mars 2025');
    expect(value).toContain('Leçons apprises');
    expect(value).toContain('•  Semer tôt paie');
  });

  it('sets annotations as Word footnotes', async () => {
    const file = await renderDocx(
      sampleModel({
        blocks: [paragraph('Le sorgho', { type: 'noteRef', note: 1 }, ' résiste.')],
        notes: { heading: 'Annotations', items: [{ number: 1, quote: 'sorgho', label: 'Question · Ouvert', details: [], messages: [{ author: 'Awa (ONG)', date: '3 mars 2025', body: 'Quelle variété ?' }] }] },
      }),
    );
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(file) });
    expect(value).toMatch(/Le sorgho<sup><a href="#footnote-1" id="footnote-ref-1">\[1\]<\/a><\/sup> résiste\./);
    expect(value).toContain('“sorgho” — Question · Ouvert');
    expect(value).toContain('Awa (ONG), 3 mars 2025: Quelle variété ?');
  });
});

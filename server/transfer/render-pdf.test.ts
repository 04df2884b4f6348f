import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './render-pdf';
import { paragraph, sampleModel } from './test-fixtures';

async function pdfText(file: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(file));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, ' ') };
}

describe('the PDF export', () => {
  it('is a PDF with a title page, then the text, accents and all', async () => {
    const file = await renderPdf(sampleModel());
    expect(Buffer.from(file.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { pages, text } = await pdfText(file);
    expect(pages).toBe(2);
    for (const words of ['FICHE DE CAPITALISATION', 'Semis précoce du sorgho à Thiès', 'Université de Thiès (30 %)', 'Leçons apprises', 'Le paillage garde l’humidité']) {
      expect(text).toContain(words);
    }
    for (const words of ['Contexte et acteurs', 'bien mieux', 'paille de mil', 'Préparer le sol', 'Rendement', '1,2 t/ha', 'Nous avons semé plus tôt', 'rendement = récolte / surface']) {
      expect(text).toContain(words);
    }
  });

  it('flows a long text over as many pages as it needs, and ends with the notes', async () => {
    const long = Array.from({ length: 120 }, (_, i) => paragraph(`Paragraphe ${i + 1} : les parcelles paillées ont mieux gardé l’humidité.`));
    const file = await renderPdf(
      sampleModel({
        blocks: [...long, paragraph('Fin', { type: 'noteRef', note: 1 })],
        notes: { heading: 'Annotations', items: [{ number: 1, quote: 'Fin', label: 'Commentaire · Ouvert', details: [], messages: [{ author: 'Awa', date: '3 mars 2025', body: 'Bien vu' }] }] },
      }),
    );
    const { pages, text } = await pdfText(file);
    expect(pages).toBeGreaterThan(3);
    expect(text).toContain('Paragraphe 120');
    expect(text).toMatch(/Fin\s?\[1\]/);
    expect(text).toContain('“Fin” — Commentaire · Ouvert');
    expect(text).toContain('Awa, 3 mars 2025: Bien vu');
  });
});

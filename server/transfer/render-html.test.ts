import { describe, expect, it } from 'vitest';
import { treeFromHtml } from './from-html';
import { renderHtml } from './render-html';
import { heading, paragraph, SAMPLE_BLOCKS, sampleModel } from './test-fixtures';

describe('the HTML export', () => {
  it('is one page in the document’s language: the title page, then the text, which reads back as the same tree', () => {
    const html = renderHtml(sampleModel());
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    const [kind, title, ...rest] = treeFromHtml(html);
    expect(kind).toEqual(paragraph('Fiche de capitalisation'));
    expect(title).toEqual(heading(1, 'Semis précoce du sorgho à Thiès'));
    // The facts and the lessons, then the text.
    expect(rest.slice(-SAMPLE_BLOCKS.length)).toEqual(SAMPLE_BLOCKS);
    expect(html).toContain('<dt>Organisations contributrices</dt><dd>ONG Jappoo (70 %), Université de Thiès (30 %)</dd>');
    expect(html).toContain('<li>Le paillage garde l’humidité</li>');
  });

  it('escapes everything people wrote', () => {
    const html = renderHtml(sampleModel({ title: '<script>alert(1)</script>', blocks: [paragraph('a < b & "c"')] }));
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('<p>a &lt; b &amp; &quot;c&quot;</p>');
  });

  it('links each note’s reference to the note and back', () => {
    const html = renderHtml(
      sampleModel({
        blocks: [paragraph('sorgho', { type: 'noteRef', note: 1 })],
        notes: { heading: 'Annotations', items: [{ number: 1, quote: 'sorgho', label: 'Commentaire · Résolu', details: [], messages: [{ author: 'Awa', date: '3 mars 2025', body: 'Oui' }] }] },
      }),
    );
    expect(html).toContain('<p>sorgho<sup id="ref-1"><a href="#note-1">1</a></sup></p>');
    expect(html).toContain('<li id="note-1"><p><q>sorgho</q> — Commentaire · Résolu <a href="#ref-1">↩</a></p><p><b>Awa</b>, 3 mars 2025: Oui</p></li>');
  });
});

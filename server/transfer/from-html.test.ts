import { describe, expect, it } from 'vitest';
import { treeFromHtml } from './from-html';
import { cell, heading, link, list, marked, paragraph } from './test-fixtures';
import { text } from './tree';

describe('HTML as the export tree', () => {
  it('reads white space as a browser shows it; an empty paragraph stays one', () => {
    expect(treeFromHtml('<p>\n  Le   <b>sorgho</b>\n résiste <br>\n ici </p>\n\n<p>  </p>')).toEqual([
      paragraph('Le ', marked('sorgho', 'bold'), ' résiste', { type: 'break' }, 'ici'),
      paragraph(),
    ]);
  });

  it('reads nested marks in one order, and text straight in a list item or a container as a paragraph', () => {
    expect(treeFromHtml('<div>Avant<ul><li><em><strong>les deux</strong></em> et <s>non</s><ol start="3"><li>trois</li></ol></li></ul></div>')).toEqual([
      paragraph('Avant'),
      list(false, [[paragraph(marked('les deux', 'bold', 'italic'), ' et ', marked('non', 'strike')), list(true, [[paragraph('trois')]], 3)]]),
    ]);
  });

  it('turns images into links when they are on the web, else into their description; links within the file into text', () => {
    expect(
      treeFromHtml('<p><img src="https://example.org/carte.png" alt="Carte"> <img src="data:image/png;base64,AAAA" alt="Photo du champ"> <img src="data:x"> <a href="#footnote-1">[1]</a> <a href="javascript:alert(1)">x</a></p>'),
    ).toEqual([paragraph(link('Carte', 'https://example.org/carte.png'), ' [Photo du champ] [1] x')]);
  });

  it('reads tables with their head and body rows, and skips what never shows', () => {
    expect(
      treeFromHtml('<head><title>t</title><style>p{}</style></head><table><thead><tr><th>Site</th></tr></thead><tbody><tr><td><p>Thiès</p></td></tr></tbody></table><script>x()</script>'),
    ).toEqual([{ type: 'table', rows: [[cell('Site', true)], [cell('Thiès')]] }]);
  });

  it('keeps document links and template sections written by the HTML export', () => {
    expect(treeFromHtml('<h2 data-section="lessons">Leçons</h2><p><a href="/d/abc" data-document-id="abc">Essais</a></p><h7>x</h7>')).toEqual([
      heading(2, 'Leçons', 'lessons'),
      paragraph({ type: 'documentLink', documentId: 'abc', label: 'Essais' }),
      paragraph(text('x')),
    ]);
  });
});

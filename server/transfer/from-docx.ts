import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { treeFromHtml } from './from-html';
import { CODE_BLOCK_STYLE, INLINE_CODE_STYLE, TITLE_PAGE_STYLE } from './render-docx';
import type { Block } from './tree';

/**
 * A Word document as the export tree, through the HTML mammoth makes of it
 * (headings, lists, tables, emphasis and links by Word's own structures).
 * A title page exported by Ensemble is left out; its title reads as the
 * first heading. Throws on a file that is no Word document.
 */
/** What a Word file (a zip) would unpack to, read from its directory without unpacking anything. */
export function unpackedSize(file: Uint8Array): number {
  let total = 0;
  unzipSync(file, {
    filter: (entry) => {
      total += entry.originalSize;
      return false;
    },
  });
  return total;
}

export async function treeFromDocx(file: Uint8Array): Promise<Block[]> {
  const { value } = await mammoth.convertToHtml(
    { buffer: Buffer.from(file) },
    {
      styleMap: [
        `p[style-name='${TITLE_PAGE_STYLE}'] => !`,
        "p[style-name='Title'] => h1:fresh",
        `p[style-name='${CODE_BLOCK_STYLE}'] => pre:separator('\\n')`,
        `r[style-name='${INLINE_CODE_STYLE}'] => code`,
        "p[style-name='Quote'] => blockquote > p:fresh",
        "p[style-name='Intense Quote'] => blockquote > p:fresh",
        'u => u',
        'strike => s',
      ],
    },
  );
  return treeFromHtml(value);
}

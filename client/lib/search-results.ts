import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchResult } from '../../shared/api';
import { documentPath, threadPath } from './paths';

/** A run of a snippet's text, matched or not. */
export interface SnippetSegment {
  text: string;
  match: boolean;
}

/** Between two paragraphs or headings of the snippet: on one line, a break would read as a run-on sentence. */
const BLOCK_BREAK = ' · ';

/**
 * A snippet's text in runs, the matched words marked, for the client to
 * draw with `<mark>` (the text is people's: it never goes in as HTML). A
 * start without its end marks up to the end; a stray end is dropped. Line
 * breaks, which separate blocks, become BLOCK_BREAK.
 */
export function snippetSegments(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let match = false;
  for (const part of snippet.split(/([\u0002\u0003])/)) {
    if (part === HIGHLIGHT_START || part === HIGHLIGHT_END) {
      match = part === HIGHLIGHT_START;
      continue;
    }
    if (part === '') continue;
    const text = part.replace(/\s*\n\s*/g, BLOCK_BREAK);
    const last = segments.at(-1);
    if (last?.match === match) last.text += text;
    else segments.push({ text, match });
  }
  return segments;
}

/** Where a result opens: its thread for an annotation, else the document (entries and notes live in its page). */
export function resultPath(result: SearchResult): string {
  return result.kind === 'annotation' && result.itemId !== null
    ? threadPath(result.documentId, result.itemId)
    : documentPath(result.documentId);
}

/** What a result is about: the same thing may come back on two pages of results if the index moved in between. */
export function resultKey(result: SearchResult): string {
  return `${result.kind}:${result.documentId}:${result.itemId ?? ''}`;
}

/** `more` appended to `shown`, leaving out what is already shown. */
export function appendResults(shown: readonly SearchResult[], more: readonly SearchResult[]): SearchResult[] {
  const seen = new Set(shown.map(resultKey));
  return [...shown, ...more.filter((result) => !seen.has(resultKey(result)))];
}

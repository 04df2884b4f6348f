import * as Y from 'yjs';
import { type Copied, type TextRun, visibleText } from './authorship';

/**
 * Shorter insertions are typing, not a copy: a word typed again is its
 * typist's, even if the document has it elsewhere. A paste or a move
 * inserts a whole run at once.
 */
export const MIN_COPY_LENGTH = 20;

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * The characters an update inserts that are text the document holds before
 * it: a paragraph dragged elsewhere (the update deletes the original) or
 * text pasted from another part of the document. Found by content, not
 * taken from the client's word, so nobody can claim another's text as a
 * copy of theirs. Where the text stands twice, the occurrence the update
 * deletes wins (a move), else the first.
 */
export function findCopies(doc: Y.Doc, update: DecodedUpdate): Copied[] {
  const inserted = update.structs.filter(
    (s): s is Y.Item => s instanceof Y.Item && s.content instanceof Y.ContentString && s.content.str.length >= MIN_COPY_LENGTH,
  );
  if (inserted.length === 0) return [];
  const before = allText(doc);
  const copies: Copied[] = [];
  for (const item of inserted) {
    const text = (item.content as Y.ContentString).str;
    const deletes = update.ds.clients.size > 0;
    const at = bestOccurrence(
      before.text,
      text,
      deletes
        ? (offset) => {
            const run = runAt(before.runs, offset);
            return Y.isDeleted(update.ds, Y.createID(run.client, run.clock + offset - run.offset));
          }
        : null,
    );
    if (at < 0) continue;
    copies.push(...sourcesOf(before.runs, at, text.length, item.id));
  }
  return copies;
}

/** Every visible character of every root type of the document, one text. */
function allText(doc: Y.Doc): { text: string; runs: TextRun[] } {
  const texts: string[] = [];
  const runs: TextRun[] = [];
  let offset = 0;
  for (const type of doc.share.values()) {
    const part = visibleText(type);
    texts.push(part.text);
    runs.push(...part.runs.map((r) => ({ ...r, offset: r.offset + offset })));
    offset += part.text.length;
  }
  return { text: texts.join(''), runs };
}

/** Occurrences looked at for the one a move deletes: repetitive text has countless. */
const MAX_OCCURRENCES = 32;

function bestOccurrence(haystack: string, needle: string, isDeleted: ((offset: number) => boolean) | null): number {
  const first = haystack.indexOf(needle);
  if (!isDeleted) return first;
  let at = first;
  for (let seen = 0; at >= 0 && seen < MAX_OCCURRENCES; seen++, at = haystack.indexOf(needle, at + 1)) {
    if (isDeleted(at)) return at;
  }
  return first;
}

/** The run holding the character at `offset` (runs are in offset order). */
function runAt(runs: TextRun[], offset: number): TextRun {
  let low = 0;
  let high = runs.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (runs[mid]!.offset <= offset) low = mid;
    else high = mid - 1;
  }
  return runs[low]!;
}

/** The characters `target`.. of the insertion, paired with `length` source characters from `offset`, cut where source runs end. */
function sourcesOf(runs: TextRun[], offset: number, length: number, target: Y.ID): Copied[] {
  const copies: Copied[] = [];
  let done = 0;
  while (done < length) {
    const run = runAt(runs, offset + done);
    const into = offset + done - run.offset;
    const n = Math.min(length - done, run.length - into);
    copies.push({ client: target.client, clock: target.clock + done, length: n, source: { client: run.client, clock: run.clock + into } });
    done += n;
  }
  return copies;
}

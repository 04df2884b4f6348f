import * as Y from 'yjs';
import { type Copied, type SharedType, type TextRun, visibleText } from './authorship';

/**
 * Shorter insertions are typing, not a copy: a word typed again is its
 * typist's, even if the document has it elsewhere. A paste or a move
 * inserts a whole run at once.
 */
export const MIN_COPY_LENGTH = 20;

/**
 * How stale the text pastes are looked for in may be: rebuilding it is a
 * walk of the whole document, done at most this often however many long
 * insertions come — and, for a document so large that a walk takes long,
 * at most once per WALK_SHARE walks' time, so it never takes more than a
 * small share of the server.
 */
export const PASTE_TEXT_MAX_AGE_MS = 250;
const WALK_SHARE = 20;

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

interface Text {
  text: string;
  runs: TextRun[];
}

/**
 * Finds the characters an update inserts that are text the document held
 * before it: a paragraph dragged elsewhere (the update deletes the original)
 * or text pasted from another part of the document. Found by content, not
 * taken from the client's word, so nobody can claim another's text as a copy
 * of theirs. A move is looked for in the paragraphs the update deletes from,
 * which is cheap; a paste in the whole document's text, read again only
 * when a paste is not found in it and it is older than
 * PASTE_TEXT_MAX_AGE_MS, so a stream of long insertions never costs a walk
 * of the document each (text pasted within that time of being written
 * stays the paster's).
 */
export class CopyFinder {
  #wholeText: (Text & { at: number; tookMs: number }) | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Call before the update is applied: a moved paragraph's original is gone after. */
  find(update: DecodedUpdate): Copied[] {
    const inserted = update.structs.filter(
      (s): s is Y.Item => s instanceof Y.Item && s.content instanceof Y.ContentString && s.content.str.length >= MIN_COPY_LENGTH,
    );
    if (inserted.length === 0) return [];
    const moved = update.ds.clients.size > 0 ? deletedFrom(this.doc, update.ds) : null;
    const copies: Copied[] = [];
    for (const item of inserted) {
      const text = (item.content as Y.ContentString).str;
      const source = moved?.text.includes(text) ? moved : this.#pasted(text);
      if (source) copies.push(...sourcesOf(source.runs, source.text.indexOf(text), text.length, item.id));
    }
    return copies;
  }

  /** The document's text, if it holds `text`: as last read, or read again if that is old enough. */
  #pasted(text: string): Text | null {
    if (this.#wholeText?.text.includes(text)) return this.#wholeText;
    const now = this.clock();
    if (this.#wholeText && now - this.#wholeText.at <= Math.max(PASTE_TEXT_MAX_AGE_MS, this.#wholeText.tookMs * WALK_SHARE)) return null;
    const started = performance.now();
    const whole = joined([...this.doc.share.values()]);
    this.#wholeText = { ...whole, at: now, tookMs: performance.now() - started };
    return this.#wholeText.text.includes(text) ? this.#wholeText : null;
  }
}

/** The text of every paragraph (text type) the delete set takes characters from, as it stands before the deletion. */
function deletedFrom(doc: Y.Doc, ds: DecodedUpdate['ds']): Text | null {
  const parents = new Set<SharedType>();
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client) ?? [];
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || struct.deleted || !(struct.content instanceof Y.ContentString)) continue;
      const end = struct.id.clock + struct.length;
      if (ranges.some((r) => r.clock < end && struct.id.clock < r.clock + r.len)) parents.add(struct.parent as SharedType);
    }
  }
  return parents.size > 0 ? joined([...parents]) : null;
}

/** The visible text of several types, one after the other. */
function joined(types: SharedType[]): Text {
  const texts: string[] = [];
  const runs: TextRun[] = [];
  let offset = 0;
  for (const type of types) {
    const part = visibleText(type);
    texts.push(part.text);
    runs.push(...part.runs.map((r) => ({ ...r, offset: r.offset + offset })));
    offset += part.text.length;
  }
  return { text: texts.join(''), runs };
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

import * as Y from 'yjs';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';

/**
 * Who wrote each character. Every Yjs item carries the client id it was
 * written under, and the server records whose each client id is when it
 * accepts the first update under it; a credit gives a range of one client
 * id's characters to someone else (an accepted suggestion's author, or the
 * first author of restored text).
 */
/** Any Yjs shared type (text, element, map…). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its shared types by their event.
export type SharedType = Y.AbstractType<any>;

export interface Credit {
  client: number;
  clock: number;
  length: number;
  userId: string;
}

/** A run of characters written under `client`, clocks `clock`.. `clock + length`. */
export interface Run {
  client: number;
  clock: number;
  length: number;
}

/** Characters written as a copy of others (moved, pasted, restored), which start at `source`: they stay the others' authors'. */
export interface Copied extends Run {
  source: { client: number; clock: number };
}

export class Authorship {
  readonly #owners: ReadonlyMap<number, string>;
  readonly #credits = new Map<number, Credit[]>();

  constructor(owners: ReadonlyMap<number, string>, credits: readonly Credit[]) {
    this.#owners = owners;
    for (const credit of credits) this.credit(credit);
  }

  /** Gives a range to someone, as a credit stored since does. */
  credit(credit: Credit): void {
    const list = this.#credits.get(credit.client) ?? [];
    list.push(credit);
    this.#credits.set(credit.client, list);
  }

  /** Whose the character is; null for the template's words and text from before owners were recorded. */
  ownerAt(client: number, clock: number): string | null {
    for (const credit of this.#credits.get(client) ?? []) {
      if (clock >= credit.clock && clock < credit.clock + credit.length) return credit.userId;
    }
    return this.#owners.get(client) ?? null;
  }

  /** A run cut where its owner changes. */
  *owned(run: Run): Generator<Run & { userId: string | null }> {
    if (!this.#credits.has(run.client)) {
      yield { ...run, userId: this.#owners.get(run.client) ?? null };
      return;
    }
    let start = run.clock;
    let owner = this.ownerAt(run.client, start);
    for (let clock = start + 1; clock <= run.clock + run.length; clock++) {
      const next = clock < run.clock + run.length ? this.ownerAt(run.client, clock) : undefined;
      if (next === owner) continue;
      yield { client: run.client, clock: start, length: clock - start, userId: owner };
      start = clock;
      owner = next ?? null;
    }
  }

  /** Characters per person among `runs`. */
  charactersByPerson(runs: Iterable<Run>): Map<string, number> {
    const counts = new Map<string, number>();
    for (const run of runs) {
      for (const part of this.owned(run)) {
        if (part.userId) counts.set(part.userId, (counts.get(part.userId) ?? 0) + part.length);
      }
    }
    return counts;
  }
}

/** A run of characters with where it starts in the text they make together. */
export interface TextRun extends Run {
  offset: number;
}

/**
 * The visible characters of a shared type, deep and in order, as runs of
 * the client ids that wrote them, and the text they make. A map's entries
 * go in key order, so two copies of one map give the same sequence.
 */
export function visibleText(type: SharedType): { text: string; runs: TextRun[] } {
  const runs: TextRun[] = [];
  const parts: string[] = [];
  let offset = 0;
  const visitItem = (item: Y.Item) => {
    if (item.deleted) return;
    if (item.content instanceof Y.ContentString) {
      runs.push({ client: item.id.client, clock: item.id.clock, length: item.length, offset });
      parts.push(item.content.str);
      offset += item.length;
    } else if (item.content instanceof Y.ContentType) visit(item.content.type);
  };
  const visit = (t: SharedType) => {
    for (let item = t._start; item; item = item.right) visitItem(item);
    for (const key of [...t._map.keys()].sort()) visitItem(t._map.get(key)!);
  };
  visit(type);
  return { text: parts.join(''), runs };
}

export function visibleRuns(type: SharedType): Run[] {
  return visibleText(type).runs;
}

/** The visible characters of a document's text. */
export function contentRuns(doc: Y.Doc): Run[] {
  return visibleRuns(doc.getXmlFragment(YDOC_CONTENT) as unknown as SharedType);
}

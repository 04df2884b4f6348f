import * as Y from 'yjs';
import { YDOC_CONTENT, YDOC_TRIAL_ENTRIES } from '../../shared/knowledge/kinds';
import { type Copied, type Run, type SharedType, visibleRuns } from './authorship';

/** Above this many pairs of differing blocks, a restore replaces the differing middle whole rather than search the fewest changes. */
const MAX_ALIGNMENT_CELLS = 4_000_000;

type Node = Y.XmlElement | Y.XmlText;

/**
 * Makes `doc`'s text and trial-log entries what they are in `target`, as a
 * change on top of what is there: blocks that are already the same stay
 * untouched (with their authors and anyone's cursor in them), the others are
 * deleted and copied from `target`. Answers which characters the copies are,
 * so they can be credited to whoever first wrote them.
 */
export function restoreInto(doc: Y.Doc, target: Y.Doc): Copied[] {
  const copied: Copied[] = [];
  const record = (copy: SharedType, source: SharedType) => copied.push(...pairRuns(visibleRuns(copy), visibleRuns(source)));

  const fragment = doc.getXmlFragment(YDOC_CONTENT);
  const wanted = target.getXmlFragment(YDOC_CONTENT).toArray() as Node[];
  const present = fragment.toArray() as Node[];
  const keep = alignment(present.map(String), wanted.map(String));
  let at = 0;
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...keep, [present.length, wanted.length] as const]) {
    if (mi > i) fragment.delete(at, mi - i);
    const sources = wanted.slice(j, mj);
    if (sources.length > 0) {
      const copies = sources.map((node) => node.clone());
      fragment.insert(at, copies);
      copies.forEach((copy, k) => record(copy as SharedType, sources[k] as SharedType));
      at += copies.length;
    }
    at += 1;
    i = mi + 1;
    j = mj + 1;
  }

  const entries = doc.getMap<unknown>(YDOC_TRIAL_ENTRIES);
  const wantedEntries = target.getMap<unknown>(YDOC_TRIAL_ENTRIES);
  for (const key of [...entries.keys()]) if (!wantedEntries.has(key)) entries.delete(key);
  for (const [key, value] of wantedEntries) {
    if (!(value instanceof Y.Map)) {
      if (entries.get(key) !== value) entries.set(key, value);
      continue;
    }
    const current = entries.get(key);
    if (current instanceof Y.Map && JSON.stringify(current.toJSON()) === JSON.stringify(value.toJSON())) continue;
    const copy = entries.set(key, value.clone());
    record(copy as SharedType, value as SharedType);
  }
  return copied;
}

/** The same characters of two sequences of runs, paired one to one, cut where either run ends. */
function pairRuns(copies: Run[], sources: Run[]): Copied[] {
  const pairs: Copied[] = [];
  let s = 0;
  let sourceOffset = 0;
  for (const copy of copies) {
    let offset = 0;
    while (offset < copy.length && s < sources.length) {
      const source = sources[s]!;
      const length = Math.min(copy.length - offset, source.length - sourceOffset);
      pairs.push({ client: copy.client, clock: copy.clock + offset, length, source: { client: source.client, clock: source.clock + sourceOffset } });
      offset += length;
      sourceOffset += length;
      if (sourceOffset === source.length) {
        s++;
        sourceOffset = 0;
      }
    }
  }
  return pairs;
}

/**
 * Index pairs of equal elements kept in order (a longest common
 * subsequence), after the common start and end; past MAX_ALIGNMENT_CELLS the
 * middle is not searched.
 */
export function alignment(a: readonly string[], b: readonly string[]): Array<readonly [number, number]> {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const head = Array.from({ length: start }, (_, k) => [k, k] as const);
  const tail = Array.from({ length: end }, (_, k) => [a.length - end + k, b.length - end + k] as const);
  const n = a.length - start - end;
  const m = b.length - start - end;
  if (n === 0 || m === 0 || n * m > MAX_ALIGNMENT_CELLS) return [...head, ...tail];
  // lengths[x][y]: longest common subsequence of a's middle from x and b's middle from y.
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let x = n - 1; x >= 0; x--) {
    for (let y = m - 1; y >= 0; y--) {
      lengths[x]![y] = a[start + x] === b[start + y] ? lengths[x + 1]![y + 1]! + 1 : Math.max(lengths[x + 1]![y]!, lengths[x]![y + 1]!);
    }
  }
  const middle: Array<readonly [number, number]> = [];
  for (let x = 0, y = 0; x < n && y < m; ) {
    if (a[start + x] === b[start + y]) {
      middle.push([start + x, start + y]);
      x++;
      y++;
    } else if (lengths[x + 1]![y]! >= lengths[x]![y + 1]!) x++;
    else y++;
  }
  return [...head, ...middle, ...tail];
}

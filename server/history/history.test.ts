import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { seededRandom, type Random } from '../../test/helpers/seeded-random';
import { Authorship, visibleRuns } from './authorship';
import { compareSnapshots } from './compare';
import { CopyFinder, MIN_COPY_LENGTH, PASTE_TEXT_MAX_AGE_MS } from './copies';
import { alignment, restoreInto } from './restore';
import { captureChanges, replayHistory, visibleCopy } from './versions';

const contentOf = (doc: Y.Doc) => doc.getXmlFragment(YDOC_CONTENT).toString();

function paragraph(text: string, bold = false): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const inner = new Y.XmlText();
  element.insert(0, [inner]);
  inner.insert(0, text, bold ? { bold: true } : undefined);
  return element;
}

const textAt = (doc: Y.Doc, index: number) => (doc.getXmlFragment(YDOC_CONTENT).get(index) as Y.XmlElement).get(0) as Y.XmlText;

/** One random edit by `writer` of a document that garbage-collects deleted text, as the server's do. */
function randomEdit(doc: Y.Doc, random: Random): void {
  const fragment = doc.getXmlFragment(YDOC_CONTENT);
  const roll = random.next();
  if (fragment.length === 0 || roll < 0.15) {
    fragment.insert(random.int(0, fragment.length), [paragraph(`p${random.int(0, 999)} `, random.chance(0.3))]);
  } else if (roll < 0.25 && fragment.length > 1) {
    fragment.delete(random.int(0, fragment.length - 1), 1);
  } else {
    const text = textAt(doc, random.int(0, fragment.length - 1));
    if (text.length > 0 && random.chance(0.4)) {
      const at = random.int(0, text.length - 1);
      text.delete(at, random.int(1, Math.min(4, text.length - at)));
    } else {
      text.insert(random.int(0, text.length), random.pick(['a', 'bc', 'déf ', 'gh ']), random.chance(0.2) ? { italic: true } : undefined);
    }
  }
}

/** Several writers on one garbage-collected document, a version taken now and then: each version's content as it was. */
function writeWithVersions(seed: number) {
  const random = seededRandom(seed);
  const server = new Y.Doc();
  const writers = [1, 2, 3].map((id) => {
    const doc = new Y.Doc();
    doc.clientID = id;
    return doc;
  });
  const versions: Array<{ number: number; changes: Uint8Array; snapshot: Uint8Array; content: string }> = [];
  for (let step = 0; step < 120; step++) {
    const writer = random.pick(writers);
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(writer);
    randomEdit(writer, random);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(writer, before));
    if (step % 15 === 14) {
      const captured = captureChanges(server, versions.at(-1)?.snapshot ?? null);
      versions.push({ ...captured, number: versions.length + 1, content: contentOf(server) });
    }
  }
  return { server, versions };
}

describe('versions kept as increments', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('give back every version’s exact content, though the live document dropped deleted text (seed %i)', (seed) => {
    const { versions } = writeWithVersions(seed);
    const { history, snapshots } = replayHistory(versions, versions.map((v) => v.number));
    versions.forEach((version, k) => {
      expect(contentOf(visibleCopy(replayHistory(versions.slice(0, k + 1)).history))).toBe(version.content);
      // Where the replay stood at each version is that version's snapshot, whatever came after.
      expect(Y.equalSnapshots(snapshots.get(version.number)!, Y.decodeSnapshot(version.snapshot))).toBe(true);
      expect(contentOf(Y.createDocFromSnapshot(history, snapshots.get(version.number)!))).toBe(version.content);
    });
  });

  it('cost what changed since the version before, not a copy of the document', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(YDOC_CONTENT);
    for (let i = 0; i < 200; i++) fragment.insert(i, [paragraph(`Paragraph ${i}: what we tried in the field, and what happened. `)]);
    const first = captureChanges(doc, null);
    textAt(doc, 100).insert(0, 'A sentence more. ');
    const second = captureChanges(doc, first.snapshot);
    expect(first.changes.byteLength).toBeGreaterThan(10_000);
    expect(second.changes.byteLength).toBeLessThan(100);
    expect(captureChanges(doc, second.snapshot).changed).toBe(false);
  });

  it('keep only the deletions made since, not the whole delete set the document has built up', () => {
    const doc = new Y.Doc();
    doc.getXmlFragment(YDOC_CONTENT).insert(0, [paragraph('x'.repeat(6000))]);
    const text = textAt(doc, 0);
    // Two thousand scattered deletions: a delete set of two thousand ranges.
    for (let i = 0; i < 2000; i++) text.delete(i * 2, 1);
    const first = captureChanges(doc, null);
    text.delete(0, 1);
    const second = captureChanges(doc, first.snapshot);
    expect(second.changed).toBe(true);
    expect(second.changes.byteLength).toBeLessThan(30);
    const { history } = replayHistory([{ number: 1, changes: first.changes }, { number: 2, changes: second.changes }]);
    expect(contentOf(history)).toBe(contentOf(doc));
  });
});

describe('comparing two versions', () => {
  it('marks exactly the inserted and the deleted text, each with its author', () => {
    const doc = new Y.Doc();
    doc.clientID = 7;
    doc.getXmlFragment(YDOC_CONTENT).insert(0, [paragraph('We sowed maize in March.'), paragraph('Rains came late.')]);
    const v1 = captureChanges(doc, null);
    const other = new Y.Doc();
    other.clientID = 8;
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    textAt(other, 0).delete(18, 5); // "March"
    textAt(other, 0).insert(18, 'April');
    other.getXmlFragment(YDOC_CONTENT).delete(1, 1);
    other.getXmlFragment(YDOC_CONTENT).insert(1, [paragraph('We will plant earlier.')]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    const v2 = captureChanges(doc, v1.snapshot);

    const { history, snapshots } = replayHistory([{ number: 1, changes: v1.changes }, { number: 2, changes: v2.changes }], [1, 2]);
    const authorship = new Authorship(new Map([[7, 'ana'], [8, 'bakary']]), []);
    const { blocks, inserted, deleted } = compareSnapshots(history, snapshots.get(1)!, snapshots.get(2)!, authorship);
    const marked = blocks.map((b) => b.segments.map((s) => (s.change === 'same' ? s.text : s.change === 'inserted' ? `+[${s.text}]` : `-[${s.text}]`)).join(''));
    // The new paragraph went in where the deleted one was: both show, in the order they stand.
    expect(marked).toEqual(['We sowed maize in -[March]+[April].', '+[We will plant earlier.]', '-[Rains came late.]']);
    expect({ inserted, deleted }).toEqual({ inserted: 'April'.length + 'We will plant earlier.'.length, deleted: 'March'.length + 'Rains came late.'.length });
    const authors = blocks.flatMap((b) => b.segments.map((s) => [s.change, s.userId]));
    expect(authors).toContainEqual(['inserted', 'bakary']);
    expect(authors).toContainEqual(['deleted', 'ana']);
    // The other way round, what was inserted reads as deleted.
    const back = compareSnapshots(history, snapshots.get(2)!, snapshots.get(1)!, authorship);
    expect({ inserted: back.inserted, deleted: back.deleted }).toEqual({ inserted: deleted, deleted: inserted });
  });
});

describe('restoring a version', () => {
  it.each([11, 12, 13, 14, 15, 16])('makes the content exactly the version’s, each copied character the one it copies (seed %i)', (seed) => {
    const { server, versions } = writeWithVersions(seed);
    const version = versions[seededRandom(seed).int(0, versions.length - 2)]!;
    const target = visibleCopy(replayHistory(versions.filter((v) => v.number <= version.number)).history);

    const restorer = new Y.Doc();
    Y.applyUpdate(restorer, Y.encodeStateAsUpdate(server));
    const copied = restorer.transact(() => restoreInto(restorer, target));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(restorer, Y.encodeStateVector(server)));
    expect(contentOf(server)).toBe(version.content);

    // Each copied character is the same character as the one it was copied from.
    const charAt = (doc: Y.Doc, client: number, clock: number) => {
      const item = doc.store.clients.get(client)!.find((s) => s instanceof Y.Item && s.id.clock <= clock && clock < s.id.clock + s.length) as Y.Item;
      return (item.content as Y.ContentString).str[clock - item.id.clock];
    };
    for (const copy of copied) {
      for (let i = 0; i < copy.length; i++) {
        expect(charAt(restorer, copy.client, copy.clock + i)).toBe(charAt(target, copy.source.client, copy.source.clock + i));
      }
    }
  });

  it('leaves the blocks that are already as the version has them untouched, and copies only the others', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(YDOC_CONTENT);
    fragment.insert(0, ['What we tried', 'What happened', 'Why', 'What next'].map((text) => paragraph(text)));
    const v1 = captureChanges(doc, null);
    textAt(doc, 2).insert(3, ' it failed');
    fragment.insert(4, [paragraph('An afterthought')]);
    const kept = [0, 1, 3].map((i) => fragment.get(i));
    const target = visibleCopy(replayHistory([{ number: 1, changes: v1.changes }]).history);
    const copied = doc.transact(() => restoreInto(doc, target));
    expect(fragment.toArray().map(String)).toEqual(['What we tried', 'What happened', 'Why', 'What next'].map((text) => `<paragraph>${text}</paragraph>`));
    expect(kept.every((node, k) => node === fragment.get([0, 1, 3][k]!))).toBe(true);
    expect(copied.reduce((sum, c) => sum + c.length, 0)).toBe('Why'.length);
    expect(visibleRuns(fragment).reduce((sum, r) => sum + r.length, 0)).toBe('What we triedWhat happenedWhyWhat next'.length);
  });

  it('restores trial-log entries: removed ones come back, added ones go, changed ones are as they were', () => {
    const doc = new Y.Doc();
    const entries = doc.getMap<Y.Map<unknown>>('trialEntries');
    const entry = (text: string) => {
      const map = new Y.Map<unknown>();
      map.set('tried', new Y.Text(text));
      map.set('outcome', 'worked');
      return map;
    };
    entries.set('a', entry('Drip irrigation'));
    entries.set('b', entry('Mulching'));
    const v1 = captureChanges(doc, null);
    entries.delete('a');
    (entries.get('b')!.get('tried') as Y.Text).insert(0, 'No ');
    entries.set('c', entry('Cover crops'));
    const target = visibleCopy(replayHistory([{ number: 1, changes: v1.changes }]).history);
    const copied = doc.transact(() => restoreInto(doc, target));
    expect(doc.getMap('trialEntries').toJSON()).toEqual({
      a: { tried: 'Drip irrigation', outcome: 'worked' },
      b: { tried: 'Mulching', outcome: 'worked' },
    });
    expect(copied.reduce((sum, c) => sum + c.length, 0)).toBe('Drip irrigation'.length + 'Mulching'.length);
  });
});

describe('alignment', () => {
  it('keeps the longest run of equal blocks in order', () => {
    const kept = (a: string, b: string) => alignment([...a], [...b]).map(([i]) => a[i]).join('');
    expect(kept('abcdef', 'abxdef')).toBe('abdef');
    expect(kept('abc', 'cab')).toBe('ab');
    expect(kept('', 'abc')).toBe('');
    expect(kept('xaybzc', 'abc')).toBe('abc');
    for (const [i, j] of alignment([...'kitten'], [...'sitting'])) expect('kitten'[i]).toBe('sitting'[j]);
  });
});

describe('copies within a document', () => {
  const SENTENCE = 'Farmers kept the plots they liked best.';
  function written() {
    const server = new Y.Doc();
    const ana = new Y.Doc();
    ana.clientID = 1;
    ana.getXmlFragment(YDOC_CONTENT).insert(0, [paragraph(SENTENCE), paragraph('Short.')]);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(ana));
    const bakary = new Y.Doc();
    bakary.clientID = 2;
    Y.applyUpdate(bakary, Y.encodeStateAsUpdate(server));
    return { server, bakary };
  }
  /** What Bakary's change copies, as the server sees it before applying it. */
  function copiesOf(server: Y.Doc, bakary: Y.Doc, change: (fragment: Y.XmlFragment) => void) {
    const before = Y.encodeStateVector(bakary);
    bakary.transact(() => change(bakary.getXmlFragment(YDOC_CONTENT)));
    return new CopyFinder(server).find(Y.decodeUpdate(Y.encodeStateAsUpdate(bakary, before)));
  }

  it('finds a moved paragraph’s text, pointing at the original it deletes', () => {
    const { server, bakary } = written();
    const copies = copiesOf(server, bakary, (fragment) => {
      fragment.delete(0, 1);
      fragment.insert(1, [paragraph(SENTENCE)]);
    });
    expect(copies).toEqual([{ client: 2, clock: expect.any(Number), length: SENTENCE.length, source: { client: 1, clock: expect.any(Number) } }]);
    const original = (server.getXmlFragment(YDOC_CONTENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(copies[0]!.source.clock).toBe(original._start!.id.clock);
  });

  it('finds pasted text, and not words typed again or too short to be a paste', () => {
    const { server, bakary } = written();
    expect(copiesOf(server, bakary, (fragment) => fragment.insert(2, [paragraph(SENTENCE.slice(8))])).map((c) => c.length)).toEqual([SENTENCE.length - 8]);
    expect(copiesOf(server, bakary, (fragment) => fragment.insert(2, [paragraph(SENTENCE.slice(0, MIN_COPY_LENGTH - 1))]))).toEqual([]);
    expect(copiesOf(server, bakary, (fragment) => fragment.insert(2, [paragraph('Farmers kept the goats they liked best.')]))).toEqual([]);
  });

  it('looks for pastes in text at most a little stale, so a stream of long insertions does not walk the document each', () => {
    const { server, bakary } = written();
    let now = 0;
    const finder = new CopyFinder(server, () => now);
    const send = (change: (fragment: Y.XmlFragment) => void) => {
      const before = Y.encodeStateVector(bakary);
      bakary.transact(() => change(bakary.getXmlFragment(YDOC_CONTENT)));
      const update = Y.encodeStateAsUpdate(bakary, before);
      const copies = finder.find(Y.decodeUpdate(update));
      Y.applyUpdate(server, update);
      return copies;
    };
    const fresh = 'A brand new sentence, typed just now.';
    expect(send((fragment) => fragment.insert(2, [paragraph(fresh)]))).toEqual([]);
    // Pasted at once, it is not in the text the finder read a moment ago (reading it again each time would cost a walk per insertion)…
    expect(send((fragment) => fragment.insert(3, [paragraph(fresh)]))).toEqual([]);
    // …but once that text is old enough to be read again, it is.
    now += PASTE_TEXT_MAX_AGE_MS + 1;
    expect(send((fragment) => fragment.insert(4, [paragraph(fresh)])).map((c) => c.length)).toEqual([fresh.length]);
  });
});

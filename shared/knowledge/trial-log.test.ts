import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testSeed } from '../../test/helpers/seeded-random';
import { TRIAL_OUTCOMES, YDOC_TRIAL_ENTRIES } from './kinds';
import {
  addTrialEntry,
  isTrialDate,
  listTrialEntries,
  moveTrialEntry,
  parseTrialOutcome,
  readTrialEntry,
  removeTrialEntry,
  restoreTrialEntry,
  setTrialDate,
  setTrialOutcome,
  TRIAL_TEXT_FIELDS,
  trialEntries,
  trialText,
  trialTimeline,
  type TrialTextField,
} from './trial-log';

const ids = (doc: Y.Doc) => listTrialEntries(doc).map((entry) => entry.id);

/** A doc holding `count` entries, added one after another; returns their ids in order. */
function docWith(count: number): { doc: Y.Doc; added: string[] } {
  const doc = new Y.Doc();
  const added = Array.from({ length: count }, () => addTrialEntry(doc));
  return { doc, added };
}

function updatesOf(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return updates;
}

describe('addTrialEntry', () => {
  it('adds an empty entry at the end, with a URL-safe id and every field', () => {
    const { doc, added } = docWith(2);
    const id = addTrialEntry(doc, { date: '2024-03-05' });
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(ids(doc)).toEqual([...added, id]);
    const entry = readTrialEntry(doc, id)!;
    expect(entry).toMatchObject({ id, date: '2024-03-05', outcome: '' });
    expect(entry.createdAt).toBeGreaterThan(0);
    for (const field of TRIAL_TEXT_FIELDS) {
      expect(entry[field]).toBe('');
      expect(trialText(doc, id, field)).toBeInstanceOf(Y.Text);
    }
  });

  it('puts the entry after the one named, first for null, last when the one named is gone', () => {
    const { doc, added } = docWith(3);
    const [a, b, c] = added as [string, string, string];
    const afterA = addTrialEntry(doc, { after: a });
    const first = addTrialEntry(doc, { after: null });
    const orphan = addTrialEntry(doc, { after: 'no-such-entry' });
    expect(ids(doc)).toEqual([first, a, afterA, b, c, orphan]);
  });

  it('writes in one transaction', () => {
    const doc = new Y.Doc();
    const updates = updatesOf(doc);
    addTrialEntry(doc);
    expect(updates).toHaveLength(1);
  });

  it('refuses a date that is not a calendar day', () => {
    const doc = new Y.Doc();
    expect(() => addTrialEntry(doc, { date: '2024-02-30' })).toThrow(RangeError);
    expect(() => addTrialEntry(doc, { date: '5 March' })).toThrow(RangeError);
    expect(listTrialEntries(doc)).toEqual([]);
  });

  it('renumbers the list once the gaps get too small, keeping its order', () => {
    const { doc, added } = docWith(2);
    const [a, b] = added as [string, string];
    // Each insertion right after `a` halves the gap before `b`.
    const squeezed: string[] = [];
    for (let i = 0; i < 40; i++) squeezed.unshift(addTrialEntry(doc, { after: a }));
    expect(ids(doc)).toEqual([a, ...squeezed, b]);
    const orders = listTrialEntries(doc).map((entry) => entry.order);
    for (let i = 1; i < orders.length; i++) expect(orders[i]! - orders[i - 1]!).toBeGreaterThanOrEqual(1e-9);
  });
});

describe('listTrialEntries and readTrialEntry', () => {
  it('sort by order, then by id', () => {
    const doc = new Y.Doc();
    const entries = trialEntries(doc);
    for (const [id, order] of [['b', 1], ['a', 1], ['c', 0]] as const) {
      const entry = new Y.Map<unknown>();
      entry.set('order', order);
      entries.set(id, entry);
    }
    expect(ids(doc)).toEqual(['c', 'a', 'b']);
  });

  it('read fields of the wrong type as empty and skip values that are not entries', () => {
    const doc = new Y.Doc();
    const entries = doc.getMap<unknown>(YDOC_TRIAL_ENTRIES);
    entries.set('text', 'not an entry');
    entries.set('number', 42);
    entries.set('array', new Y.Array());
    const odd = new Y.Map<unknown>();
    odd.set('date', '31/12/2024');
    odd.set('outcome', 'exploded');
    odd.set('order', 'first');
    odd.set('createdAt', null);
    odd.set('tried', 'a plain string');
    odd.set('learned', new Y.Map());
    entries.set('odd', odd);
    expect(listTrialEntries(doc)).toEqual([
      {
        id: 'odd',
        date: '',
        outcome: '',
        order: 0,
        createdAt: 0,
        ...Object.fromEntries(TRIAL_TEXT_FIELDS.map((field) => [field, ''])),
      },
    ]);
    expect(readTrialEntry(doc, 'text')).toBeNull();
    expect(readTrialEntry(doc, 'missing')).toBeNull();
    expect(trialText(doc, 'odd', 'tried')).toBeNull();
    expect(trialText(doc, 'odd', 'learned')).toBeNull();
  });

  it('read what was typed into the texts', () => {
    const { doc, added } = docWith(1);
    const id = added[0]!;
    trialText(doc, id, 'tried')!.insert(0, 'Drip irrigation on plot 3');
    trialText(doc, id, 'participants')!.insert(0, 'Awa, Jean');
    expect(readTrialEntry(doc, id)).toMatchObject({ tried: 'Drip irrigation on plot 3', participants: 'Awa, Jean' });
  });
});

describe('moveTrialEntry', () => {
  it('moves an entry to the index it should end at, changing only its order', () => {
    const { doc, added } = docWith(4);
    const [a, b, c, d] = added as [string, string, string, string];
    const before = readTrialEntry(doc, b)!;
    expect(moveTrialEntry(doc, a, 2)).toBe(true);
    expect(ids(doc)).toEqual([b, c, a, d]);
    expect(readTrialEntry(doc, b)).toEqual(before);
    moveTrialEntry(doc, d, 0);
    expect(ids(doc)).toEqual([d, b, c, a]);
    moveTrialEntry(doc, d, 3);
    expect(ids(doc)).toEqual([b, c, a, d]);
  });

  it('clamps the index to the list and writes nothing when the entry stays', () => {
    const { doc, added } = docWith(3);
    const [a, b, c] = added as [string, string, string];
    moveTrialEntry(doc, a, 99);
    expect(ids(doc)).toEqual([b, c, a]);
    moveTrialEntry(doc, a, -5);
    expect(ids(doc)).toEqual([a, b, c]);
    const updates = updatesOf(doc);
    expect(moveTrialEntry(doc, b, 1)).toBe(true);
    expect(updates).toHaveLength(0);
  });

  it('separates entries that share an order', () => {
    const doc = new Y.Doc();
    for (const id of ['a', 'b', 'c']) {
      const entry = new Y.Map<unknown>();
      entry.set('order', 1);
      trialEntries(doc).set(id, entry);
    }
    moveTrialEntry(doc, 'c', 1);
    expect(ids(doc)).toEqual(['a', 'c', 'b']);
  });

  it('says false for an entry that is gone and refuses an index that is not an integer', () => {
    const { doc, added } = docWith(2);
    expect(moveTrialEntry(doc, 'gone', 0)).toBe(false);
    expect(() => moveTrialEntry(doc, added[0]!, 0.5)).toThrow(RangeError);
    expect(() => moveTrialEntry(doc, added[0]!, Number.NaN)).toThrow(RangeError);
  });
});

describe('removeTrialEntry and restoreTrialEntry', () => {
  it('removes an entry and puts it back where it was, with its content', () => {
    const { doc, added } = docWith(3);
    const [a, b, c] = added as [string, string, string];
    trialText(doc, b, 'learned')!.insert(0, 'Mulch keeps the soil wet');
    setTrialOutcome(doc, b, 'partly');
    setTrialDate(doc, b, '2024-06-01');
    const before = readTrialEntry(doc, b);

    const removed = removeTrialEntry(doc, b);
    expect(removed).toEqual(before);
    expect(ids(doc)).toEqual([a, c]);
    expect(removeTrialEntry(doc, b)).toBeNull();

    expect(restoreTrialEntry(doc, removed!)).toBe(true);
    expect(ids(doc)).toEqual([a, b, c]);
    expect(readTrialEntry(doc, b)).toEqual(before);
    trialText(doc, b, 'learned')!.insert(0, 'Still editable. ');
    expect(readTrialEntry(doc, b)?.learned).toBe('Still editable. Mulch keeps the soil wet');
  });

  it('does not restore over an entry with the same id', () => {
    const { doc, added } = docWith(1);
    const removed = removeTrialEntry(doc, added[0]!)!;
    expect(restoreTrialEntry(doc, removed)).toBe(true);
    expect(restoreTrialEntry(doc, removed)).toBe(false);
    expect(listTrialEntries(doc)).toHaveLength(1);
  });
});

describe('setTrialOutcome and setTrialDate', () => {
  it('set and clear the values', () => {
    const { doc, added } = docWith(1);
    const id = added[0]!;
    for (const outcome of TRIAL_OUTCOMES) {
      expect(setTrialOutcome(doc, id, outcome)).toBe(true);
      expect(readTrialEntry(doc, id)?.outcome).toBe(outcome);
    }
    setTrialOutcome(doc, id, '');
    expect(readTrialEntry(doc, id)?.outcome).toBe('');
    expect(setTrialDate(doc, id, '2023-12-31')).toBe(true);
    expect(readTrialEntry(doc, id)?.date).toBe('2023-12-31');
    setTrialDate(doc, id, '');
    expect(readTrialEntry(doc, id)?.date).toBe('');
  });

  it('refuse values outside their range, say false for an entry that is gone, and write nothing when unchanged', () => {
    const { doc, added } = docWith(1);
    const id = added[0]!;
    expect(() => setTrialOutcome(doc, id, 'exploded' as never)).toThrow(RangeError);
    expect(() => setTrialDate(doc, id, '2023-13-01')).toThrow(RangeError);
    expect(setTrialOutcome(doc, 'gone', 'worked')).toBe(false);
    expect(setTrialDate(doc, 'gone', '2023-01-01')).toBe(false);
    const updates = updatesOf(doc);
    setTrialOutcome(doc, id, '');
    setTrialDate(doc, id, '');
    expect(updates).toHaveLength(0);
  });
});

describe('trialText', () => {
  it('gives null for an entry that is gone or a field that is not a text field', () => {
    const { doc, added } = docWith(1);
    expect(trialText(doc, 'gone', 'tried')).toBeNull();
    expect(trialText(doc, added[0]!, 'date' as TrialTextField)).toBeNull();
  });
});

describe('trialTimeline', () => {
  it('orders by date, groups by month, keeps the order of a day and puts undated entries last', () => {
    const doc = new Y.Doc();
    const dates = ['2024-03-10', '', '2024-01-31', '2024-03-02', '2024-03-10', '', '2023-12-01'];
    const added = dates.map((date) => addTrialEntry(doc, { date }));
    const months = trialTimeline(listTrialEntries(doc)).map(({ month, entries }) => [month, entries.map((entry) => added.indexOf(entry.id))]);
    expect(months).toEqual([
      ['2023-12', [6]],
      ['2024-01', [2]],
      ['2024-03', [3, 0, 4]],
      ['', [1, 5]],
    ]);
  });

  it('is empty for no entries', () => {
    expect(trialTimeline([])).toEqual([]);
  });
});

describe('isTrialDate and parseTrialOutcome', () => {
  it('accept only calendar days and known outcomes', () => {
    expect(isTrialDate('2024-02-29')).toBe(true);
    expect(isTrialDate('2023-02-29')).toBe(false);
    expect(isTrialDate('2024-2-9')).toBe(false);
    expect(isTrialDate(20240229)).toBe(false);
    expect(parseTrialOutcome('did_not_work')).toBe('did_not_work');
    expect(parseTrialOutcome('toString')).toBe('');
    expect(parseTrialOutcome(undefined)).toBe('');
  });
});

// ---- Concurrent editing, property-based ----

const NUM_RUNS = 100;

type Operation =
  | { kind: 'add'; peer: number; after: number | null | 'end' }
  | { kind: 'type'; peer: number; entry: number; field: TrialTextField; at: number; text: string }
  | { kind: 'outcome'; peer: number; entry: number; outcome: (typeof TRIAL_OUTCOMES)[number] | '' }
  | { kind: 'move'; peer: number; entry: number; to: number }
  | { kind: 'remove'; peer: number; entry: number }
  /** Delivers up to `count` of `from`'s updates that `to` has not had, picked in an order `picks` decides. */
  | { kind: 'deliver'; from: number; to: number; count: number; picks: number[] };

const operation = (peers: number): fc.Arbitrary<Operation> => {
  const peer = fc.nat({ max: peers - 1 });
  const entry = fc.nat();
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('add' as const),
        peer,
        after: fc.oneof(fc.nat(), fc.constant(null), fc.constant('end' as const)),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('type' as const),
        peer,
        entry,
        field: fc.constantFrom(...TRIAL_TEXT_FIELDS),
        at: fc.nat(),
        text: fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '🌾'), minLength: 1, maxLength: 4 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('outcome' as const), peer, entry, outcome: fc.constantFrom(...TRIAL_OUTCOMES, '' as const) }),
    },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('move' as const), peer, entry, to: fc.nat({ max: 12 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), peer, entry }) },
    {
      weight: 4,
      arbitrary: fc
        .record({ from: peer, to: peer, count: fc.integer({ min: 1, max: 6 }), picks: fc.array(fc.nat(), { maxLength: 6 }) })
        .map((fields) => ({ kind: 'deliver' as const, ...fields })),
    },
  );
};

const scenario = fc
  .integer({ min: 2, max: 3 })
  .chain((peers) => fc.record({ peers: fc.constant(peers), operations: fc.array(operation(peers), { minLength: 5, maxLength: 60, size: 'max' }) }));

/** A copy of the log on one device, with its own updates not yet delivered to each other peer. */
interface Peer {
  doc: Y.Doc;
  outbox: Uint8Array[][];
}

/** Runs a scenario and checks its outcome; throws on a failed expectation. */
function runScenario({ peers: count, operations }: { peers: number; operations: Operation[] }): void {
  const peers: Peer[] = Array.from({ length: count }, (_, self) => {
    const doc = new Y.Doc();
    const peer: Peer = { doc, outbox: Array.from({ length: count }, () => []) };
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return;
      peer.outbox.forEach((queue, to) => {
        if (to !== self) queue.push(update);
      });
    });
    return peer;
  });
  const added = new Set<string>();
  const removed = new Set<string>();
  /** Characters typed into each entry's field, which must all still be there unless the entry was removed. */
  const typed = new Map<string, number>();

  for (const op of operations) {
    if (op.kind === 'deliver') {
      const queue = peers[op.from]!.outbox[op.to]!;
      for (let i = 0; i < op.count && queue.length > 0; i++) {
        const [update] = queue.splice((op.picks[i] ?? 0) % queue.length, 1);
        Y.applyUpdate(peers[op.to]!.doc, update!, 'remote');
      }
      continue;
    }
    const { doc } = peers[op.peer]!;
    const list = listTrialEntries(doc);
    if (op.kind === 'add') {
      const after = op.after === 'end' ? undefined : op.after === null ? null : list[op.after % Math.max(list.length, 1)]?.id;
      added.add(addTrialEntry(doc, { after }));
      continue;
    }
    const target = list[op.entry % Math.max(list.length, 1)];
    if (!target) continue;
    switch (op.kind) {
      case 'type': {
        const text = trialText(doc, target.id, op.field)!;
        // Never between the halves of a surrogate pair, as a text field never does.
        const position = op.at % (text.length + 1);
        const splitsPair = /[\uD800-\uDBFF]$/.test(text.toString().slice(0, position));
        text.insert(splitsPair ? position - 1 : position, op.text);
        const key = `${target.id}/${op.field}`;
        typed.set(key, (typed.get(key) ?? 0) + op.text.length);
        break;
      }
      case 'outcome':
        setTrialOutcome(doc, target.id, op.outcome);
        break;
      case 'move':
        moveTrialEntry(doc, target.id, op.to);
        break;
      case 'remove':
        removeTrialEntry(doc, target.id);
        removed.add(target.id);
        break;
    }
  }

  for (const from of peers) {
    for (const to of peers) if (to !== from) Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc), 'remote');
  }

  const agreed = listTrialEntries(peers[0]!.doc);
  for (const peer of peers) expect(listTrialEntries(peer.doc)).toEqual(agreed);
  const agreedIds = agreed.map((entry) => entry.id);
  expect(new Set(agreedIds).size).toBe(agreedIds.length);
  expect(agreedIds.sort()).toEqual([...added].filter((id) => !removed.has(id)).sort());
  for (const entry of agreed) {
    for (const field of TRIAL_TEXT_FIELDS) expect(entry[field].length).toBe(typed.get(`${entry.id}/${field}`) ?? 0);
  }
}

describe('concurrent editing, property-based', () => {
  it(`every copy ends with the same entries, none doubled and none lost unless removed, over ${NUM_RUNS} random mixes`, () => {
    const seed = testSeed();
    fc.assert(fc.property(scenario, runScenario), { seed, numRuns: NUM_RUNS });
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Random, seededRandom, testSeed } from '../../test/helpers/seeded-random';
import { applyAndRelay } from './relayed-update';

/** A writer's document that records each of its changes as an update. */
function writer(clientID: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

const text = (doc: Y.Doc) => doc.getText('t').toString();

describe('applyAndRelay', () => {
  it('relays an update that applies completely as the very bytes that came', () => {
    const awa = writer(1);
    awa.doc.getText('t').insert(0, 'Dakar');
    const server = new Y.Doc();
    const relayed = applyAndRelay(server, [awa.updates[0]!], 'awa');
    expect(relayed).toBe(awa.updates[0]);
    expect(text(server)).toBe('Dakar');
  });

  it('relays nothing for an update the document already holds, nor for deleting what is already deleted', () => {
    const awa = writer(1);
    awa.doc.getText('t').insert(0, 'Dakar');
    awa.doc.getText('t').delete(0, 1);
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(awa.doc));
    expect(applyAndRelay(server, [awa.updates[0]!], 'awa')).toBeNull();
    expect(applyAndRelay(server, [awa.updates[1]!], 'awa')).toBeNull();
  });

  it('does not pass on other text under ids the document already holds, only what is new', () => {
    const awa = writer(1);
    awa.doc.getText('t').insert(0, 'mine');
    const server = new Y.Doc();
    Y.applyUpdate(server, awa.updates[0]!);
    // Awa's own ids 0–3 again, with other text, and one character more.
    const forged = writer(1);
    forged.doc.getText('t').insert(0, 'EVIL!');
    const relayed = applyAndRelay(server, [forged.updates[0]!], 'awa')!;
    expect(text(server)).toBe('mine!');
    expect(Y.decodeUpdate(relayed).structs.every((s) => s.id.clock >= 4)).toBe(true);
    // A peer that has not received Awa's text yet takes nothing of the forged one from it.
    const late = new Y.Doc();
    Y.applyUpdate(late, relayed);
    Y.applyUpdate(late, awa.updates[0]!);
    expect(text(late)).toBe('mine!');
  });

  it('relays only what the document lacked of an answer that repeats the rest', () => {
    const awa = writer(1);
    awa.doc.getText('t').insert(0, 'one two');
    const server = new Y.Doc();
    Y.applyUpdate(server, awa.updates[0]!);
    awa.doc.getText('t').insert(7, ' three');
    const answer = Y.encodeStateAsUpdate(awa.doc);
    const relayed = applyAndRelay(server, [answer], 'awa')!;
    expect(relayed.byteLength).toBeLessThan(answer.byteLength);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, awa.updates[0]!);
    Y.applyUpdate(peer, relayed);
    expect(text(peer)).toBe('one two three');
  });

  it('relays an update held back for what it builds on, and, once that comes, both', () => {
    const awa = writer(1);
    awa.doc.getText('t').insert(0, 'Dakar');
    awa.doc.getText('t').insert(5, ', Thiès');
    const [first, second] = awa.updates;
    const server = new Y.Doc();
    const peer = new Y.Doc();
    const early = applyAndRelay(server, [second!], 'fan-out');
    expect(early).toBe(second);
    expect(text(server)).toBe('');
    const completing = applyAndRelay(server, [first!], 'fan-out')!;
    expect(text(server)).toBe('Dakar, Thiès');
    // A peer given only the second relay has everything: it carries what was held back.
    Y.applyUpdate(peer, completing);
    expect(text(peer)).toBe('Dakar, Thiès');
  });

  it('relays several updates as one difference, without what the peer already had', () => {
    const awa = writer(1);
    awa.doc.getText('t').insert(0, 'Dakar');
    const server = new Y.Doc();
    Y.applyUpdate(server, awa.updates[0]!);
    awa.doc.getText('t').insert(5, ' and Thiès');
    awa.doc.getText('t').delete(0, 1);
    const relayed = applyAndRelay(server, awa.updates, 'catch-up')!;
    const peer = new Y.Doc();
    Y.applyUpdate(peer, awa.updates[0]!);
    Y.applyUpdate(peer, relayed);
    expect(text(peer)).toBe('akar and Thiès');
    // The first update, which the server had, is not in it: alone the difference leaves its insertion pending.
    const stranger = new Y.Doc();
    Y.applyUpdate(stranger, relayed);
    expect(text(stranger)).toBe('');
  });

  it('keeps a peer that receives only the relays in step, whatever the order, duplicates and batches of the updates', () => {
    const seed = testSeed();
    const random = seededRandom(seed);
    for (let round = 0; round < 40; round++) {
      const updates = concurrentEdits(random.fork(round));
      const server = new Y.Doc();
      const peer = new Y.Doc();
      const deliveries = shuffled(random, [...updates, ...updates.filter(() => random.chance(0.2))]);
      while (deliveries.length > 0) {
        const batch = deliveries.splice(0, random.chance(0.7) ? 1 : random.int(2, 4));
        const relayed = applyAndRelay(server, batch, 'origin');
        if (relayed) Y.applyUpdate(peer, relayed);
        const serverHoldsBack = server.store.pendingStructs !== null || server.store.pendingDs !== null;
        if (!serverHoldsBack) {
          expect(Y.encodeStateVector(peer)).toEqual(Y.encodeStateVector(server));
          expect(text(peer)).toBe(text(server));
        }
      }
      expect(text(peer)).toBe(text(server));
      expect(Y.encodeStateAsUpdate(peer)).toEqual(Y.encodeStateAsUpdate(server));
    }
  });
});

/** The updates of three writers editing one text at once, syncing now and then. */
function concurrentEdits(random: Random): Uint8Array[] {
  const writers = [writer(1), writer(2), writer(3)];
  for (let step = 0; step < 30; step++) {
    const { doc } = random.pick(writers);
    const t = doc.getText('t');
    if (t.length > 0 && random.chance(0.3)) {
      const at = random.int(0, t.length - 1);
      t.delete(at, random.int(1, Math.min(4, t.length - at)));
    } else if (random.chance(0.2)) {
      t.format(0, t.length, { bold: random.chance(0.5) ? true : null });
    } else {
      t.insert(random.int(0, t.length), random.pick(['a', 'bc', ' ', 'é', '🌾']));
    }
    if (random.chance(0.2)) {
      const [from, to] = [random.pick(writers), random.pick(writers)];
      Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)));
    }
  }
  return writers.flatMap((w) => w.updates);
}

function shuffled<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

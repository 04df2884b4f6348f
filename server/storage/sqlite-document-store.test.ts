import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { insertTestDocument } from '../../test/helpers/database';
import { tempDir } from '../../test/helpers/temp-dir';
import type { Db } from './database';
import { SqliteDocumentStore } from './sqlite-document-store';
import { openSqliteDatabase } from './sqlite';

/** A freshly migrated database in its own folder, and a store over it. */
async function setUp() {
  const db = await openSqliteDatabase({ dataDir: tempDir(), synchronous: 'NORMAL' });
  onTestFinished(() => db.destroy());
  const store = new SqliteDocumentStore(db);
  const newDocument = async () => (await insertTestDocument(db, 'Store test')).id;
  return { db, store, newDocument };
}

function storedRows(db: Db, documentId?: string) {
  let query = db.selectFrom('document_updates').select(['seq', 'document_id', 'data']).orderBy('seq');
  if (documentId) query = query.where('document_id', '=', documentId);
  return query.execute();
}

/** Distinct, recognisable bytes for the i-th update. */
const payload = (i: number) => new TextEncoder().encode(`update #${i}`);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

/** The updates one user's edits produce, one per edit. */
function recordEdits(edits: Array<(t: Y.Text) => void>): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const edit of edits) edit(doc.getText('content'));
  return { updates, doc };
}

function replay(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

describe('SqliteDocumentStore.append', () => {
  it('resolves with increasing sequence numbers in call order across turns', async () => {
    const { store, db, newDocument } = await setUp();
    const id = await newDocument();
    const seqs: number[] = [];
    for (let i = 0; i < 5; i++) seqs.push(await store.append(id, payload(i)));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(5);
    const rows = await storedRows(db, id);
    expect(rows.map((r) => r.seq)).toEqual(seqs);
    expect(rows.map((r) => text(r.data))).toEqual([0, 1, 2, 3, 4].map((i) => `update #${i}`));
  });

  it('commits many appends of one turn together, numbered in call order', async () => {
    const { store, db, newDocument } = await setUp();
    const id = await newDocument();
    // More than one INSERT statement's worth of rows.
    const count = 2500;
    const seqs = await Promise.all(Array.from({ length: count }, (_, i) => store.append(id, payload(i))));
    // One transaction with nothing else writing: consecutive numbers, in the order of the calls.
    expect(seqs).toEqual(Array.from({ length: count }, (_, i) => seqs[0]! + i));
    const rows = await storedRows(db, id);
    expect(rows).toHaveLength(count);
    rows.forEach((row, i) => {
      expect(row.seq).toBe(seqs[i]);
      expect(text(row.data)).toBe(`update #${i}`);
    });
  });

  it('stores nothing of a turn if one of its appends fails: the turn is one transaction', async () => {
    const { store, db, newDocument } = await setUp();
    const id = await newDocument();
    const results = await Promise.allSettled([
      store.append(id, payload(0)),
      store.append('no-such-document', payload(1)),
      store.append(id, payload(2)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await storedRows(db)).toEqual([]);
    // The store keeps working for the next turn.
    const seq = await store.append(id, payload(3));
    expect((await storedRows(db)).map((r) => [r.seq, text(r.data)])).toEqual([[seq, 'update #3']]);
  });

  it('interleaves several documents in one turn without mixing their updates', async () => {
    const { store, db, newDocument } = await setUp();
    const ids = [await newDocument(), await newDocument(), await newDocument()];
    const calls = Array.from({ length: 30 }, (_, i) => ({ id: ids[i % 3]!, i }));
    const seqs = await Promise.all(calls.map(({ id, i }) => store.append(id, payload(i))));
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => seqs[0]! + i));
    for (const id of ids) {
      const mine = calls.filter((c) => c.id === id);
      const rows = await storedRows(db, id);
      expect(rows.map((r) => text(r.data))).toEqual(mine.map((c) => `update #${c.i}`));
      expect(rows.map((r) => r.seq)).toEqual(mine.map((c) => seqs[c.i]));
      expect((await store.load(id)).updates.map(text)).toEqual(mine.map((c) => `update #${c.i}`));
    }
  });

  it("touches the document's updated_at, and only that document's", async () => {
    const { store, db, newDocument } = await setUp();
    const [edited, untouched] = [await newDocument(), await newDocument()];
    await db.updateTable('documents').set({ updated_at: 1 }).execute();
    const before = Date.now();
    await store.append(edited, payload(0));
    const after = Date.now();
    const rows = await db.selectFrom('documents').select(['id', 'updated_at']).execute();
    const updatedAt = new Map(rows.map((r) => [r.id, r.updated_at]));
    expect(updatedAt.get(edited)).toBeGreaterThanOrEqual(before);
    expect(updatedAt.get(edited)).toBeLessThanOrEqual(after);
    expect(updatedAt.get(untouched)).toBe(1);
  });
});

describe('SqliteDocumentStore.flush', () => {
  it('resolves only once every append issued so far is committed', async () => {
    const { store, db, newDocument } = await setUp();
    const id = await newDocument();
    const first = store.append(id, payload(0));
    const second = store.append(id, payload(1));
    // Not written yet, so the flush below has something to wait for.
    expect(await storedRows(db, id)).toEqual([]);
    await store.flush();
    expect((await storedRows(db, id)).map((r) => text(r.data))).toEqual(['update #0', 'update #1']);
    const seqs = await Promise.all([first, second]);
    expect((await storedRows(db, id)).map((r) => r.seq)).toEqual(seqs);
  });

  it('resolves at once when nothing is pending', async () => {
    const { store } = await setUp();
    await expect(store.flush()).resolves.toBeUndefined();
  });
});

describe('SqliteDocumentStore.load and compact', () => {
  it('loads nothing for a document without content', async () => {
    const { store, newDocument } = await setUp();
    expect(await store.load(await newDocument())).toEqual({
      updates: [],
      throughSeq: 0,
      tailLength: 0,
      snapshotBytes: 0,
      tailBytes: 0,
    });
  });

  it('loads the tail in order, with its length and size', async () => {
    const { store, newDocument } = await setUp();
    const id = await newDocument();
    const seqs = [];
    for (let i = 0; i < 4; i++) seqs.push(await store.append(id, payload(i)));
    const loaded = await store.load(id);
    expect(loaded.updates.map(text)).toEqual(['update #0', 'update #1', 'update #2', 'update #3']);
    expect(loaded.throughSeq).toBe(seqs[3]);
    expect(loaded.tailLength).toBe(4);
    expect(loaded.snapshotBytes).toBe(0);
    expect(loaded.tailBytes).toBe([0, 1, 2, 3].reduce((sum, i) => sum + payload(i).byteLength, 0));
  });

  it('replaces the rows up to throughSeq with the snapshot and keeps the later ones', async () => {
    const { store, db, newDocument } = await setUp();
    const id = await newDocument();
    const seqs = [];
    for (let i = 0; i < 5; i++) seqs.push(await store.append(id, payload(i)));
    const snapshot = new TextEncoder().encode('snapshot of #0..#2');
    await store.compact(id, snapshot, seqs[2]!);

    expect((await storedRows(db, id)).map((r) => r.seq)).toEqual(seqs.slice(3));
    const loaded = await store.load(id);
    expect(loaded.updates.map(text)).toEqual(['snapshot of #0..#2', 'update #3', 'update #4']);
    expect(loaded.throughSeq).toBe(seqs[4]);
    expect(loaded.tailLength).toBe(2);
    expect(loaded.snapshotBytes).toBe(snapshot.byteLength);
    expect(loaded.tailBytes).toBe(payload(3).byteLength + payload(4).byteLength);
  });

  it('replaces an earlier snapshot on the next compaction', async () => {
    const { store, db, newDocument } = await setUp();
    const id = await newDocument();
    const a = await store.append(id, payload(0));
    await store.compact(id, new TextEncoder().encode('first snapshot'), a);
    const b = await store.append(id, payload(1));
    await store.compact(id, new TextEncoder().encode('second snapshot'), b);

    const snapshots = await db.selectFrom('document_snapshots').select(['document_id', 'through_seq']).execute();
    expect(snapshots).toEqual([{ document_id: id, through_seq: b }]);
    expect(await storedRows(db, id)).toEqual([]);
    const loaded = await store.load(id);
    expect(loaded.updates.map(text)).toEqual(['second snapshot']);
    expect(loaded.throughSeq).toBe(b);
    expect(loaded.tailLength).toBe(0);
  });

  it('never reuses a sequence number after compaction deleted every row', async () => {
    const { store, newDocument } = await setUp();
    const id = await newDocument();
    const seqs = [await store.append(id, payload(0)), await store.append(id, payload(1))];
    await store.compact(id, payload(99), seqs[1]!);
    const next = await store.append(id, payload(2));
    expect(next).toBeGreaterThan(seqs[1]!);
    // Otherwise the new update would hide behind the snapshot's throughSeq and be lost on load.
    expect((await store.load(id)).updates.map(text)).toEqual(['update #99', 'update #2']);
  });

  it('loads the same Yjs content after compaction as before', async () => {
    const { store, newDocument } = await setUp();
    const id = await newDocument();
    const { updates, doc } = recordEdits([
      (t) => t.insert(0, 'Water committee minutes'),
      (t) => t.insert(t.length, '\n- borehole repaired'),
      (t) => t.delete(0, 6),
      (t) => t.insert(0, 'Village '),
      (t) => t.format(0, 7, { bold: true }),
      (t) => t.insert(t.length, '\n- next meeting on Friday'),
    ]);
    const seqs = [];
    for (const u of updates) seqs.push(await store.append(id, u));
    const beforeText = replay((await store.load(id)).updates).getText('content').toDelta();
    expect(beforeText).toEqual(doc.getText('content').toDelta());

    // What a session does: snapshot the state of the first four updates, fold them away.
    const snapshot = Y.encodeStateAsUpdate(replay(updates.slice(0, 4)));
    await store.compact(id, snapshot, seqs[3]!);
    const loaded = await store.load(id);
    expect(loaded.updates).toHaveLength(3);
    const after = replay(loaded.updates);
    expect(after.getText('content').toDelta()).toEqual(beforeText);
    expect(Y.encodeStateVector(after)).toEqual(Y.encodeStateVector(doc));
  });
});

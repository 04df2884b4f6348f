import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import * as Y from 'yjs';
import { insertTestDocument } from '../../test/helpers/database';
import { postgresForFile } from '../../test/helpers/postgres';
import { tempDir } from '../../test/helpers/temp-dir';
import type { Db } from './database';
import type { DocumentStore } from './document-store';
import { PostgresDocumentStore } from './postgres-document-store';
import { openPostgresDatabase } from './postgres';
import { SqliteDocumentStore } from './sqlite-document-store';
import { DATABASE_FILE, openSqliteDatabase, sqliteConnection } from './sqlite';

const postgres = postgresForFile();

/** Each engine: a freshly migrated database of its own for every test, and a store over it. */
const engines = [
  {
    engine: 'SQLite',
    open: () => openSqliteDatabase({ dataDir: tempDir(), synchronous: 'NORMAL' }),
    newStore: (db: Db): DocumentStore => new SqliteDocumentStore(db),
  },
  {
    engine: 'SQLite synced to the disk',
    open: () => openSqliteDatabase({ dataDir: tempDir(), synchronous: 'FULL' }),
    newStore: (db: Db): DocumentStore => new SqliteDocumentStore(db),
  },
  {
    engine: 'PostgreSQL',
    open: async () => openPostgresDatabase({ url: await postgres().createDatabase() }),
    newStore: (db: Db): DocumentStore => new PostgresDocumentStore(db),
  },
];

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

const content = (updates: Uint8Array[]) => replay(updates).getText('content').toString();

/** A Yjs update typing `update #i` after what `doc` holds, for compaction, which may read what it folds. */
function yjsPayload(doc: Y.Doc, i: number): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('content').insert(doc.getText('content').length, `update #${i};`);
  return Y.encodeStateAsUpdate(doc, before);
}

describe.each(engines)('document store on $engine', ({ open, newStore }) => {
  /** A freshly migrated database and a store over it. */
  async function setUp() {
    const db = await open();
    onTestFinished(() => db.destroy());
    const store = newStore(db);
    const newDocument = async () => (await insertTestDocument(db, 'Store test')).id;
    return { db, store, newDocument };
  }

  describe('append', () => {
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

    it("commits apart from another transaction open meanwhile: that one's rollback undoes none of it", async () => {
      const { store, db, newDocument } = await setUp();
      const id = await newDocument();
      let appended: Promise<number> | undefined;
      const rolledBack = db.transaction().execute(async (trx) => {
        await trx.updateTable('documents').set({ title: 'never kept' }).where('id', '=', id).execute();
        appended = store.append(id, payload(0));
        // Turns pass with the transaction still open: the append's own turn comes and goes.
        for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
        throw new Error('rolled back');
      });
      await expect(rolledBack).rejects.toThrow('rolled back');
      const seq = await appended!;
      expect((await storedRows(db, id)).map((r) => [r.seq, text(r.data)])).toEqual([[seq, 'update #0']]);
      const { title } = await db.selectFrom('documents').select('title').where('id', '=', id).executeTakeFirstOrThrow();
      expect(title).toBe('Store test');
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

  describe('flush', () => {
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

  describe('load and compact', () => {
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
      const source = new Y.Doc();
      const updates = [0, 1, 2, 3, 4].map((i) => yjsPayload(source, i));
      const seqs = [];
      for (const update of updates) seqs.push(await store.append(id, update));
      await store.compact(id, Y.encodeStateAsUpdate(replay(updates.slice(0, 3))), seqs[2]!);

      expect((await storedRows(db, id)).map((r) => r.seq)).toEqual(seqs.slice(3));
      const loaded = await store.load(id);
      expect(loaded.updates).toHaveLength(3);
      expect(content([loaded.updates[0]!])).toBe('update #0;update #1;update #2;');
      expect(loaded.updates.slice(1).map((u) => [...u])).toEqual(updates.slice(3).map((u) => [...u]));
      expect(loaded.throughSeq).toBe(seqs[4]);
      expect(loaded.tailLength).toBe(2);
      expect(loaded.snapshotBytes).toBe(loaded.updates[0]!.byteLength);
      expect(loaded.tailBytes).toBe(updates[3]!.byteLength + updates[4]!.byteLength);
    });

    it('replaces an earlier snapshot on the next compaction', async () => {
      const { store, db, newDocument } = await setUp();
      const id = await newDocument();
      const source = new Y.Doc();
      const a = await store.append(id, yjsPayload(source, 0));
      await store.compact(id, Y.encodeStateAsUpdate(source), a);
      const b = await store.append(id, yjsPayload(source, 1));
      await store.compact(id, Y.encodeStateAsUpdate(source), b);

      const snapshots = await db.selectFrom('document_snapshots').select(['document_id', 'through_seq']).execute();
      expect(snapshots).toEqual([{ document_id: id, through_seq: b }]);
      expect(await storedRows(db, id)).toEqual([]);
      const loaded = await store.load(id);
      expect(loaded.updates).toHaveLength(1);
      expect(content(loaded.updates)).toBe('update #0;update #1;');
      expect(loaded.throughSeq).toBe(b);
      expect(loaded.tailLength).toBe(0);
    });

    it('never reuses a sequence number after compaction deleted every row', async () => {
      const { store, newDocument } = await setUp();
      const id = await newDocument();
      const source = new Y.Doc();
      const seqs = [await store.append(id, yjsPayload(source, 0)), await store.append(id, yjsPayload(source, 1))];
      await store.compact(id, Y.encodeStateAsUpdate(source), seqs[1]!);
      const next = await store.append(id, yjsPayload(source, 2));
      expect(next).toBeGreaterThan(seqs[1]!);
      // Otherwise the new update would hide behind the snapshot's throughSeq and be lost on load.
      const loaded = await store.load(id);
      expect(loaded.updates).toHaveLength(2);
      expect(content(loaded.updates)).toBe('update #0;update #1;update #2;');
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
});

/** With `synchronous = FULL`, appends commit on the event loop and reach the disk off it. */
describe('document store on SQLite synced to the disk', () => {
  async function setUp() {
    const db = await openSqliteDatabase({ dataDir: tempDir(), synchronous: 'FULL' });
    onTestFinished(() => db.destroy());
    const id = (await insertTestDocument(db, 'Synced')).id;
    // Every sync of the log waits until the test lets it finish.
    const held: Array<() => void> = [];
    const sync = fs.fdatasync;
    const fdatasync = vi.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, done: (error: Error | null) => void) => {
      held.push(() => sync(fd, done));
    }) as typeof fs.fdatasync);
    onTestFinished(() => fdatasync.mockRestore());
    return { db, id, store: new SqliteDocumentStore(db), held };
  }

  const acknowledged = async (append: Promise<number>) => {
    let done = false;
    void append.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    return done;
  };

  it('acknowledges an append only once the log holding it is synced, and commits the next meanwhile', async () => {
    const { db, id, store, held } = await setUp();
    const first = store.append(id, payload(0));
    await vi.waitFor(() => expect(held).toHaveLength(1));
    // Committed, and so visible to a restart after a process crash, but not yet safe from a power loss.
    expect((await storedRows(db, id)).map((r) => text(r.data))).toEqual(['update #0']);
    expect(await acknowledged(first)).toBe(false);

    const second = store.append(id, payload(1));
    await vi.waitFor(async () => expect(await storedRows(db, id)).toHaveLength(2));
    expect(held).toHaveLength(1);

    held[0]!();
    await vi.waitFor(() => expect(held).toHaveLength(2));
    expect(await acknowledged(first)).toBe(true);
    // The sync that was running may have begun before the second commit.
    expect(await acknowledged(second)).toBe(false);
    held[1]!();
    expect(await acknowledged(second)).toBe(true);
  });

  it('loads only once what it read is synced: a loaded document is shown to people', async () => {
    const { id, store, held } = await setUp();
    void store.append(id, payload(0));
    await vi.waitFor(() => expect(held).toHaveLength(1));
    let loaded: string[] | undefined;
    void store.load(id).then((doc) => (loaded = doc.updates.map(text)));
    await new Promise((r) => setTimeout(r, 20));
    held[0]!();
    // The sync that was running may have begun before the read.
    await vi.waitFor(() => expect(held).toHaveLength(2));
    expect(loaded).toBeUndefined();
    held[1]!();
    await vi.waitFor(() => expect(loaded).toEqual(['update #0']));
  });

  it('syncs the log beside the file the database really is, when its path is a link', async () => {
    const dataDir = tempDir();
    const elsewhere = tempDir();
    fs.writeFileSync(path.join(elsewhere, 'moved.sqlite'), '');
    fs.symlinkSync(path.join(elsewhere, 'moved.sqlite'), path.join(dataDir, DATABASE_FILE));
    const db = await openSqliteDatabase({ dataDir, synchronous: 'FULL' });
    onTestFinished(() => db.destroy());
    const id = (await insertTestDocument(db, 'Linked')).id;
    const store = new SqliteDocumentStore(db);
    const seq = await store.append(id, payload(0));
    expect((await storedRows(db, id)).map((r) => r.seq)).toEqual([seq]);
    expect(fs.existsSync(path.join(elsewhere, 'moved.sqlite-wal'))).toBe(true);
  });

  it('keeps syncing in the commit for every other write', async () => {
    const { db, id, store, held } = await setUp();
    const append = store.append(id, payload(0));
    await vi.waitFor(() => expect(held).toHaveLength(1));
    held[0]!();
    await append;
    expect(sqliteConnection(db).sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
  });
});

/** Several instances write and compact the same documents: what PostgreSQL is for. */
describe('document store on PostgreSQL, shared by instances', () => {
  async function setUp() {
    const db = await openPostgresDatabase({ url: await postgres().createDatabase() });
    onTestFinished(() => db.destroy());
    const id = (await insertTestDocument(db, 'Shared')).id;
    return { db, id, instances: [new PostgresDocumentStore(db), new PostgresDocumentStore(db)] as const };
  }

  it('keeps an update another instance stored that the compacting one has not seen yet', async () => {
    const { id, instances: [a, b] } = await setUp();
    const [docA, docB] = [new Y.Doc(), new Y.Doc()];
    await a.append(id, yjsPayload(docA, 0));
    const seq = await b.append(id, yjsPayload(docB, 1));
    // B's memory lacks A's update (still on its way through the fan-out); its sequence number is higher.
    await b.compact(id, Y.encodeStateAsUpdate(docB), seq);
    expect(content((await a.load(id)).updates).split(';').sort()).toEqual(['', 'update #0', 'update #1']);
  });

  it('keeps an update committed after a higher one that compaction already covered', async () => {
    const { db, id, instances: [a, b] } = await setUp();
    const [docA, docB] = [new Y.Doc(), new Y.Doc()];
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let inserted!: () => void;
    const insertedRow = new Promise<void>((resolve) => (inserted = resolve));
    // An instance whose transaction took its sequence number first and commits last.
    const slow = db.transaction().execute(async (trx) => {
      await trx.insertInto('document_updates').values({ document_id: id, data: yjsPayload(docA, 0) }).execute();
      inserted();
      await committed;
    });
    await insertedRow;
    const seq = await b.append(id, yjsPayload(docB, 1));
    await b.compact(id, Y.encodeStateAsUpdate(docB), seq);
    commit();
    await slow;
    expect(content((await a.load(id)).updates).split(';').sort()).toEqual(['', 'update #0', 'update #1']);
  });

  it('lets one instance compact a document at a time, and both compactions keep everything', async () => {
    const { db, id, instances } = await setUp();
    const docs = [new Y.Doc(), new Y.Doc()];
    const seqs: number[][] = [[], []];
    for (let i = 0; i < 20; i++) {
      const k = i % 2;
      seqs[k]!.push(await instances[k]!.append(id, yjsPayload(docs[k]!, i)));
    }
    await Promise.all(instances.map((store, k) => store.compact(id, Y.encodeStateAsUpdate(docs[k]!), seqs[k]!.at(-1)!)));
    const words = content((await instances[0].load(id)).updates).split(';').filter(Boolean);
    expect(words.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `update #${i}`).sort());
    expect(await storedRows(db, id)).toEqual([]);
  });
});

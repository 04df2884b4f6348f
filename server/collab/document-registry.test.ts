import { describe, expect, it, onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { insertTestDocument } from '../../test/helpers/database';
import { tempDir } from '../../test/helpers/temp-dir';
import { createLogger } from '../logger';
import type { DocumentStore } from '../storage/document-store';
import { createInProcessFanOut } from '../storage/fan-out';
import { SqliteDocumentStore } from '../storage/sqlite-document-store';
import { openSqliteDatabase } from '../storage/sqlite';
import { DocumentRegistry } from './document-registry';
import { DEFAULT_AWARENESS_PACING } from './awareness-relay';

async function setUp(unloadGraceMs = 10) {
  const db = await openSqliteDatabase({ dataDir: tempDir(), synchronous: 'NORMAL' });
  onTestFinished(() => db.destroy());
  const store = new SqliteDocumentStore(db);
  const loads: string[] = [];
  const counting: DocumentStore = {
    load: (id) => {
      loads.push(id);
      return store.load(id);
    },
    append: (id, u) => store.append(id, u),
    discard: (id, seq) => store.discard(id, seq),
    compact: (id, s, seq) => store.compact(id, s, seq),
    flush: () => store.flush(),
  };
  const registry = new DocumentRegistry(
    { store: counting, fanOut: createInProcessFanOut(), logger: createLogger('silent'), activity: { report: async () => {} }, clients: { load: async () => new Map(), record: async (_room, ids, userId) => new Map(ids.map((id) => [id, userId])) }, versions: { capture: async () => {} } },
    {
      maxDocumentBytes: 1 << 20,
      compactAfterUpdates: 1000,
      unloadGraceMs,
      versions: { afterPauseMs: 60_000, everyUpdates: 1000 },
      awareness: DEFAULT_AWARENESS_PACING,
    },
  );
  const { id } = await insertTestDocument(db, 'Registry test');
  return { registry, store, loads, id };
}

describe('DocumentRegistry', () => {
  it('loads a document once for concurrent first connections', async () => {
    const { registry, loads, id } = await setUp();
    const sessions = await Promise.all(Array.from({ length: 5 }, () => registry.acquire(id)));
    expect(new Set(sessions).size).toBe(1);
    expect(loads).toEqual([id]);
  });

  it('unloads after the grace period and reloads the stored state on the next acquire', async () => {
    const { registry, store, loads, id } = await setUp();
    const session = await registry.acquire(id);
    const source = new Y.Doc();
    source.getText('content').insert(0, 'kept across unloads');
    await store.append(id, Y.encodeStateAsUpdate(source));
    registry.release(id);
    await new Promise((r) => setTimeout(r, 50));
    expect(registry.loadedCount).toBe(0);

    const reloaded = await registry.acquire(id);
    expect(reloaded).not.toBe(session);
    expect(reloaded.doc.getText('content').toString()).toBe('kept across unloads');
    expect(loads).toEqual([id, id]);
  });

  it('keeps the document loaded when someone comes back within the grace period', async () => {
    const { registry, loads, id } = await setUp(100);
    const session = await registry.acquire(id);
    registry.release(id);
    const again = await registry.acquire(id);
    await new Promise((r) => setTimeout(r, 150));
    expect(again).toBe(session);
    expect(registry.loadedCount).toBe(1);
    expect(loads).toEqual([id]);
  });

  it('never unloads a document that still has a holder', async () => {
    const { registry, id } = await setUp(0);
    const [first] = await Promise.all([registry.acquire(id), registry.acquire(id)]);
    registry.release(id);
    await new Promise((r) => setTimeout(r, 30));
    expect(registry.loadedCount).toBe(1);
    expect(await registry.acquire(id)).toBe(first);
  });
});

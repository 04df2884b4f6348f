import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DATABASE_FILE } from '../../server/storage/sqlite';
import { decodeServerMessage } from '../helpers/collab-socket';
import { inspectDatabase } from '../helpers/database';
import { startServerProcess } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait-for';
import { type CollabTarget, connectClient, type YjsClient } from '../helpers/yjs-client';

const COMPACT_AFTER = 20;
/** Entries typed in each document: none (loaded only), fewer than a compaction, exactly one, and more with a tail. */
const ENTRIES = [0, 7, COMPACT_AFTER, 33, 55];

const lines = (text: string) => text.split('\n').filter(Boolean);
const walOf = (dataDir: string) => path.join(dataDir, `${DATABASE_FILE}-wal`);
const sizeOf = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

/**
 * Connects a writer that resolves `asked` once the server's own sync step 1
 * reached it. The server asks once it has decoded the document; lines typed
 * before that come back in the writer's answer and are stored once more,
 * an update row the compaction counts did not expect.
 */
function connectWriter(server: CollabTarget, documentId: string): { writer: YjsClient; asked: Promise<void> } {
  const writer = connectClient(server, documentId, { connect: false });
  const asked = new Promise<void>((resolve) => {
    writer.provider.on('status', ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      // The provider asks for ArrayBuffers.
      (writer.provider.ws as unknown as WebSocket).on('message', (data: ArrayBuffer) => {
        if (decodeServerMessage(new Uint8Array(data)).type === 'sync-step1') resolve();
      });
    });
  });
  writer.provider.connect();
  return { writer, asked };
}

/** Types `count` lines, one update each, and waits for the observer to have them all. */
async function typeLines(writer: YjsClient, observer: YjsClient, label: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) writer.text.insert(writer.text.length, `${label} ${i}\n`);
  await waitFor(() => lines(observer.text.toString()).length === count, `${label}: the observer to have ${count} lines`);
}

describe('graceful shutdown', () => {
  it('on SIGTERM, folds every loaded document into its snapshot, keeps everything sent until then, and closes the database cleanly', async () => {
    // Documents stay loaded however long nobody is connected: only the shutdown writes them out.
    const server = await startServerProcess({ COMPACT_AFTER_UPDATES: String(COMPACT_AFTER), UNLOAD_GRACE_MS: '600000' });
    const documents = await Promise.all(ENTRIES.map((_, i) => server.createDocument(`Document ${i}`)));
    const writers = documents.map((id) => connectWriter(server, id));
    const pairs = documents.map((id, i) => [writers[i]!.writer, connectClient(server, id)] as const);
    await Promise.all([...pairs.flat().map((c) => c.synced()), ...writers.map((w) => w.asked)]);
    await Promise.all(pairs.map(([writer, observer], i) => typeLines(writer, observer, `doc ${i}`, ENTRIES[i]!)));

    // Un-compacted tails are in storage: below the threshold, and past it once the compaction has run.
    const before = inspectDatabase(server.dataDir);
    await waitFor(() => documents.slice(2).every((id) => before.hasSnapshot(id)), 'the compactions');
    const tails = documents.map((id) => before.updateRows(id));
    expect(tails.map((rows) => rows > 0)).toEqual([false, true, false, true, true]);
    // The server's close must be the database's last, as in production.
    before.close();

    // One more writer is mid-stream when the signal arrives.
    const busy = await server.createDocument('Busy');
    const [writer, observer] = [connectClient(server, busy), connectClient(server, busy)];
    await Promise.all([writer.synced(), observer.synced()]);
    let n = 0;
    const typing = setInterval(() => writer.text.insert(writer.text.length, `busy ${n++}\n`), 2);
    await waitFor(() => lines(observer.text.toString()).length >= 50, 'the busy observer to receive lines');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    clearInterval(typing);
    const seen = lines(observer.text.toString());

    expect(sizeOf(walOf(server.dataDir)), 'bytes left in the write-ahead log').toBe(0);
    const after = inspectDatabase(server.dataDir);
    for (const [i, id] of documents.entries()) {
      expect({ document: i, tail: after.updateRows(id), snapshot: after.hasSnapshot(id) }).toEqual({
        document: i,
        tail: 0,
        snapshot: ENTRIES[i]! > 0,
      });
      expect(after.storedDocument(id).getText('content').toString()).toBe(pairs[i]![1].text.toString());
    }
    expect(after.updateRows(busy)).toBe(0);
    const stored = new Set(lines(after.storedDocument(busy).getText('content').toString()));
    expect(seen.filter((line) => !stored.has(line)), 'lines the observer had, missing from storage').toEqual([]);
  });
});

describe('recovery after SIGKILL', () => {
  it('starts on the same data with no manual step, replaying what only the write-ahead log held', async () => {
    const first = await startServerProcess();
    const documentId = await first.createDocument();
    const writer = connectClient(first, documentId);
    const observer = connectClient(first, documentId);
    await Promise.all([writer.synced(), observer.synced()]);
    await typeLines(writer, observer, 'entry', 30);
    const text = observer.text.toString();

    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    writer.destroy();
    observer.destroy();
    expect(sizeOf(walOf(first.dataDir)), 'bytes in the write-ahead log after the kill').toBeGreaterThan(0);

    // The main file alone, as a backup copying only it would have it, lacks the entries: they are in the log.
    const mainOnly = tempDir();
    fs.copyFileSync(path.join(first.dataDir, DATABASE_FILE), path.join(mainOnly, DATABASE_FILE));
    expect(storedTextWithoutLog(path.join(mainOnly, DATABASE_FILE), documentId)).toBe('');

    const second = await startServerProcess({ DATA_DIR: first.dataDir });
    const reader = connectClient({ wsUrl: second.wsUrl, cookie: first.cookie }, documentId);
    await reader.synced();
    expect(reader.text.toString()).toBe(text);
    expect(inspectDatabase(second.dataDir).storedDocument(documentId).getText('content').toString()).toBe(text);
    expect(second.stderr(), 'errors logged by the restarted server').not.toMatch(/error/i);
  });
});

/** The document's text in a database file opened on its own, or '' when the file does not even hold the tables. */
function storedTextWithoutLog(file: string, documentId: string): string {
  const db = new SQLite(file);
  try {
    const rows = db
      .prepare('SELECT data FROM document_updates WHERE document_id = ? ORDER BY seq')
      .all(documentId) as Array<{ data: Uint8Array }>;
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, row.data);
    return doc.getText('content').toString();
  } catch (error) {
    if (/no such table/.test((error as Error).message)) return '';
    throw error;
  } finally {
    db.close();
  }
}

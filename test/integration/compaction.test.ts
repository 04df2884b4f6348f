import { describe, expect, it } from 'vitest';
import { inspectDatabase } from '../helpers/database';
import { startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { connectClient } from '../helpers/yjs-client';

describe('compaction', () => {
  it('folds updates into a snapshot past the threshold and on unload, without changing the content', async () => {
    const server = await startTestServer({ COMPACT_AFTER_UPDATES: '50', UNLOAD_GRACE_MS: '50' });
    const documentId = await server.createDocument();
    const db = inspectDatabase(server.dataDir);
    const writer = connectClient(server, documentId);
    const observer = connectClient(server, documentId);
    await Promise.all([writer.synced(), observer.synced()]);

    // One update per edit: each insert is its own transaction on the writer.
    for (let i = 0; i < 120; i++) {
      writer.text.insert(writer.text.length, `${i} `);
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    await waitFor(() => observer.text.toString() === writer.text.toString(), 'the observer to catch up');
    const before = observer.text.toString();
    await waitFor(() => db.hasSnapshot(documentId), 'a snapshot to be written');
    expect(db.updateRows(documentId)).toBeLessThan(120);

    writer.destroy();
    observer.destroy();
    await waitFor(() => db.updateRows(documentId) === 0, 'the unload to fold the tail into the snapshot');

    const reader = connectClient(server, documentId);
    await reader.synced();
    expect(reader.text.toString()).toBe(before);
  });
});

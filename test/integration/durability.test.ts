import { describe, expect, it } from 'vitest';
import { startServerProcess } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { connectClient } from '../helpers/yjs-client';

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('durability', () => {
  it('keeps every edit another client had received when the server is killed with SIGKILL', async () => {
    const first = await startServerProcess();
    const documentId = await first.createDocument();
    const writer = connectClient(first, documentId);
    const observer = connectClient(first, documentId);
    await Promise.all([writer.synced(), observer.synced()]);

    // The writer keeps typing while the server dies mid-stream.
    let n = 0;
    const typing = setInterval(() => writer.text.insert(writer.text.length, `line ${n++}\n`), 2);
    await waitFor(() => lines(observer.text.toString()).length >= 50, 'the observer to receive edits');
    first.child.kill('SIGKILL');
    // The server itself died, not a launcher in front of it.
    expect(await first.exited).toBe('SIGKILL');
    clearInterval(typing);

    // Whatever reached the observer left the server, so it must have been stored.
    const seen = lines(observer.text.toString());
    expect(seen.length).toBeGreaterThanOrEqual(50);
    // Neither client may push its copy into the restarted server: it must recover from disk alone.
    writer.destroy();
    observer.destroy();

    const second = await startServerProcess({ DATA_DIR: first.dataDir });
    const reader = connectClient({ wsUrl: second.wsUrl, cookie: first.cookie }, documentId);
    await reader.synced();
    const recovered = new Set(lines(reader.text.toString()));
    const lost = seen.filter((line) => !recovered.has(line));
    expect(lost).toEqual([]);
  });

  it('flushes every document on SIGTERM and exits cleanly', async () => {
    const server = await startServerProcess({ COMPACT_AFTER_UPDATES: '100000', UNLOAD_GRACE_MS: '60000' });
    const documentId = await server.createDocument();
    const writer = connectClient(server, documentId);
    const observer = connectClient(server, documentId);
    await Promise.all([writer.synced(), observer.synced()]);
    for (let i = 0; i < 30; i++) writer.text.insert(writer.text.length, `entry ${i}\n`);
    await waitFor(() => lines(observer.text.toString()).length === 30, 'the observer to receive all entries');

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    writer.destroy();
    observer.destroy();

    const restarted = await startServerProcess({ DATA_DIR: server.dataDir });
    const reader = connectClient({ wsUrl: restarted.wsUrl, cookie: server.cookie }, documentId);
    await reader.synced();
    expect(lines(reader.text.toString())).toEqual(Array.from({ length: 30 }, (_, i) => `entry ${i}`));
  });
});

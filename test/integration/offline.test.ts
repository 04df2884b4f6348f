import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { connectClient } from '../helpers/yjs-client';

describe('offline editing', () => {
  it('merges edits made while disconnected with edits made meanwhile by others', async () => {
    const server = await startTestServer();
    const documentId = await server.createDocument();
    const field = connectClient(server, documentId);
    const office = connectClient(server, documentId);
    await Promise.all([field.synced(), office.synced()]);
    field.text.insert(0, 'Shared intro.\n');
    await waitFor(() => office.text.toString() === 'Shared intro.\n', 'the intro to reach the office');

    field.provider.disconnect();
    field.text.insert(field.text.length, 'Written in the field, offline.\n');
    office.text.insert(0, 'Office heading\n');
    await new Promise((r) => setTimeout(r, 100));
    expect(office.text.toString()).not.toContain('offline');

    field.provider.connect();
    await waitFor(() => field.text.toString() === office.text.toString(), 'both sides to converge');
    const merged = office.text.toString();
    expect(merged).toContain('Office heading\n');
    expect(merged).toContain('Shared intro.\n');
    expect(merged).toContain('Written in the field, offline.\n');
  });

  it('merges offline edits once the server is back after a restart', async () => {
    const server = await startTestServer();
    const documentId = await server.createDocument();
    const field = connectClient(server, documentId);
    await field.synced();
    field.text.insert(0, 'before\n');
    const watcher = connectClient(server, documentId);
    await waitFor(() => watcher.text.toString() === 'before\n', 'the watcher to see the first edit');
    watcher.destroy();

    await server.server.close();
    await waitFor(() => !field.provider.wsconnected, 'the field client to notice the server is gone');
    field.text.insert(field.text.length, 'while the server was down\n');

    // Same port and data: the field client's provider reconnects by itself.
    const restarted = await startTestServer({ DATA_DIR: server.dataDir, PORT: String(server.server.port) });
    const reader = connectClient({ wsUrl: restarted.wsUrl, cookie: server.cookie }, documentId);
    await waitFor(
      () => reader.text.toString() === 'before\nwhile the server was down\n',
      'the reader to get both edits',
    );
    expect(field.text.toString()).toBe(reader.text.toString());
  });
});

import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { connectClient, type YjsClient } from '../helpers/yjs-client';

/** Each edit is one line inserted at a random line boundary, so edits never split each other. */
async function editConcurrently(clients: YjsClient[], editsEach: number): Promise<void> {
  // Rounds interleave the clients' edits so their updates cross on the wire.
  for (let round = 0; round < editsEach; round++) {
    for (const [i, c] of clients.entries()) {
      const text = c.text.toString();
      const boundaries = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
      c.text.insert(boundaries[Math.floor(Math.random() * boundaries.length)]!, `${i}:${round}\n`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

const lines = (c: YjsClient) => c.text.toString().split('\n').filter(Boolean);

function expectConverged(clients: YjsClient[], editsEach: number): void {
  const first = clients[0]!.text.toString();
  for (const c of clients) expect(c.text.toString()).toBe(first);
  const expected = clients.flatMap((_, i) => Array.from({ length: editsEach }, (_, round) => `${i}:${round}`));
  expect(lines(clients[0]!).sort()).toEqual(expected.sort());
}

describe('concurrent editing through the server', () => {
  it.each([2, 10])('%i stock y-websocket clients converge to identical content', async (count) => {
    const server = await startTestServer();
    const documentId = await server.createDocument();
    const clients = Array.from({ length: count }, () => connectClient(server, documentId));
    await Promise.all(clients.map((c) => c.synced()));

    const editsEach = 20;
    await editConcurrently(clients, editsEach);
    await waitFor(() => clients.every((c) => lines(c).length === count * editsEach), 'every client to hold every edit');
    expectConverged(clients, editsEach);

    // A newcomer loads the same content from the server alone.
    const late = connectClient(server, documentId);
    await late.synced();
    await waitFor(() => late.text.toString() === clients[0]!.text.toString(), 'the late client to load the document');
  });

  it('keeps the content after every client has left and the document was unloaded', async () => {
    const server = await startTestServer({ UNLOAD_GRACE_MS: '0' });
    const documentId = await server.createDocument();
    const writer = connectClient(server, documentId);
    await writer.synced();
    writer.text.insert(0, 'field notes from the Sahel');
    const reader = connectClient(server, documentId);
    await waitFor(() => reader.text.toString() === 'field notes from the Sahel', 'the reader to receive the text');
    writer.destroy();
    reader.destroy();
    // Let the grace period pass so the document is compacted and unloaded.
    await new Promise((r) => setTimeout(r, 200));

    const again = connectClient(server, documentId);
    await again.synced();
    await waitFor(() => again.text.toString() === 'field notes from the Sahel', 'the reloaded document to hold the text');
  });

  it('closes a connection to an unknown document with 4404', async () => {
    const server = await startTestServer();
    await server.owner();
    const client = connectClient(server, 'no-such-document');
    const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
      client.provider.once('closed', (event) => resolve(event)),
    );
    expect(closed.code).toBe(4404);
  });
});

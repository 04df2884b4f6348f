import { describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import { CloseCode, MessageType } from '../../shared/protocol';
import type { MeResponse } from '../../shared/api';
import { addMember, type TestUser } from '../helpers/accounts';
import { expectError, jsonOf } from '../helpers/http';
import { openCollabSocket } from '../helpers/collab-socket';
import { startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { connectClient } from '../helpers/yjs-client';

const queryAwareness = Uint8Array.of(MessageType.queryAwareness);

/**
 * The HTTP status of a websocket upgrade (101 once open), as if through a proxy
 * that set X-Forwarded-For when `forwardedFor` is given. The socket is closed
 * at once unless `keep`.
 */
function upgradeStatus(
  server: Awaited<ReturnType<typeof startTestServer>>,
  documentId: string,
  forwardedFor?: string,
  { keep = false } = {},
): Promise<number> {
  const headers: Record<string, string> = { cookie: server.cookie! };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  const ws = new WebSocket(`${server.wsUrl}/${documentId}`, { headers });
  onTestFinished(() => ws.terminate());
  return new Promise<number>((resolve) => {
    ws.on('unexpected-response', (_, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      resolve(101);
      if (!keep) ws.close();
    });
    ws.on('error', () => {});
  });
}

/** Two stock clients that must keep working whatever the abusive one does. */
async function bystanders(server: Awaited<ReturnType<typeof startTestServer>>, documentId: string) {
  const other = await server.signUp();
  await addMember(await server.owner(), await server.project(), other, 'editor');
  const a = connectClient({ wsUrl: server.wsUrl, cookie: other.cookie }, documentId);
  const b = connectClient({ wsUrl: server.wsUrl, cookie: other.cookie }, documentId);
  await Promise.all([a.synced(), b.synced()]);
  return {
    async stillEditing(marker: string) {
      a.text.insert(a.text.length, marker);
      await waitFor(() => b.text.toString().includes(marker), `“${marker}” to reach the other bystander`);
    },
  };
}

describe('limits that keep one client from crowding out the others', () => {
  it('closes a session’s connections past MAX_CONNECTIONS_PER_SESSION with 4429', async () => {
    const server = await startTestServer({ MAX_CONNECTIONS_PER_SESSION: '3' });
    const documentId = await server.createDocument();
    const target = { wsUrl: server.wsUrl, cookie: server.cookie };
    const allowed = [1, 2, 3].map(() => openCollabSocket(target, documentId));
    await Promise.all(allowed.map((s) => s.received('sync-step1')));
    const extra = openCollabSocket(target, documentId);
    expect((await extra.closed).code).toBe(CloseCode.rateLimited);
    expect(allowed.every((s) => !s.isClosed())).toBe(true);

    // Closing one frees a place.
    allowed[0]!.close();
    await waitFor(async () => {
      const again = openCollabSocket(target, documentId);
      await Promise.race([again.received('sync-step1'), again.closed]);
      return !again.isClosed();
    }, 'a place to free up');
  });

  it('refuses upgrades from one address past MAX_CONNECTIONS_PER_ADDRESS with HTTP 429', async () => {
    const server = await startTestServer({ MAX_CONNECTIONS_PER_ADDRESS: '2' });
    const documentId = await server.createDocument();
    const target = { wsUrl: server.wsUrl, cookie: server.cookie };
    const open = [openCollabSocket(target, documentId), openCollabSocket(target, documentId)];
    await Promise.all(open.map((s) => s.received('sync-step1')));
    expect(await upgradeStatus(server, documentId)).toBe(429);
    // Without TRUST_PROXY the header is the client's word, and changes nothing.
    expect(await upgradeStatus(server, documentId, '198.51.100.9')).toBe(429);
  });

  it('behind a trusted proxy (TRUST_PROXY), counts each forwarded client address apart', async () => {
    const server = await startTestServer({ MAX_CONNECTIONS_PER_ADDRESS: '2', TRUST_PROXY: '1' });
    const documentId = await server.createDocument();
    // Sockets that stay open until the test ends, as two people behind the proxy.
    const first = ['198.51.100.1', '198.51.100.1'].map((address) => upgradeStatus(server, documentId, address, { keep: true }));
    expect(await Promise.all(first)).toEqual([101, 101]);
    expect(await upgradeStatus(server, documentId, '198.51.100.1')).toBe(429);
    // What a client wrote before the proxy's own entry is not believed.
    expect(await upgradeStatus(server, documentId, '203.0.113.5, 198.51.100.1')).toBe(429);
    expect(await upgradeStatus(server, documentId, '198.51.100.2')).toBe(101);
  });

  it('refuses HTTP changes past WRITE_RATE_PER_SESSION with 429, changing nothing, while reads and other people go on', async () => {
    const server = await startTestServer({ WRITE_RATE_PER_SESSION: '1' });
    const [flooder, other] = [await server.signUp({ name: 'Flooder' }), await server.signUp({ name: 'Other' })];
    const rename = (person: TestUser, name: string) => person.api('PATCH', '/auth/me', { name });
    const name = async (person: TestUser) => (await jsonOf<MeResponse>(await person.api('GET', '/auth/me'))).user.name;
    // A burst of ten times the rate is let through at once.
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => rename(flooder, `Flooder ${i}`).then((r) => r.status)));
    expect(burst).toEqual(Array(10).fill(200));
    const refused = await rename(flooder, 'Eleventh');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await expectError(refused, 429, 'too_many_requests');
    expect(await name(flooder)).not.toBe('Eleventh');
    expect((await rename(other, 'Other, renamed')).status).toBe(200);
    expect(await name(other)).toBe('Other, renamed');
    // One change a second comes back.
    await waitFor(async () => (await rename(flooder, 'Later')).status === 200, 'the rate to refill');
    expect(await name(flooder)).toBe('Later');
  });

  it('closes a connection that floods messages with 4429, while others keep editing', async () => {
    const server = await startTestServer({ MESSAGE_RATE_PER_SESSION: '5' });
    const documentId = await server.createDocument();
    const { stillEditing } = await bystanders(server, documentId);
    const flooder = openCollabSocket({ wsUrl: server.wsUrl, cookie: server.cookie }, documentId);
    await flooder.received('sync-step1');
    for (let i = 0; i < 200 && !flooder.isClosed(); i++) flooder.send(queryAwareness);
    expect((await flooder.closed).code).toBe(CloseCode.rateLimited);
    await stillEditing('[after the flood]');
  });

  it('disconnects a client that stops reading once its send buffer is full, and keeps serving the others', async () => {
    // The kernel's socket buffers hold several MB on loopback before the server's fills: room for that much text.
    const server = await startTestServer({ MAX_SEND_BUFFER_BYTES: '65536', MAX_DOCUMENT_BYTES: String(64 * 1024 * 1024) });
    const documentId = await server.createDocument();
    const { stillEditing } = await bystanders(server, documentId);
    const stalled = openCollabSocket({ wsUrl: server.wsUrl, cookie: server.cookie }, documentId);
    await stalled.received('sync-step1');
    // Stop reading: the kernel buffers fill, then the server's send buffer for this client.
    (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();

    const writer = connectClient({ wsUrl: server.wsUrl, cookie: server.cookie }, documentId);
    await writer.synced();
    expect(server.server.stats().connections).toBe(4);
    const chunk = 'x'.repeat(16 * 1024);
    // The paused client cannot read the close frame, so ask the server who is still connected.
    await waitFor(
      () => {
        // About 8 MB fill the kernel's buffers first: four chunks a poll, each an update well under the
        // send buffer's limit. At the start, so that each stays an item of its own: appended, Yjs merges
        // them into one string that every replica copies whole to encode each update.
        for (let i = 0; i < 4; i++) writer.text.insert(0, chunk);
        return server.server.stats().connections === 3;
      },
      'the server to drop the stalled client',
      20_000,
    );
    await stillEditing('[still here]');
  });
});

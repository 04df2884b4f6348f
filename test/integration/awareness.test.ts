import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { MessageType } from '../../shared/protocol';
import { startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { connectClient, webSocketWithCookie } from '../helpers/yjs-client';

const names = (states: Map<number, Record<string, unknown>>) =>
  [...states.values()].map((s) => (s.user as { name?: string } | undefined)?.name).filter(Boolean).sort();

describe('presence (awareness)', () => {
  it('shows who is in the document and forgets who left', async () => {
    const server = await startTestServer();
    const documentId = await server.createDocument();
    const awa = connectClient(server, documentId);
    const carlos = connectClient(server, documentId);
    awa.provider.awareness.setLocalStateField('user', { name: 'Awa' });
    carlos.provider.awareness.setLocalStateField('user', { name: 'Carlos' });
    await waitFor(() => names(awa.provider.awareness.getStates()).length === 2, 'Awa to see Carlos');
    expect(names(carlos.provider.awareness.getStates())).toEqual(['Awa', 'Carlos']);

    // A newcomer learns the present people from the server's copy of awareness.
    const late = connectClient(server, documentId);
    await waitFor(() => names(late.provider.awareness.getStates()).length === 2, 'the newcomer to see both');

    carlos.destroy();
    await waitFor(() => names(awa.provider.awareness.getStates()).join() === 'Awa', 'Carlos to disappear for Awa');
  });

  it('keeps a person present when their old connection closes after they reconnected', async () => {
    const server = await startTestServer();
    const documentId = await server.createDocument();
    const observer = connectClient(server, documentId);
    const first = connectClient(server, documentId);
    first.provider.awareness.setLocalStateField('user', { name: 'Awa' });
    await waitFor(() => names(observer.provider.awareness.getStates()).includes('Awa'), 'Awa to appear');

    // Same document and client id over a second socket, as after a flaky reconnect; its
    // announcement is newer (a higher clock) than the one the old socket made.
    const second = new WebsocketProvider(server.wsUrl, documentId, first.doc, {
      WebSocketPolyfill: webSocketWithCookie(server.cookie),
      disableBc: true,
    });
    second.awareness.setLocalStateField('user', { name: 'Awa' });
    second.awareness.setLocalStateField('user', { name: 'Awa' });
    await waitFor(() => second.synced, 'the second connection to sync');
    await new Promise((r) => setTimeout(r, 100));

    const removals: number[] = [];
    observer.provider.awareness.on('change', ({ removed }: { removed: number[] }) => removals.push(...removed));
    // The old socket dies without a word, as a dropped mobile link does.
    first.provider.shouldConnect = false;
    (first.provider.ws as unknown as WebSocket).terminate();
    await new Promise((r) => setTimeout(r, 300));
    expect(removals).not.toContain(first.doc.clientID);
    expect(names(observer.provider.awareness.getStates())).toContain('Awa');
    second.destroy();
  });

  it('sends renewals made together in one frame, and keeps everyone present', async () => {
    const pacing = { changeIntervalMs: 50, renewalHoldMs: 1_000 };
    const server = await startTestServer({}, { awarenessPacing: pacing });
    const documentId = await server.createDocument();
    const people = ['Awa', 'Carlos', 'Mei', 'Nour', 'Ximena'].map((name) => {
      const client = connectClient(server, documentId);
      client.provider.awareness.setLocalStateField('user', { name });
      return client;
    });
    const [observer] = people;
    const { awareness } = observer!.provider;
    await waitFor(() => names(awareness.getStates()).length === people.length, 'everyone to be present');
    await new Promise((r) => setTimeout(r, 3 * pacing.changeIntervalMs));

    let frames = 0;
    // The provider asks for ArrayBuffers.
    (observer!.provider.ws as unknown as WebSocket).on('message', (data: ArrayBuffer) => {
      if (new Uint8Array(data)[0] === MessageType.awareness) frames++;
    });
    const clockOf = (id: number) => awareness.meta.get(id)?.clock ?? 0;
    const renewedAt = new Map(people.map(({ doc }) => [doc.clientID, clockOf(doc.clientID) + 1]));
    // What each stock provider does every 15 s: the same state under a higher clock.
    for (const { provider } of people) provider.awareness.setLocalState(provider.awareness.getLocalState());
    await waitFor(() => [...renewedAt].every(([id, clock]) => clockOf(id) >= clock), 'every renewal to arrive');

    expect(frames).toBe(1);
    expect(names(awareness.getStates())).toEqual(['Awa', 'Carlos', 'Mei', 'Nour', 'Ximena']);
  });
});

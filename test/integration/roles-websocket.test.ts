import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeSyncUpdate } from '../../server/collab/protocol';
import type { DocumentResponse } from '../../shared/api';
import { CloseCode, MessageType, READ_ONLY_REASON } from '../../shared/protocol';
import type { Role } from '../../shared/roles';
import { addMember, apiRequest, createProject, sessionCookieOf, type TestUser } from '../helpers/accounts';
import { awarenessFrame, closeOf, openCollabSocket, serverContent, syncUpdate } from '../helpers/collab-socket';
import { inspectDatabase } from '../helpers/database';
import { startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { connectClient, type YjsClient } from '../helpers/yjs-client';

/** A server, a project owned by `owner`, one document, and one person in each role asked for. */
async function room<R extends Role>(roles: R[]) {
  const server = await startTestServer();
  const owner = await server.signUp({ name: 'Owner' });
  const people = await Promise.all(roles.map((role) => server.signUp({ name: role })));
  const projectId = await createProject(owner);
  const members = {} as Record<R, TestUser>;
  for (const [i, role] of roles.entries()) {
    await addMember(owner, projectId, people[i]!, role);
    members[role] = people[i]!;
  }
  const created = await owner.api('POST', `/projects/${projectId}/documents`, { title: 'Field notes' });
  const documentId = ((await created.json()) as DocumentResponse).document.id;
  const as = (user: TestUser) => ({ wsUrl: server.wsUrl, cookie: user.cookie });
  return { server, owner, members, projectId, documentId, as, database: inspectDatabase(server.dataDir) };
}

/** Resolves with the code of the provider's next closed connection. */
function nextClose(client: YjsClient): Promise<number> {
  return new Promise((resolve) => {
    const onClose = (event: { code: number } | null) => {
      client.provider.off('connection-close', onClose);
      resolve(event?.code ?? -1);
    };
    client.provider.on('connection-close', onClose);
  });
}

/** Counts the permission-denied messages a stock client receives from now on. */
function countDenials(client: YjsClient): () => number {
  let denials = 0;
  // The provider asks for ArrayBuffers.
  (client.provider.ws as unknown as WebSocket).on('message', (data: ArrayBuffer) => {
    if (new Uint8Array(data)[0] === MessageType.auth) denials++;
  });
  return () => denials;
}

describe('members who may not edit', () => {
  it.each<Role>(['viewer', 'commenter'])(
    'a %s sends 100 content updates: none is applied, stored or relayed, and each is answered read-only',
    async (role) => {
      const { members, documentId, as, database, owner } = await room([role, 'editor']);
      const editor = connectClient(as(members.editor), documentId);
      await editor.synced();
      editor.text.insert(0, 'Shared draft.');
      await waitFor(async () => (await serverContent(as(owner), documentId)) === 'Shared draft.', 'the draft to be stored');
      const rowsBefore = database.updateRows(documentId);

      const reader = openCollabSocket(as(members[role]), documentId);
      await reader.received('sync-step1');
      // Told on arrival, so the page can show the document read-only.
      await reader.received('permission-denied', 1);

      const local = new Y.Doc();
      const updates: Uint8Array[] = [];
      local.on('update', (update: Uint8Array) => updates.push(update));
      for (let i = 0; i < 100; i++) local.getText('content').insert(0, `<${role} ${i}>`);
      expect(updates).toHaveLength(100);
      for (const update of updates) reader.send(encodeSyncUpdate(update));
      await reader.received('permission-denied', 101);
      expect(reader.messages.filter((m) => m.type === 'permission-denied')).toEqual(
        Array.from({ length: 101 }, () => ({ type: 'permission-denied', reason: READ_ONLY_REASON })),
      );

      // The editor types after the refusals: once that arrives, anything of the reader's would have too.
      editor.text.insert(editor.text.length, ' Next line.');
      await waitFor(() => reader.count('sync-update') >= 1, `the ${role} to receive the editor's edit`);
      await waitFor(async () => (await serverContent(as(owner), documentId)).endsWith('Next line.'), 'the edit to be stored');
      expect(await serverContent(as(owner), documentId)).toBe('Shared draft. Next line.');
      expect(editor.text.toString()).toBe('Shared draft. Next line.');
      expect(database.updateRows(documentId)).toBe(rowsBefore + 1);
      expect(reader.isClosed()).toBe(false);
    },
  );
});

describe('access withdrawn while connected', () => {
  it('closes a removed editor’s socket with 4403 at once, and nothing they type afterwards arrives', async () => {
    const { owner, members, projectId, documentId, as, database } = await room(['editor']);
    const removed = connectClient(as(members.editor), documentId);
    const watcher = connectClient(as(owner), documentId);
    await Promise.all([removed.synced(), watcher.synced()]);
    removed.text.insert(0, 'Written while a member.');
    await waitFor(() => watcher.text.toString() === 'Written while a member.', 'the watcher to see the edit');

    const closed = nextClose(removed);
    const response = await owner.api('DELETE', `/projects/${projectId}/members/${members.editor.id}`);
    expect(response.status).toBe(204);
    const removedAt = Date.now();
    expect(await closed).toBe(CloseCode.forbidden);
    // Keep-alive pings come every 30 s: a close this soon was caused by the removal.
    expect(Date.now() - removedAt).toBeLessThan(1000);

    removed.text.insert(removed.text.length, ' Typed after removal.');
    // As a reload of the page would: the new connection is refused as for a stranger.
    const refused = nextClose(removed);
    removed.provider.connect();
    expect(await refused).toBe(CloseCode.notFound);

    const rowsBefore = database.updateRows(documentId);
    watcher.text.insert(watcher.text.length, ' Owner again.');
    await waitFor(async () => (await serverContent(as(owner), documentId)).endsWith('Owner again.'), 'the owner’s edit');
    expect(await serverContent(as(owner), documentId)).toBe('Written while a member. Owner again.');
    expect(watcher.text.toString()).toBe('Written while a member. Owner again.');
    expect(database.updateRows(documentId)).toBe(rowsBefore + 1);
    expect((await members.editor.api('GET', `/documents/${documentId}`)).status).toBe(404);
  });

  it('an editor demoted to viewer while connected can no longer change the document, yet still receives others’ edits', async () => {
    const { owner, members, projectId, documentId, as, database } = await room(['editor']);
    const demoted = connectClient(as(members.editor), documentId);
    const watcher = connectClient(as(owner), documentId);
    await Promise.all([demoted.synced(), watcher.synced()]);
    const denials = countDenials(demoted);
    let disconnections = 0;
    demoted.provider.on('connection-close', () => disconnections++);

    const response = await owner.api('PATCH', `/projects/${projectId}/members/${members.editor.id}`, { role: 'viewer' });
    expect(response.status).toBe(200);
    await waitFor(() => denials() === 1, 'the demoted editor to be told the document is read-only');
    const rowsBefore = database.updateRows(documentId);

    demoted.text.insert(0, 'Typed after demotion.');
    await waitFor(() => denials() === 2, 'the edit to be refused');
    watcher.text.insert(0, 'From the owner.');
    await waitFor(() => demoted.text.toString().includes('From the owner.'), 'the demoted editor to receive the owner’s edit');
    await waitFor(
      async () => (await serverContent(as(owner), documentId)) === 'From the owner.',
      'the owner’s edit to be stored',
    );
    expect(watcher.text.toString()).toBe('From the owner.');
    expect(database.updateRows(documentId)).toBe(rowsBefore + 1);
    expect(disconnections).toBe(0);
  });
});

describe('a viewer promoted to editor while connected', () => {
  it('is told at once and can then change the document', async () => {
    const { owner, members, projectId, documentId, as } = await room(['viewer']);
    const promoted = openCollabSocket(as(members.viewer), documentId);
    await promoted.received('permission-denied');
    promoted.send(syncUpdate('[before]'));
    await promoted.received('permission-denied', 2);

    const response = await owner.api('PATCH', `/projects/${projectId}/members/${members.viewer.id}`, { role: 'editor' });
    expect(response.status).toBe(200);
    await promoted.received('permission-granted');
    promoted.send(syncUpdate('[after]'));
    await waitFor(async () => (await serverContent(as(owner), documentId)) === '[after]', 'the promoted edit to be stored');
  });
});

describe('sockets refused before any document data', () => {
  it.each([
    ['an anonymous socket', CloseCode.unauthenticated, false],
    ['a non-member’s socket', CloseCode.notFound, true],
  ] as const)('%s is closed with %i before any message', async (_, code, loggedIn) => {
    const { server, documentId, database, owner, as } = await room([]);
    const stranger = await server.signUp({ name: 'Stranger' });
    const rowsBefore = database.updateRows(documentId);
    const socket = openCollabSocket({ wsUrl: server.wsUrl, cookie: loggedIn ? stranger.cookie : undefined }, documentId);
    await socket.opened;
    // Sent before the server has decided: it must be dropped with the connection.
    socket.send(syncUpdate('[smuggled]'));
    expect((await closeOf(socket)).code).toBe(code);
    expect(socket.messages).toEqual([]);
    expect(await serverContent(as(owner), documentId)).toBe('');
    expect(database.updateRows(documentId)).toBe(rowsBefore);
  });

  it('answers an anonymous socket 4401 whether or not the document exists, so ids reveal nothing', async () => {
    const { server, documentId } = await room([]);
    for (const id of [documentId, 'no-such-document']) {
      const socket = openCollabSocket({ wsUrl: server.wsUrl, cookie: undefined }, id);
      expect((await closeOf(socket)).code).toBe(CloseCode.unauthenticated);
      expect(socket.messages).toEqual([]);
    }
  });
});

describe('ended sessions', () => {
  /** One more session of `user`, as a second browser would have. */
  async function anotherSession(baseUrl: string, user: TestUser): Promise<string> {
    return sessionCookieOf(await apiRequest(baseUrl, 'POST', '/auth/login', { email: user.email, password: user.password }));
  }

  it('logging out closes that session’s sockets with 4401, and leaves the person’s other sessions and other people connected', async () => {
    const { server, owner, members, documentId, as } = await room(['editor']);
    const person = members.editor;
    const otherSession = await anotherSession(server.url, person);
    const loggingOut = [openCollabSocket(as(person), documentId), openCollabSocket(as(person), documentId)];
    const staying = [
      openCollabSocket({ wsUrl: server.wsUrl, cookie: otherSession }, documentId),
      openCollabSocket(as(owner), documentId),
    ];
    await Promise.all([...loggingOut, ...staying].map((s) => s.received('sync-step1')));

    expect((await person.api('POST', '/auth/logout')).status).toBe(204);
    for (const socket of loggingOut) expect((await closeOf(socket)).code).toBe(CloseCode.unauthenticated);

    // Still connected: they receive an edit made afterwards.
    const writer = openCollabSocket(as(owner), documentId);
    await writer.received('sync-step1');
    writer.send(syncUpdate('[after logout]'));
    for (const socket of staying) await socket.received('sync-update');
    expect(staying.map((s) => s.isClosed())).toEqual([false, false]);

    const again = openCollabSocket(as(person), documentId);
    expect((await closeOf(again)).code).toBe(CloseCode.unauthenticated);
  });

  it('changing the password closes the person’s other sessions’ sockets with 4401 and keeps the current one', async () => {
    const { server, owner, members, documentId, as } = await room(['editor']);
    const person = members.editor;
    const others = await Promise.all([anotherSession(server.url, person), anotherSession(server.url, person)]);
    const current = openCollabSocket(as(person), documentId);
    const elsewhere = others.map((cookie) => openCollabSocket({ wsUrl: server.wsUrl, cookie }, documentId));
    await Promise.all([current, ...elsewhere].map((s) => s.received('sync-step1')));

    const changed = await person.api('POST', '/auth/password', {
      currentPassword: person.password,
      newPassword: 'a brand new passphrase',
    });
    expect(changed.status).toBe(204);
    for (const socket of elsewhere) expect((await closeOf(socket)).code).toBe(CloseCode.unauthenticated);

    const writer = openCollabSocket(as(owner), documentId);
    await writer.received('sync-step1');
    writer.send(syncUpdate('[after the change]'));
    await current.received('sync-update');
    expect(current.isClosed()).toBe(false);
    for (const cookie of others) expect((await apiRequest(server.url, 'GET', '/auth/me', undefined, cookie)).status).toBe(401);
  });
});

describe('presence', () => {
  it('closes with 4400 awareness_not_owned a socket speaking for another person’s client id, and that person stays as they were', async () => {
    const { owner, members, documentId, as } = await room(['editor', 'viewer']);
    const awa = connectClient(as(owner), documentId);
    const watcher = connectClient(as(members.viewer), documentId);
    await Promise.all([awa.synced(), watcher.synced()]);
    awa.provider.awareness.setLocalStateField('user', { name: 'Awa' });
    const nameOf = (id: number) => (watcher.provider.awareness.getStates().get(id)?.user as { name?: string } | undefined)?.name;
    await waitFor(() => nameOf(awa.doc.clientID) === 'Awa', 'the watcher to see Awa');

    const impostor = openCollabSocket(as(members.editor), documentId);
    await impostor.received('sync-step1');
    const names: Array<string | undefined> = [];
    watcher.provider.awareness.on('change', () => names.push(nameOf(awa.doc.clientID)));
    // A clock far ahead, so the state would replace Awa's if it were applied.
    impostor.send(awarenessFrame(awa.doc.clientID, { user: { name: 'Impostor' } }, 1000));
    expect(await closeOf(impostor)).toEqual({ code: CloseCode.badFrame, reason: 'awareness_not_owned' });

    // Awa's next change reaches the watcher after anything the impostor's frame could have caused.
    awa.provider.awareness.setLocalStateField('user', { name: 'Awa, still here' });
    await waitFor(() => nameOf(awa.doc.clientID) === 'Awa, still here', 'Awa’s update');
    expect(names).not.toContain('Impostor');
  });

  it('lets ten people in one document see each other without anyone being disconnected', async () => {
    const roles: Role[] = ['facilitator', 'editor', 'commenter', 'viewer'];
    const { server, owner, projectId, documentId } = await room([]);
    const people = [owner, ...(await Promise.all(Array.from({ length: 9 }, (_, i) => server.signUp({ name: `Person ${i}` }))))];
    for (const [i, person] of people.slice(1).entries()) await addMember(owner, projectId, person, roles[i % roles.length]!);
    const clients = people.map((person) => connectClient({ wsUrl: server.wsUrl, cookie: person.cookie }, documentId));
    let disconnections = 0;
    for (const client of clients) client.provider.on('connection-close', () => disconnections++);
    await Promise.all(clients.map((c) => c.synced()));

    // Stock providers send back every state they receive: those echoes must not count as speaking for others.
    const round = async (label: string) => {
      for (const [i, client] of clients.entries())
        client.provider.awareness.setLocalStateField('user', { name: `${label} ${i}` });
      const everyoneSees = (client: YjsClient) =>
        clients.every(
          (other, i) =>
            (client.provider.awareness.getStates().get(other.doc.clientID)?.user as { name?: string })?.name === `${label} ${i}`,
        );
      await waitFor(() => clients.every(everyoneSees), `everyone to see everyone (${label})`);
    };
    await round('first');
    await round('second');
    expect(disconnections).toBe(0);
    expect(clients.every((c) => c.provider.wsconnected)).toBe(true);
  });
});

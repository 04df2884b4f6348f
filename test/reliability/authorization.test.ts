import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncUpdate } from '../../server/collab/protocol';
import { hashToken } from '../../server/services/ids';
import type { DocumentResponse } from '../../shared/api';
import { CloseCode } from '../../shared/protocol';
import { ROLES, type Role } from '../../shared/roles';
import { addMember, apiRequest, createProject, sessionCookieOf, type TestUser } from '../helpers/accounts';
import { adjustableClock } from '../helpers/clock';
import { awarenessFrame, closeOf, openCollabSocket, serverContent, syncUpdate } from '../helpers/collab-socket';
import { inspectDatabase } from '../helpers/database';
import { contributionsRecorded, invite } from '../helpers/projects';
import { createWorkshop } from '../helpers/workshops';
import { startSharedTestServer, startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';

const GHOST_ID = 'doesNotExist0000';
const SECRET = '[confidential minutes]';

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

/** Bodies for the operations that take one; each would change the project if it were let through. */
const BODIES: Record<string, (actor: TestUser) => unknown> = {
  'PATCH /projects/{projectId}': () => ({ summary: 'Changed by an outsider' }),
  'PATCH /projects/{projectId}/members/{userId}': () => ({ role: 'owner' }),
  'POST /projects/{projectId}/partners': (actor) => ({ organisationId: actor.organisationId }),
  'POST /projects/{projectId}/invitations': () => ({ role: 'owner' }),
  'POST /projects/{projectId}/documents': () => ({ title: 'Planted by an outsider' }),
  'PATCH /documents/{documentId}': () => ({ title: 'Renamed by an outsider' }),
  'POST /documents/{documentId}/status': () => ({ status: 'in_review' }),
  'POST /documents/{documentId}/threads': () => ({ kind: 'comment', anchor: { start: 'AAAA', end: 'AAAA' }, quote: 'x', body: 'Planted' }),
  'POST /documents/{documentId}/threads/{threadId}/messages': () => ({ body: 'Planted' }),
  'PATCH /documents/{documentId}/threads/{threadId}/messages/{messageId}': () => ({ body: 'Changed by an outsider' }),
  'POST /documents/{documentId}/threads/{threadId}/status': () => ({ status: 'resolved' }),
  'PUT /documents/{documentId}/threads/{threadId}/anchor': () => ({ anchor: { start: 'AAAA', end: 'AAAA' } }),
  'POST /documents/{documentId}/threads/{threadId}/credit': () => ({ clientId: 1, clock: 0, length: 1 }),
  'POST /documents/{documentId}/versions': () => ({ name: 'Planted by an outsider' }),
  // The version id is made up too, as the entry id below.
  'POST /documents/{documentId}/versions/{versionId}/restore': () => undefined,
  'POST /projects/{projectId}/workshops': () => ({ title: 'Planted by an outsider', date: '2026-12-01', format: 'trial_review' }),
  // Note and cluster ids are made up as well: the workshop must be out of reach before they are looked for.
  'POST /workshops/{workshopId}/notes': () => ({ column: 'happened', text: 'Planted' }),
  'PATCH /workshops/{workshopId}/notes/{noteId}': () => ({ text: 'Changed by an outsider' }),
  'PUT /workshops/{workshopId}/notes/{noteId}/cluster': () => ({ clusterId: null }),
  'PUT /workshops/{workshopId}/votes/{noteId}': () => ({ count: 1 }),
  'POST /workshops/{workshopId}/clusters': () => ({ column: 'happened', title: 'Planted' }),
  'PATCH /workshops/{workshopId}/clusters/{clusterId}': () => ({ title: 'Renamed by an outsider' }),
  'POST /workshops/{workshopId}/facilitation': () => ({ action: 'lock', locked: true }),
  'POST /workshops/{workshopId}/synthesis': () => ({ target: { kind: 'new' } }),
  // The entry id is made up: the document must be out of reach before the entry is looked for.
  'POST /documents/{documentId}/trial-entries/{entryId}/promotion': () => undefined,
  'POST /projects/{projectId}/imports': () => ({ filename: 'planted.md', content: Buffer.from('# Planted by an outsider').toString('base64') }),
  // The export id is made up: the project must be out of reach before the export is looked for.
  'POST /projects/{projectId}/exports': () => undefined,
};

interface Other {
  server: TestServer;
  /** A member of each role of project A, who tries to reach project B. */
  members: Record<Role, TestUser>;
  /** Project B, its owner, one document with content, and one open invitation. */
  owner: TestUser;
  projectId: string;
  documentId: string;
  /** A workshop of project B. */
  workshopId: string;
  invitationId: string;
  /** Every operation on a project or a document, from the OpenAPI document. */
  operations: Array<{ method: string; path: string }>;
}

let other: Other;

beforeAll(async () => {
  const server = await startSharedTestServer();
  const ownerA = await server.signUp({ name: 'Owner of A' });
  const projectA = await createProject(ownerA, 'Project A');
  const members = { owner: ownerA } as Record<Role, TestUser>;
  for (const role of ROLES.filter((r) => r !== 'owner')) {
    members[role] = await server.signUp({ name: `${role} of A` });
    await addMember(ownerA, projectA, members[role], role);
  }

  const owner = await server.signUp({ name: 'Owner of B' });
  const projectId = await createProject(owner, 'Project B');
  // Each person of A has an organisation of their own, and every one of them is a partner in B:
  // partnership gives an organisation's people no access.
  for (const member of Object.values(members)) {
    const added = await owner.api('POST', `/projects/${projectId}/partners`, { organisationId: member.organisationId });
    expect(added.status).toBe(201);
  }
  const created = await owner.api('POST', `/projects/${projectId}/documents`, { title: 'Minutes' });
  const documentId = ((await created.json()) as DocumentResponse).document.id;
  const seeding = openCollabSocket({ wsUrl: server.wsUrl, cookie: owner.cookie }, documentId, { teardown: false });
  await seeding.received('sync-step1');
  seeding.send(syncUpdate(SECRET));
  await waitFor(async () => (await serverContent({ wsUrl: server.wsUrl, cookie: owner.cookie }, documentId)) === SECRET, 'the content');
  seeding.close();
  await contributionsRecorded(owner, documentId);
  const { invitation } = await invite(owner, projectId, { role: 'viewer' });

  const openapi = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as OpenApiDocument;
  const operations = Object.entries(openapi.paths)
    .filter(([path]) => ['{projectId}', '{documentId}', '{workshopId}'].some((param) => path.includes(param)))
    .flatMap(([path, byMethod]) => Object.keys(byMethod).map((method) => ({ method: method.toUpperCase(), path })));
  const workshopId = (await createWorkshop(owner, projectId)).id;
  other = { server, members, owner, projectId, documentId, workshopId, invitationId: invitation.id, operations };
  return () => server.server.close();
});

/** Everything B's owner sees of project B, to compare before and after the attempts. */
async function stateOfB(): Promise<unknown> {
  const { owner, projectId, documentId, server } = other;
  const paths = [
    `/projects/${projectId}`,
    `/projects/${projectId}/members`,
    `/projects/${projectId}/invitations`,
    `/projects/${projectId}/documents`,
    `/documents/${documentId}`,
  ];
  const api = await Promise.all(paths.map(async (path) => (await owner.api('GET', path)).json()));
  const content = await serverContent({ wsUrl: server.wsUrl, cookie: owner.cookie }, documentId);
  // What storage holds, whether compacted or not.
  const stored = inspectDatabase(server.dataDir).storedDocument(documentId).getText('content').toString();
  return { api, content, stored };
}

describe('another project’s documents, reached by id', () => {
  it('are tried through every operation on a project or a document', () => {
    expect(other.operations.length).toBeGreaterThanOrEqual(14);
    for (const { method, path } of other.operations.filter((o) => o.method !== 'GET' && o.method !== 'DELETE')) {
      expect(BODIES, `a body for ${method} ${path}`).toHaveProperty(`${method} ${path}`);
    }
  });

  it.each(ROLES)('by a %s of another project: every HTTP operation answers 404 exactly as for an id that does not exist, and changes nothing', async (role) => {
    const { members, projectId, documentId, workshopId, owner, invitationId, operations, server } = other;
    const actor = members[role];
    const before = await stateOfB();
    for (const { method, path } of operations) {
      const fill = (project: string, document: string, workshop: string) =>
        path.replace(/\{(\w+)\}/g, (_, name: string) =>
          ({
            projectId: project,
            documentId: document,
            workshopId: workshop,
            // Promoting oneself, removing B's owner, dropping one's own organisation as a partner.
            userId: method === 'PATCH' ? actor.id : owner.id,
            organisationId: actor.organisationId!,
            invitationId,
          })[name] ?? `missing-${name}`,
        );
      const body = BODIES[`${method} ${path}`]?.(actor);
      const real = await apiRequest(server.url, method, fill(projectId, documentId, workshopId), body, actor.cookie);
      const ghost = await apiRequest(server.url, method, fill(GHOST_ID, GHOST_ID, GHOST_ID), body, actor.cookie);
      const [realBody, ghostBody] = [await real.text(), await ghost.text()];
      expect({ operation: `${method} ${path}`, status: real.status }).toEqual({ operation: `${method} ${path}`, status: 404 });
      expect(realBody, `${method} ${path}`).toBe(ghostBody);
    }
    expect(await stateOfB()).toEqual(before);
  });

  it.each(ROLES)('by a %s of another project: the socket closes with 4404 as for an id that does not exist, before any data, keeping nothing it sent', async (role) => {
    const { members, documentId, server } = other;
    const actor = { wsUrl: server.wsUrl, cookie: members[role].cookie };
    const before = await stateOfB();
    const closes = [];
    for (const id of [documentId, GHOST_ID]) {
      const socket = openCollabSocket(actor, id);
      await socket.opened;
      // Sent at once, while the server is still deciding.
      socket.send(syncUpdate(`[planted by a ${role}]`));
      socket.send(awarenessFrame(4_000_000 + ROLES.indexOf(role), { user: { name: role } }));
      closes.push(await closeOf(socket));
      expect(socket.messages, 'messages before the close').toEqual([]);
    }
    expect(closes).toEqual([
      { code: CloseCode.notFound, reason: 'document not found' },
      { code: CloseCode.notFound, reason: 'document not found' },
    ]);
    expect(await stateOfB()).toEqual(before);
  });
});

const logIn = (server: TestServer, email: string, password: string, cookie?: string) =>
  apiRequest(server.url, 'POST', '/auth/login', { email, password }, cookie);
const whoIs = async (server: TestServer, cookie: string) => {
  const response = await apiRequest(server.url, 'GET', '/auth/me', undefined, cookie);
  return response.status === 200 ? ((await response.json()) as { user: { id: string } }).user.id : response.status;
};
/** What a socket with `cookie` gets: opened (a sync step 1 arrived) or the close code. */
async function socketAs(server: TestServer, cookie: string, documentId: string): Promise<'opened' | number> {
  const socket = openCollabSocket({ wsUrl: server.wsUrl, cookie }, documentId);
  const outcome = await Promise.race([socket.received('sync-step1').then(() => 'opened' as const), socket.closed.then((c) => c.code)]);
  socket.close();
  return outcome;
}

describe('session fixation', () => {
  it('never accepts a session value the visitor chose, and logging in with it sent issues a new one', async () => {
    const server = await startTestServer();
    const documentId = await server.createDocument();
    const victim = await server.owner();
    const chosen = `ensemble_session=${randomBytes(24).toString('base64url')}`;
    expect(await whoIs(server, chosen)).toBe(401);
    expect(await socketAs(server, chosen, documentId)).toBe(CloseCode.unauthenticated);

    const response = await logIn(server, victim.email, victim.password, chosen);
    expect(response.status).toBe(200);
    const issued = sessionCookieOf(response);
    expect(issued).not.toBe(chosen);
    expect(await whoIs(server, issued)).toBe(victim.id);
    // The chosen value did not become the victim's session.
    expect(await whoIs(server, chosen)).toBe(401);
    expect(await socketAs(server, chosen, documentId)).toBe(CloseCode.unauthenticated);

    // Nor does signing up adopt it.
    const newcomer = { name: 'New', email: 'new@example.org', password: 'a long passphrase' };
    const signedUp = await apiRequest(server.url, 'POST', '/auth/signup', newcomer, chosen);
    expect(signedUp.status).toBe(201);
    expect(sessionCookieOf(signedUp)).not.toBe(chosen);
    expect(await whoIs(server, chosen)).toBe(401);
  });

  it('issues a new session on log-in even when a valid one is sent, and the one sent stays its owner’s', async () => {
    const server = await startTestServer();
    const victim = await server.signUp({ name: 'Victim' });
    const attacker = await server.signUp({ name: 'Attacker' });
    // The attacker's own valid session, planted in the victim's browser.
    const response = await logIn(server, victim.email, victim.password, attacker.cookie);
    const issued = sessionCookieOf(response);
    expect(issued).not.toBe(attacker.cookie);
    expect(await whoIs(server, issued)).toBe(victim.id);
    expect(await whoIs(server, attacker.cookie)).toBe(attacker.id);

    // Logging in again as oneself does not extend or reuse the session sent either.
    const again = sessionCookieOf(await logIn(server, victim.email, victim.password, issued));
    expect(again).not.toBe(issued);
    expect(await whoIs(server, again)).toBe(victim.id);
  });

  it('ends a token for good on log-out, over HTTP and websocket, and the next log-in gets another', async () => {
    const server = await startTestServer();
    const documentId = await server.createDocument();
    const person = await server.owner();
    const token = sessionCookieOf(await logIn(server, person.email, person.password));
    expect(await socketAs(server, token, documentId)).toBe('opened');

    expect((await apiRequest(server.url, 'POST', '/auth/logout', undefined, token)).status).toBe(204);
    expect(await whoIs(server, token)).toBe(401);
    expect(await socketAs(server, token, documentId)).toBe(CloseCode.unauthenticated);
    expect((await apiRequest(server.url, 'POST', '/projects', { title: 'After log-out' }, token)).status).toBe(401);
    // Logging out again with it is harmless and revives nothing.
    expect((await apiRequest(server.url, 'POST', '/auth/logout', undefined, token)).status).toBe(204);
    expect(await whoIs(server, token)).toBe(401);

    const next = sessionCookieOf(await logIn(server, person.email, person.password, token));
    expect(next).not.toBe(token);
    expect(await whoIs(server, next)).toBe(person.id);
    expect(await whoIs(server, token)).toBe(401);
  });

  it('stores only a hash of each token: the stored value is no session', async () => {
    const server = await startTestServer();
    const person = await server.owner();
    const stored = inspectDatabase(server.dataDir).sessionIds();
    const token = person.cookie.slice('ensemble_session='.length);
    expect(stored).toContain(hashToken(token));
    expect(stored).not.toContain(token);
    for (const id of stored) expect(await whoIs(server, `ensemble_session=${id}`)).toBe(401);
  });
});

describe('expired sessions', () => {
  it('each session lasts SESSION_TTL_SECONDS from its own log-in; once over, every route answers 401 and sockets 4401', async () => {
    const clock = adjustableClock();
    const server = await startTestServer({ SESSION_TTL_SECONDS: '3600' }, { clock: clock.now });
    const documentId = await server.createDocument();
    const person = await server.owner();
    const first = person.cookie;
    clock.advance(3000 * 1000);
    const second = sessionCookieOf(await logIn(server, person.email, person.password));

    clock.advance(700 * 1000);
    // The first is over; the second, 700 s old, is not.
    const protectedRequests: Array<[string, string, unknown?]> = [
      ['GET', '/auth/me'],
      ['PATCH', '/auth/me', { language: 'fr' }],
      ['GET', '/projects'],
      ['POST', '/projects', { title: 'Too late' }],
      ['GET', `/documents/${documentId}`],
      ['PATCH', `/documents/${documentId}`, { title: 'Too late' }],
    ];
    for (const [method, path, body] of protectedRequests) {
      const { status } = await apiRequest(server.url, method, path, body, first);
      expect({ method, path, status }).toEqual({ method, path, status: 401 });
    }
    expect(await socketAs(server, first, documentId)).toBe(CloseCode.unauthenticated);
    expect(await whoIs(server, second)).toBe(person.id);
    expect(await socketAs(server, second, documentId)).toBe('opened');

    // Sending the expired token with a log-in does not bring it back.
    const third = sessionCookieOf(await logIn(server, person.email, person.password, first));
    expect(third).not.toBe(first);
    expect(await whoIs(server, first)).toBe(401);

    clock.advance(3000 * 1000);
    expect(await whoIs(server, second)).toBe(401);
    expect(await socketAs(server, second, documentId)).toBe(CloseCode.unauthenticated);
    expect(await whoIs(server, third)).toBe(person.id);
  });
});

describe('log-in throttling under parallel attempts', () => {
  it('lets no more than 5 wrong passwords for one account be tried, however many arrive at once', async () => {
    const server = await startTestServer();
    const person = await server.signUp();
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => logIn(server, person.email, `guess number ${i}`).then((r) => r.status)),
    );
    const tried = statuses.filter((s) => s === 401).length;
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(tried, `${tried} of 40 parallel guesses were checked`).toBeLessThanOrEqual(5);
    expect((await logIn(server, person.email, person.password)).status).toBe(429);
  });

  it('lets no more than 20 wrong passwords from one address be tried, however many arrive at once', async () => {
    const server = await startTestServer();
    const person = await server.signUp();
    const statuses = await Promise.all(
      Array.from({ length: 60 }, (_, i) => logIn(server, `unknown-${i % 12}@example.org`, 'guessing').then((r) => r.status)),
    );
    const tried = statuses.filter((s) => s === 401).length;
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(tried, `${tried} of 60 parallel guesses were checked`).toBeLessThanOrEqual(20);
    expect((await logIn(server, person.email, person.password)).status).toBe(429);
  });
});

describe('writing or appearing as someone else', () => {
  /** Two editors of one document, from different organisations. */
  async function twoEditors() {
    const server = await startTestServer();
    const documentId = await server.createDocument();
    const owner = await server.owner();
    const mallory = await server.signUp({ name: 'Mallory' });
    await addMember(owner, await server.project(), mallory, 'editor');
    return { server, documentId, owner, mallory };
  }

  it('refuses content written under another person’s Yjs client id, storing nothing', async () => {
    const { server, documentId, owner, mallory } = await twoEditors();
    const victim = openCollabSocket({ wsUrl: server.wsUrl, cookie: owner.cookie }, documentId);
    await victim.received('sync-step1');
    const victimDoc = new Y.Doc();
    victimDoc.getText('content').insert(0, 'Owner’s words.');
    victim.send(encodeSyncUpdate(Y.encodeStateAsUpdate(victimDoc)));
    const database = inspectDatabase(server.dataDir);
    await waitFor(() => database.updateRows(documentId) === 1, 'the owner’s edit to be stored');

    const forger = openCollabSocket({ wsUrl: server.wsUrl, cookie: mallory.cookie }, documentId);
    await forger.received('sync-step1');
    // Yjs changes its client id when a remote update uses it, so the forger takes the id after loading.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(victimDoc));
    forged.clientID = victimDoc.clientID;
    forged.getText('content').insert(0, 'Words put in the owner’s mouth. ');
    forger.send(encodeSyncUpdate(Y.encodeStateAsUpdate(forged, Y.encodeStateVector(victimDoc))));
    expect(await forger.closed).toEqual({ code: CloseCode.badFrame, reason: 'client_id_not_owned' });
    expect(database.updateRows(documentId)).toBe(1);
    expect(await serverContent({ wsUrl: server.wsUrl, cookie: owner.cookie }, documentId)).toBe('Owner’s words.');
  });

  it('refuses presence announced under the id of a person who has left, so nobody can take their place', async () => {
    const { server, documentId, owner, mallory } = await twoEditors();
    const victim = openCollabSocket({ wsUrl: server.wsUrl, cookie: owner.cookie }, documentId);
    await victim.received('sync-step1');
    victim.send(awarenessFrame(4242, { user: { name: 'Owner' } }));
    await new Promise((r) => setTimeout(r, 100));
    victim.send(awarenessFrame(4242, null as unknown as Record<string, unknown>, 2));
    victim.close();

    const impostor = openCollabSocket({ wsUrl: server.wsUrl, cookie: mallory.cookie }, documentId);
    await impostor.received('sync-step1');
    impostor.send(awarenessFrame(4242, { user: { name: 'Owner' } }, 1_000_000));
    expect(await impostor.closed).toEqual({ code: CloseCode.badFrame, reason: 'awareness_not_owned' });
  });
});

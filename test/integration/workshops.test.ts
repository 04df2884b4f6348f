import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ContributionMapResponse, DocumentLinksResponse, FacilitationInput, WorkshopDetailResponse } from '../../shared/api';
import { CloseCode } from '../../shared/protocol';
import { BOARD_STATE, boardRoom, readBoard } from '../../shared/workshops/board';
import { encodeSyncUpdate } from '../../server/collab/protocol';
import { addMember, type TestUser } from '../helpers/accounts';
import { closeOf, openCollabSocket } from '../helpers/collab-socket';
import { expectError } from '../helpers/http';
import { createOrganisation } from '../helpers/projects';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { createWorkshop, joinAsGuest } from '../helpers/workshops';
import { connectClient, type YjsClient } from '../helpers/yjs-client';
import { serverContent } from '../helpers/collab-socket';

type Person = Pick<TestUser, 'id' | 'cookie' | 'api'>;

async function json<T>(response: Response, status = 200): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
}

/** A live view of the board, as a participant's client receives it. */
function boardOf(server: TestServer, person: Person, workshopId: string): YjsClient {
  return connectClient({ wsUrl: server.wsUrl, cookie: person.cookie }, boardRoom(workshopId));
}

const note = async (person: Person, workshopId: string, text: string, options: { column?: string; anonymous?: boolean } = {}) =>
  (await json<{ noteId: string }>(await person.api('POST', `/workshops/${workshopId}/notes`, { column: 'happened', text, ...options }), 201)).noteId;

const facilitate = (person: Person, workshopId: string, input: FacilitationInput) => person.api('POST', `/workshops/${workshopId}/facilitation`, input);

/** A project with a facilitator (its owner), an editor and a commenter from two organisations, and a workshop in it. */
async function setting(env: Record<string, string> = {}) {
  const server = await startTestServer(env);
  const owner = await server.owner();
  const projectId = await server.project();
  const university = await createOrganisation(owner, 'Universidad de Cuenca');
  const ana = await server.signUp({ name: 'Ana', organisationId: owner.organisationId! });
  const bakary = await server.signUp({ name: 'Bakary', organisationId: university });
  await addMember(owner, projectId, ana, 'editor');
  await addMember(owner, projectId, bakary, 'commenter');
  const workshop = await createWorkshop(owner, projectId, { voteBudget: 3 });
  return { server, owner, projectId, ana, bakary, workshop };
}

describe('workshops', () => {
  it('refuses a participant’s facilitator actions, over HTTP and over the board’s socket, and changes nothing', async () => {
    const { server, owner, ana, workshop } = await setting();
    const board = boardOf(server, ana, workshop.id);
    await board.synced();
    const before = JSON.stringify(board.doc.getMap(BOARD_STATE).toJSON());
    const attempts: FacilitationInput[] = [
      { action: 'step', step: 1 },
      { action: 'timer', command: 'start' },
      { action: 'extend', minutes: 5 },
      { action: 'reveal', what: 'authors' },
      { action: 'reveal', what: 'votes' },
      { action: 'lock', locked: true },
      { action: 'end' },
    ];
    for (const attempt of attempts) await expectError(await facilitate(ana, workshop.id, attempt), 403, 'forbidden');
    await expectError(await ana.api('POST', `/workshops/${workshop.id}/synthesis`, { target: { kind: 'new' } }), 403, 'forbidden');

    // Writing the state straight into the board: the socket is read-only, the change is neither kept nor relayed.
    const socket = openCollabSocket({ wsUrl: server.wsUrl, cookie: ana.cookie }, boardRoom(workshop.id));
    await socket.received('sync-step1');
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(board.doc));
    forged.getMap(BOARD_STATE).set('locked', true);
    forged.getMap(BOARD_STATE).set('step', 3);
    socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(forged, Y.encodeStateVector(board.doc))));
    await socket.received('permission-denied', 2);

    // The facilitator's own step does arrive, so the board did listen all along.
    expect((await facilitate(owner, workshop.id, { action: 'step', step: 2 })).status).toBe(204);
    await waitFor(() => board.doc.getMap(BOARD_STATE).get('step') === 2, 'the facilitator’s step');
    const after = board.doc.getMap(BOARD_STATE).toJSON();
    expect(after).toMatchObject({ ...JSON.parse(before), step: 2, locked: false, timer: { status: 'idle', durationMs: 10 * 60_000 } });
  });

  it('runs the timer the same for everyone: start, pause, resume, extend, in the server’s clock', async () => {
    const { server, owner, bakary, workshop } = await setting();
    const board = boardOf(server, bakary, workshop.id);
    await board.synced();
    const timer = () => readBoard(board.doc).state!.timer;
    expect(timer()).toEqual({ status: 'idle', durationMs: 8 * 60_000 });
    const startedAround = Date.now();
    await facilitate(owner, workshop.id, { action: 'timer', command: 'start' });
    await waitFor(() => timer().status === 'running', 'the timer to run');
    const running = timer() as { endsAt: number };
    expect(running.endsAt).toBeGreaterThanOrEqual(startedAround + 8 * 60_000);
    expect(running.endsAt).toBeLessThan(Date.now() + 8 * 60_000 + 1000);
    await facilitate(owner, workshop.id, { action: 'timer', command: 'pause' });
    await waitFor(() => timer().status === 'paused', 'the pause');
    const paused = timer() as { remainingMs: number };
    expect(paused.remainingMs).toBeLessThanOrEqual(8 * 60_000);
    await facilitate(owner, workshop.id, { action: 'extend', minutes: 2 });
    await waitFor(() => (timer() as { remainingMs: number }).remainingMs === paused.remainingMs + 2 * 60_000, 'two more minutes');
    const detail = await json<WorkshopDetailResponse>(await bakary.api('GET', `/workshops/${workshop.id}`));
    expect(Math.abs(detail.serverTime - Date.now())).toBeLessThan(5000);
  });

  it('refuses dots beyond each person’s budget, even sent all at once, and shows no totals before the reveal', async () => {
    const { server, owner, ana, bakary, workshop } = await setting();
    const notes = await Promise.all(['Pumps broke', 'Seeds came late', 'Rains were short', 'Training helped', 'Prices fell'].map((t) => note(owner, workshop.id, t)));
    // Five single dots at once against a budget of three: exactly three pass.
    const answers = await Promise.all(notes.map((id) => bakary.api('PUT', `/workshops/${workshop.id}/votes/${id}`, { count: 1 })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 409, 409]);
    for (const refused of answers.filter((r) => r.status === 409)) await expectError(refused, 409, 'vote_budget_exceeded');
    await expectError(await ana.api('PUT', `/workshops/${workshop.id}/votes/${notes[0]}`, { count: 4 }), 409, 'vote_budget_exceeded');
    expect((await json<{ votesLeft: number }>(await ana.api('PUT', `/workshops/${workshop.id}/votes/${notes[0]}`, { count: 2 }))).votesLeft).toBe(1);
    // Taking dots back frees them.
    expect((await json<{ votesLeft: number }>(await ana.api('PUT', `/workshops/${workshop.id}/votes/${notes[0]}`, { count: 0 }))).votesLeft).toBe(3);
    expect((await json<{ votesLeft: number }>(await ana.api('PUT', `/workshops/${workshop.id}/votes/${notes[0]}`, { count: 3 }))).votesLeft).toBe(0);

    // What Bakary's client receives: no totals anywhere on the board, and only his own dots from the API.
    const board = boardOf(server, bakary, workshop.id);
    await board.synced();
    await waitFor(() => readBoard(board.doc).notes.length === 5, 'the notes');
    expect(readBoard(board.doc).notes.every((n) => n.votes === null)).toBe(true);
    const mine = await json<WorkshopDetailResponse>(await bakary.api('GET', `/workshops/${workshop.id}`));
    expect(Object.values(mine.me.votes).reduce((a, b) => a + b, 0)).toBe(3);
    expect(mine.me.votesLeft).toBe(0);
    expect(mine.me.votes[notes[0]!] ?? 0).toBeLessThanOrEqual(1);

    expect((await facilitate(owner, workshop.id, { action: 'reveal', what: 'votes' })).status).toBe(204);
    await waitFor(() => readBoard(board.doc).notes.every((n) => n.votes !== null), 'the totals');
    const totals = Object.fromEntries(readBoard(board.doc).notes.map((n) => [n.id, n.votes]));
    expect(Object.values(totals).reduce((a, b) => a! + b!, 0)).toBe(6);
    expect(totals[notes[0]!]).toBe(3 + (mine.me.votes[notes[0]!] ?? 0));
  });

  it('keeps an anonymous note’s author out of what other participants receive until the reveal', async () => {
    const { server, owner, ana, bakary, workshop } = await setting();
    const secret = await note(bakary, workshop.id, 'The budget was cut without telling the farmers', { anonymous: true });
    const signed = await note(ana, workshop.id, 'We planted late');
    const board = boardOf(server, ana, workshop.id);
    await board.synced();
    await waitFor(() => readBoard(board.doc).notes.length === 2, 'both notes');
    // Everything Ana's client holds of the board, every key and value.
    const received = JSON.stringify(board.doc.getMap('notes').toJSON());
    expect(received).not.toContain(bakary.id);
    expect(received).not.toContain('Bakary');
    expect(received).not.toContain('Universidad de Cuenca');
    expect(readBoard(board.doc).notes.find((n) => n.id === secret)).toMatchObject({ anonymous: true, author: null });
    expect(readBoard(board.doc).notes.find((n) => n.id === signed)!.author!.name).toBe('Ana');
    // Nor does the API tell her; Bakary is told the note is his.
    expect((await json<WorkshopDetailResponse>(await ana.api('GET', `/workshops/${workshop.id}`))).me.notes).toEqual([signed]);
    expect((await json<WorkshopDetailResponse>(await bakary.api('GET', `/workshops/${workshop.id}`))).me.notes).toEqual([secret]);
    // Nor the export, nor the contribution map: a signed note counts for its author, an anonymous one for nobody.
    expect(await (await ana.api('GET', `/workshops/${workshop.id}/export`)).text()).not.toContain('Bakary');
    const { contributions } = await json<ContributionMapResponse>(await ana.api('GET', `/projects/${workshop.projectId}/contributions`));
    expect(Object.fromEntries(contributions.byPerson.map((p) => [p.name, p.notes]))).toMatchObject({ Ana: 1 });
    expect(contributions.byPerson.find((p) => p.name === 'Bakary')?.notes ?? 0).toBe(0);
    expect(contributions.totals.notes).toBe(1);

    await facilitate(owner, workshop.id, { action: 'reveal', what: 'authors' });
    await waitFor(() => readBoard(board.doc).notes.find((n) => n.id === secret)!.author !== null, 'the reveal');
    expect(readBoard(board.doc).notes.find((n) => n.id === secret)!.author).toMatchObject({ name: 'Bakary', organisation: { name: 'Universidad de Cuenca' } });
    // Written after the reveal, an anonymous note shows its author at once.
    const late = await note(bakary, workshop.id, 'Another thought', { anonymous: true });
    await waitFor(() => readBoard(board.doc).notes.find((n) => n.id === late)?.author?.name === 'Bakary', 'the late note’s author');
  });

  it('takes notes and dots from sixty participants at once, losing none, and everyone’s board converges', async () => {
    const { server, owner, workshop } = await setting({ CONNECTION_RATE_PER_ADDRESS: '1000', MESSAGE_RATE_PER_ADDRESS: '100000' });
    const guests = await Promise.all(
      Array.from({ length: 59 }, (_, i) => joinAsGuest(server.url, workshop.guestCode!, { name: `Guest ${i}`, organisation: `Cooperative ${i % 7}` })),
    );
    const people: Person[] = [owner, ...guests];
    const boards = people.map((person) => boardOf(server, person, workshop.id));
    await Promise.all(boards.map((b) => b.synced()));
    const columns = ['planned', 'happened', 'why', 'differently'];
    // Each writes three notes and puts a dot on one of their neighbour's, all at once.
    const written = await Promise.all(
      people.map(async (person, i) => {
        const ids = await Promise.all([0, 1, 2].map((k) => note(person, workshop.id, `Note ${k} of person ${i}`, { column: columns[(i + k) % 4], anonymous: k === 2 })));
        return ids;
      }),
    );
    await Promise.all(
      people.map(async (person, i) => {
        const target = written[(i + 1) % people.length]![0]!;
        expect((await person.api('PUT', `/workshops/${workshop.id}/votes/${target}`, { count: 2 })).status).toBe(200);
      }),
    );
    const expected = written.flat().sort();
    await waitFor(
      () => boards.every((b) => readBoard(b.doc).notes.length === expected.length),
      'every board to hold every note',
      30_000,
    );
    for (const b of boards) expect(readBoard(b.doc).notes.map((n) => n.id).sort()).toEqual(expected);
    const first = JSON.stringify(boards[0]!.doc.toJSON());
    for (const b of boards) expect(JSON.stringify(b.doc.toJSON())).toBe(first);

    await facilitate(owner, workshop.id, { action: 'reveal', what: 'votes' });
    await waitFor(() => boards.every((b) => readBoard(b.doc).notes.every((n) => n.votes !== null)), 'the totals everywhere');
    const board = readBoard(boards[0]!.doc);
    expect(board.notes.reduce((sum, n) => sum + n.votes!, 0)).toBe(people.length * 2);
    for (const ids of written) expect(board.notes.find((n) => n.id === ids[0])!.votes).toBe(2);
  }, 120_000);

  it('gives a guest their workshop and nothing else, and ends their access with the workshop', async () => {
    const { server, owner, projectId, workshop } = await setting();
    const other = await createWorkshop(owner, projectId, { title: 'Another workshop' });
    expect((await json<{ workshop: { title: string } }>(await fetch(`${server.url}/api/v1/workshop-invitations/${workshop.guestCode!.toLowerCase()}`))).workshop.title).toBe(workshop.title);
    const guest = await joinAsGuest(server.url, workshop.guestCode!, { name: 'Mariama', organisation: 'Village committee', kind: 'local_expertise' });
    const detail = await json<WorkshopDetailResponse>(await guest.api('GET', `/workshops/${workshop.id}`));
    expect(detail.me).toMatchObject({ role: 'guest', canCluster: false, votesLeft: 3 });
    expect(detail.workshop.guestCode).toBeNull();
    const mine = await note(guest, workshop.id, 'The water point was too far');

    // Anything else: refused, or as if it did not exist.
    await expectError(await guest.api('GET', '/projects'), 403, 'forbidden');
    await expectError(await guest.api('POST', '/projects', { title: 'A project of mine' }), 403, 'forbidden');
    await expectError(await guest.api('GET', `/projects/${projectId}/workshops`), 403, 'forbidden');
    await expectError(await guest.api('GET', `/documents/${workshop.id}`), 403, 'forbidden');
    await expectError(await guest.api('GET', `/workshops/${other.id}`), 404, 'not_found');
    await expectError(await guest.api('POST', `/workshops/${workshop.id}/clusters`, { column: 'happened', title: 'Water' }), 403, 'forbidden');
    await expectError(await facilitate(guest, workshop.id, { action: 'lock', locked: true }), 403, 'forbidden');
    for (const room of [workshop.id, `${workshop.id}/discussion`, boardRoom(other.id)]) {
      const socket = openCollabSocket({ wsUrl: server.wsUrl, cookie: guest.cookie }, room);
      expect(await closeOf(socket)).toEqual({ code: CloseCode.notFound, reason: 'document not found' });
    }
    const board = boardOf(server, guest, workshop.id);
    await board.synced();
    expect(readBoard(board.doc).notes.map((n) => n.author?.organisation?.name)).toEqual(['Village committee']);

    // The facilitator ends the workshop: the guest's session ends, their socket closes, the code stops working.
    const socket = openCollabSocket({ wsUrl: server.wsUrl, cookie: guest.cookie }, boardRoom(workshop.id));
    await socket.received('sync-step1');
    expect((await facilitate(owner, workshop.id, { action: 'end' })).status).toBe(204);
    expect((await closeOf(socket)).code).toBe(CloseCode.unauthenticated);
    await expectError(await guest.api('GET', `/workshops/${workshop.id}`), 401, 'unauthenticated');
    await expectError(await fetch(`${server.url}/api/v1/workshop-invitations/${workshop.guestCode}`), 404, 'not_found');
    // The board is a record now: nobody writes on it, the facilitator cannot reopen it.
    await expectError(await owner.api('POST', `/workshops/${workshop.id}/notes`, { column: 'why', text: 'Too late' }), 409, 'workshop_locked');
    await expectError(await facilitate(owner, workshop.id, { action: 'lock', locked: false }), 409, 'workshop_locked');
    expect(await (await owner.api('GET', `/workshops/${workshop.id}/export`)).text()).toContain('The water point was too far');
    expect(mine).toBeTruthy();
  });

  it('turns the most voted clusters into a lessons-learned record linked to the workshop, or a section of a capitalisation note', async () => {
    const { server, owner, ana, bakary, projectId, workshop } = await setting();
    const pumps = await note(ana, workshop.id, 'Pumps broke in May');
    const spares = await note(bakary, workshop.id, 'No spare parts nearby');
    const late = await note(bakary, workshop.id, 'Seeds came late', { column: 'why' });
    const cluster = (await json<{ clusterId: string }>(
      await ana.api('POST', `/workshops/${workshop.id}/clusters`, { column: 'happened', title: 'Equipment', noteIds: [pumps] }),
      201,
    )).clusterId;
    expect((await ana.api('PUT', `/workshops/${workshop.id}/notes/${spares}/cluster`, { clusterId: cluster })).status).toBe(204);
    // A note cannot join a cluster of another column, and a commenter does not cluster.
    await expectError(await ana.api('PUT', `/workshops/${workshop.id}/notes/${late}/cluster`, { clusterId: cluster }), 400, 'bad_request');
    await expectError(await bakary.api('PUT', `/workshops/${workshop.id}/notes/${late}/cluster`, { clusterId: null }), 403, 'forbidden');
    await ana.api('PUT', `/workshops/${workshop.id}/votes/${pumps}`, { count: 2 });
    await bakary.api('PUT', `/workshops/${workshop.id}/votes/${spares}`, { count: 3 });
    await owner.api('PUT', `/workshops/${workshop.id}/votes/${late}`, { count: 1 });

    const { document } = await json<{ document: { id: string; kind: string; title: string } }>(
      await owner.api('POST', `/workshops/${workshop.id}/synthesis`, { target: { kind: 'new' }, top: 2 }),
      201,
    );
    expect(document.kind).toBe('lessons');
    const text = await serverContent({ wsUrl: server.wsUrl, cookie: owner.cookie }, document.id);
    const doc = new Y.Doc();
    expect(text).toBeDefined();
    const reader = connectClient({ wsUrl: server.wsUrl, cookie: owner.cookie }, document.id);
    await reader.synced();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(reader.doc));
    const written = doc.getXmlFragment('default').toString();
    expect(written).toContain('Equipment · What happened — 5 votes');
    expect(written).toContain('No spare parts nearby (3 votes)');
    expect(written).toContain('Pumps broke in May (2 votes)');
    expect(written).toContain('Seeds came late (1 vote)');
    expect(written.indexOf('Equipment')).toBeLessThan(written.indexOf('Seeds came late'));
    const links = await json<DocumentLinksResponse>(await owner.api('GET', `/documents/${workshop.id}/links`));
    expect(links.backlinks.map((d) => d.id)).toContain(document.id);

    // Into an existing capitalisation note, under its lessons.
    const created = await json<{ document: { id: string } }>(
      await owner.api('POST', `/projects/${projectId}/documents`, { title: 'Irrigation note', kind: 'capitalisation' }),
      201,
    );
    await json(await owner.api('POST', `/workshops/${workshop.id}/synthesis`, { target: { kind: 'section', documentId: created.document.id }, top: 1 }), 201);
    const note2 = connectClient({ wsUrl: server.wsUrl, cookie: owner.cookie }, created.document.id);
    await note2.synced();
    const sections = note2.doc.getXmlFragment('default').toArray().map(String);
    const lessonsAt = sections.findIndex((s) => s.includes('section="lessons"'));
    const equipmentAt = sections.findIndex((s) => s.includes('Equipment'));
    expect(lessonsAt).toBeGreaterThanOrEqual(0);
    expect(equipmentAt).toBeGreaterThan(lessonsAt);
    expect(sections.findIndex((s) => s.includes('section="recommendations"'))).toBeGreaterThan(equipmentAt);
  });
});

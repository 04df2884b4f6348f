import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AcceptInvitationResponse,
  CreatedInvitationResponse,
  DocumentDetailResponse,
  DocumentListResponse,
  DocumentResponse,
  InvitationListResponse,
  InvitationPreview,
  MemberListResponse,
  MeResponse,
  Organisation,
  Project,
  ProjectListResponse,
  ProjectResponse,
} from '../../shared/api';
import { CloseCode } from '../../shared/protocol';
import { canAssignRole, type Role, ROLES } from '../../shared/roles';
import { SqliteDocumentStore } from '../../server/storage/sqlite-document-store';
import { openSqliteDatabase } from '../../server/storage/sqlite';
import { addMember, apiRequest, asUser, createProject, sessionCookieOf, type TestUser } from '../helpers/accounts';
import { adjustableClock, DAY_MS } from '../helpers/clock';
import { closeOf, insertion, openCollabSocket, serverContent } from '../helpers/collab-socket';
import { insertTestDocument } from '../helpers/database';
import { expectError, jsonOf } from '../helpers/http';
import { createOrganisation, invite } from '../helpers/projects';
import { startSharedTestServer, startTestServer, type TestServer } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';

const getProject = async (user: TestUser, projectId: string) =>
  (await jsonOf<ProjectResponse>(await user.api('GET', `/projects/${projectId}`))).project;

const roleIn = async (user: TestUser, projectId: string): Promise<Role | null> => {
  const response = await user.api('GET', `/projects/${projectId}`);
  return response.status === 404 ? null : (await jsonOf<ProjectResponse>(response)).project.myRole;
};

/** Someone who signed up without naming an organisation. */
async function personWithoutOrganisation(server: TestServer, name: string): Promise<TestUser> {
  const password = 'no organisation yet';
  const response = await apiRequest(server.url, 'POST', '/auth/signup', {
    name,
    email: `${name.toLowerCase()}@example.org`,
    password,
  });
  const { user } = await jsonOf<MeResponse>(response, 201);
  expect(user.organisation).toBeNull();
  return asUser(server.url, user, password, sessionCookieOf(response));
}

const partnerIds = (project: Project) => project.partners.map((p) => p.id).sort();

/**
 * One server for the file, with people signed up once (password hashing is
 * most of the cost). Each test works in projects of its own, so none sees
 * another's; the clock only ever moves forward, by a day at most.
 */
const clock = adjustableClock();
let server: Awaited<ReturnType<typeof startSharedTestServer>>;
let people: Record<'olu' | 'eda' | 'femi', TestUser>;

beforeAll(async () => {
  server = await startSharedTestServer({}, { clock: clock.now });
  const [olu, eda, femi] = await Promise.all(['Olu', 'Eda', 'Femi'].map((name) => server.signUp({ name })));
  people = { olu: olu!, eda: eda!, femi: femi! };
  return () => server.server.close();
});

describe('projects', () => {
  it('creates a project owned by its creator, with their organisation as first partner', async () => {
    const owner = people.olu;
    const response = await owner.api('POST', '/projects', {
      title: '  Agroecology in the Sahel ',
      programme: ' Sahel resilience programme ',
      summary: 'Shared field notes.',
      countries: ['sn', 'ML'],
      themes: ['soil', 'water'],
      startsOn: '2026-01-15',
      endsOn: '2027-06-30',
      status: 'planned',
    });
    const { project } = await jsonOf<ProjectResponse>(response, 201);
    expect(project).toMatchObject({
      title: 'Agroecology in the Sahel',
      programme: 'Sahel resilience programme',
      summary: 'Shared field notes.',
      countries: ['SN', 'ML'],
      themes: ['soil', 'water'],
      startsOn: '2026-01-15',
      endsOn: '2027-06-30',
      status: 'planned',
      myRole: 'owner',
    });
    expect(partnerIds(project)).toEqual([owner.organisationId]);
    expect(await getProject(owner, project.id)).toEqual(project);
    const members = (await jsonOf<MemberListResponse>(await owner.api('GET', `/projects/${project.id}/members`))).members;
    expect(members.map((m) => [m.userId, m.role])).toEqual([[owner.id, 'owner']]);
  });

  it.each([
    ['no title', {}],
    ['an empty title', { title: '  ' }],
    ['an unknown status', { title: 'T', status: 'paused' }],
    ['a date that is not YYYY-MM-DD', { title: 'T', startsOn: '15/01/2026' }],
    ['a country of three letters', { title: 'T', countries: ['SEN'] }],
    ['an unknown field', { title: 'T', ownerId: 'someone' }],
  ])('refuses a project with %s (400 validation_failed) and creates nothing', async (_, body) => {
    const owner = people.olu;
    const projects = async () => (await jsonOf<ProjectListResponse>(await owner.api('GET', '/projects'))).projects;
    const before = await projects();
    await expectError(await owner.api('POST', '/projects', body), 400, 'validation_failed');
    expect(await projects()).toEqual(before);
  });

  it('lists only the projects I am a member of, each with my role', async () => {
    const [amina, bruno, chen] = await Promise.all([server.signUp(), server.signUp(), server.signUp()]);
    const mine = await createProject(amina, 'Amina’s project');
    const theirs = await createProject(bruno, 'Bruno’s project');
    await createProject(bruno, 'Bruno’s other project');
    await addMember(bruno, theirs, amina, 'commenter');
    const list = async (user: TestUser) =>
      (await jsonOf<ProjectListResponse>(await user.api('GET', '/projects'))).projects.map((p) => [p.id, p.myRole]).sort();
    expect(await list(amina)).toEqual(
      [
        [mine, 'owner'],
        [theirs, 'commenter'],
      ].sort(),
    );
    expect((await list(bruno)).map(([, role]) => role)).toEqual(['owner', 'owner']);
    expect(await list(chen)).toEqual([]);
  });

  it('answers 404 for another organisation’s project and document, over HTTP and websocket, as for ids that do not exist', async () => {
    const [insider, outsider] = [people.olu, people.eda];
    const projectId = await createProject(insider);
    const created = await insider.api('POST', `/projects/${projectId}/documents`, { title: 'Private notes' });
    const documentId = (await jsonOf<DocumentResponse>(created, 201)).document.id;

    const bodyOf = async (path: string) => {
      const response = await outsider.api('GET', path);
      expect(response.status).toBe(404);
      return response.json();
    };
    expect(await bodyOf(`/projects/${projectId}`)).toEqual(await bodyOf('/projects/doesNotExist0000'));
    expect(await bodyOf(`/projects/${projectId}/members`)).toEqual(await bodyOf('/projects/doesNotExist0000/members'));
    expect(await bodyOf(`/documents/${documentId}`)).toEqual(await bodyOf('/documents/doesNotExist0000'));

    const socket = openCollabSocket({ wsUrl: server.wsUrl, cookie: outsider.cookie }, documentId);
    expect(await closeOf(socket)).toEqual({ code: CloseCode.notFound, reason: 'document not found' });
    expect(socket.messages).toEqual([]);
  });

  it('lets a facilitator update a project, and refuses invalid changes without applying any of them', async () => {
    const [owner, facilitator] = [people.olu, people.eda];
    const projectId = await createProject(owner, 'Before');
    await addMember(owner, projectId, facilitator, 'facilitator');
    const response = await facilitator.api('PATCH', `/projects/${projectId}`, {
      title: 'After',
      programme: 'Andes soils',
      status: 'closed',
      endsOn: null,
    });
    const { project } = await jsonOf<ProjectResponse>(response);
    expect(project).toMatchObject({ title: 'After', programme: 'Andes soils', status: 'closed', endsOn: null, myRole: 'facilitator' });
    expect(Date.parse(project.updatedAt)).toBeGreaterThanOrEqual(Date.parse(project.createdAt));

    for (const body of [{ status: 'paused' }, { title: '' }, { title: 'Half', startsOn: 'soon' }, { id: 'other' }, { programme: 'p'.repeat(121) }]) {
      await expectError(await facilitator.api('PATCH', `/projects/${projectId}`, body), 400, 'validation_failed');
    }
    expect(await getProject(facilitator, projectId)).toEqual(project);
  });
});

describe('partners', () => {
  it('adds and removes partner organisations; adding twice keeps one; an unknown organisation is 404', async () => {
    const owner = people.olu;
    const projectId = await createProject(owner);
    const organisationId = await createOrganisation(owner, 'Ministry of Agriculture');

    const added = await owner.api('POST', `/projects/${projectId}/partners`, { organisationId });
    expect((await jsonOf<{ organisation: Organisation }>(added, 201)).organisation).toMatchObject({
      id: organisationId,
      name: 'Ministry of Agriculture',
    });
    expect((await owner.api('POST', `/projects/${projectId}/partners`, { organisationId })).status).toBe(201);
    expect(partnerIds(await getProject(owner, projectId))).toEqual([owner.organisationId, organisationId].sort());

    await expectError(
      await owner.api('POST', `/projects/${projectId}/partners`, { organisationId: 'noSuchOrg000000' }),
      404,
      'not_found',
    );
    expect((await owner.api('DELETE', `/projects/${projectId}/partners/${organisationId}`)).status).toBe(204);
    expect(partnerIds(await getProject(owner, projectId))).toEqual([owner.organisationId]);
  });
});

describe('members', () => {
  it('lists members with their role and organisation; emails only to those who manage members, and one’s own', async () => {
    const [owner, editor] = [people.olu, people.eda];
    const projectId = await createProject(owner);
    await addMember(owner, projectId, editor, 'editor');
    const seenBy = async (reader: TestUser) => {
      const { members } = await jsonOf<MemberListResponse>(await reader.api('GET', `/projects/${projectId}/members`));
      return members.map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role, organisation: m.organisation?.id }));
    };
    expect(await seenBy(editor)).toEqual([
      { userId: owner.id, name: 'Olu', email: null, role: 'owner', organisation: owner.organisationId },
      { userId: editor.id, name: 'Eda', email: editor.email, role: 'editor', organisation: editor.organisationId },
    ]);
    expect((await seenBy(owner)).map((m) => m.email)).toEqual([owner.email, editor.email]);
  });

  /**
   * Every change of a member's role, from each role to each role or out of the
   * project, tried by an owner and by a facilitator: allowed exactly when
   * `canAssignRole` says so, and a refused change leaves the role as it was.
   */
  it.each<Role>(['owner', 'facilitator'])('a %s may change a member’s role exactly as canAssignRole says', async (actorRole) => {
    const [owner, facilitator, target] = [people.olu, people.eda, people.femi];
    const projectId = await createProject(owner);
    await addMember(owner, projectId, facilitator, 'facilitator');
    const actor = actorRole === 'owner' ? owner : facilitator;
    const cases = ROLES.flatMap((from) => [...ROLES, null].map((to) => [from, to] as const));

    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const [from, to] of cases) {
      if ((await roleIn(target, projectId)) === null) await addMember(owner, projectId, target, 'viewer');
      expect((await owner.api('PATCH', `/projects/${projectId}/members/${target.id}`, { role: from })).status).toBe(200);
      const response =
        to === null
          ? await actor.api('DELETE', `/projects/${projectId}/members/${target.id}`)
          : await actor.api('PATCH', `/projects/${projectId}/members/${target.id}`, { role: to });
      const allowed = canAssignRole(actorRole, from, to);
      outcomes.push(
        `${from} → ${to ?? 'removed'}: ${response.status}, now ${(await roleIn(target, projectId)) ?? 'not a member'}`,
      );
      expected.push(
        `${from} → ${to ?? 'removed'}: ${allowed ? (to ? 200 : 204) : 403}, now ${(allowed ? to : from) ?? 'not a member'}`,
      );
    }
    expect(outcomes).toEqual(expected);
    // The facilitator can neither promote to owner nor touch an owner: spelled out, as the table is easy to misread.
    if (actorRole === 'facilitator') {
      expect(expected).toContain('editor → owner: 403, now editor');
      expect(expected).toContain('owner → viewer: 403, now owner');
      expect(expected).toContain('owner → removed: 403, now owner');
    }
  });

  it('answers 200 with the updated member, and 404 for someone who is not a member', async () => {
    const [owner, editor, stranger] = [people.olu, people.eda, people.femi];
    const projectId = await createProject(owner);
    await addMember(owner, projectId, editor, 'editor');
    const response = await owner.api('PATCH', `/projects/${projectId}/members/${editor.id}`, { role: 'commenter' });
    expect(await response.json()).toMatchObject({ member: { userId: editor.id, role: 'commenter' } });
    await expectError(
      await owner.api('PATCH', `/projects/${projectId}/members/${stranger.id}`, { role: 'viewer' }),
      404,
      'not_found',
    );
    await expectError(await owner.api('DELETE', `/projects/${projectId}/members/${stranger.id}`), 404, 'not_found');
    expect(await roleIn(stranger, projectId)).toBeNull();
  });

  it('keeps at least one owner: the last one can neither step down nor leave (409 last_owner)', async () => {
    const [first, second] = [people.olu, people.eda];
    const projectId = await createProject(first);
    await expectError(
      await first.api('PATCH', `/projects/${projectId}/members/${first.id}`, { role: 'facilitator' }),
      409,
      'last_owner',
    );
    await expectError(await first.api('DELETE', `/projects/${projectId}/members/${first.id}`), 409, 'last_owner');
    expect(await roleIn(first, projectId)).toBe('owner');

    // With a second owner, the first may leave; then the second is the last one.
    await addMember(first, projectId, second, 'owner');
    expect((await first.api('DELETE', `/projects/${projectId}/members/${first.id}`)).status).toBe(204);
    expect(await roleIn(first, projectId)).toBeNull();
    await expectError(
      await second.api('PATCH', `/projects/${projectId}/members/${second.id}`, { role: 'editor' }),
      409,
      'last_owner',
    );
    expect(await roleIn(second, projectId)).toBe('owner');
  });
});

describe('invitations', () => {
  it('returns the token once, with the path /join/<token>; the list never shows it', async () => {
    const owner = people.olu;
    const projectId = await createProject(owner);
    const before = clock.now();
    const response = await owner.api('POST', `/projects/${projectId}/invitations`, { role: 'editor', expiresInDays: 3 });
    const created = await jsonOf<CreatedInvitationResponse>(response, 201);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(created.path).toBe(`/join/${created.token}`);
    expect(created.invitation).toMatchObject({
      projectId,
      role: 'editor',
      status: 'pending',
      createdBy: 'Olu',
      organisation: null,
    });
    const expiresAt = Date.parse(created.invitation.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 3 * DAY_MS);
    expect(expiresAt).toBeLessThanOrEqual(clock.now() + 3 * DAY_MS);

    const listed = await owner.api('GET', `/projects/${projectId}/invitations`);
    const text = await listed.text();
    expect(text).not.toContain(created.token);
    expect((JSON.parse(text) as InvitationListResponse).invitations).toEqual([created.invitation]);
  });

  it('shows what a link offers to anyone holding it, logged in or not', async () => {
    const owner = people.olu;
    const projectId = await createProject(owner, 'Seed banks');
    const organisationId = await createOrganisation(owner, 'Women farmers’ union');
    const { token, invitation } = await invite(owner, projectId, { role: 'commenter', organisationId });
    const preview = await jsonOf<{ invitation: InvitationPreview }>(await apiRequest(server.url, 'GET', `/invitations/${token}`));
    expect(preview.invitation).toEqual({
      projectTitle: 'Seed banks',
      role: 'commenter',
      organisation: invitation.organisation,
      invitedBy: 'Olu',
      expiresAt: invitation.expiresAt,
      status: 'pending',
    });
    expect(invitation.organisation).toMatchObject({ id: organisationId });
    await expectError(await apiRequest(server.url, 'GET', `/invitations/${'x'.repeat(32)}`), 404, 'not_found');
    await expectError(await apiRequest(server.url, 'GET', '/invitations/short'), 400, 'validation_failed');
  });

  it('joins with the invitation’s role; the invited organisation becomes a partner and the newcomer’s own', async () => {
    const owner = people.olu;
    const projectId = await createProject(owner);
    const organisationId = await createOrganisation(owner, 'Cooperative Sud');
    const { token } = await invite(owner, projectId, { role: 'commenter', organisationId });
    const newcomer = await personWithoutOrganisation(server, 'Newcomer');

    const accepted = await jsonOf<AcceptInvitationResponse>(await newcomer.api('POST', `/invitations/${token}/accept`));
    expect(accepted).toEqual({ projectId });
    expect(await roleIn(newcomer, projectId)).toBe('commenter');
    expect(partnerIds(await getProject(owner, projectId))).toEqual([owner.organisationId, organisationId].sort());
    expect((await jsonOf<MeResponse>(await newcomer.api('GET', '/auth/me'))).user.organisation?.id).toBe(organisationId);
  });

  it('makes the invited organisation a partner when someone from another organisation accepts', async () => {
    const [owner, guest] = [people.olu, people.eda];
    const projectId = await createProject(owner);
    const organisationId = await createOrganisation(owner, 'Research Institute');
    const { token } = await invite(owner, projectId, { role: 'viewer', organisationId });
    expect((await guest.api('POST', `/invitations/${token}/accept`)).status).toBe(200);
    expect(partnerIds(await getProject(owner, projectId))).toEqual(
      [owner.organisationId, organisationId, guest.organisationId].sort(),
    );
    // The guest keeps their own organisation, which takes part too.
    expect((await jsonOf<MeResponse>(await guest.api('GET', '/auth/me'))).user.organisation?.id).toBe(guest.organisationId);
  });

  it('makes the newcomer’s organisation a partner when the invitation names none', async () => {
    const [owner, guest] = [people.olu, people.eda];
    const projectId = await createProject(owner);
    const { token } = await invite(owner, projectId, { role: 'editor' });
    expect((await guest.api('POST', `/invitations/${token}/accept`)).status).toBe(200);
    expect(partnerIds(await getProject(owner, projectId))).toEqual([owner.organisationId, guest.organisationId].sort());
  });

  it('keeps a member’s higher role when they accept an invitation for a lower one', async () => {
    const [owner, editor] = [people.olu, people.eda];
    const projectId = await createProject(owner);
    await addMember(owner, projectId, editor, 'editor');
    const { token } = await invite(owner, projectId, { role: 'viewer' });
    expect((await editor.api('POST', `/invitations/${token}/accept`)).status).toBe(200);
    expect(await roleIn(editor, projectId)).toBe('editor');
  });

  it('expires after expiresInDays (410 invitation_expired), and an unexpired one still works', async () => {
    const [owner, late, onTime] = [people.olu, people.eda, people.femi];
    const projectId = await createProject(owner);
    const short = await invite(owner, projectId, { role: 'editor', expiresInDays: 1 });
    const long = await invite(owner, projectId, { role: 'editor', expiresInDays: 2 });

    clock.advance(DAY_MS + 1000);
    const preview = await jsonOf<{ invitation: InvitationPreview }>(
      await apiRequest(server.url, 'GET', `/invitations/${short.token}`),
    );
    expect(preview.invitation.status).toBe('expired');
    await expectError(await late.api('POST', `/invitations/${short.token}/accept`), 410, 'invitation_expired');
    expect(await roleIn(late, projectId)).toBeNull();
    expect((await onTime.api('POST', `/invitations/${long.token}/accept`)).status).toBe(200);
    expect(await roleIn(onTime, projectId)).toBe('editor');
  });

  it('can be revoked (410 invitation_revoked), and revoking shows in the list', async () => {
    const [owner, guest] = [people.olu, people.eda];
    const projectId = await createProject(owner);
    const { token, invitation } = await invite(owner, projectId, { role: 'editor' });
    expect((await owner.api('DELETE', `/projects/${projectId}/invitations/${invitation.id}`)).status).toBe(204);

    const preview = await jsonOf<{ invitation: InvitationPreview }>(await apiRequest(server.url, 'GET', `/invitations/${token}`));
    expect(preview.invitation.status).toBe('revoked');
    await expectError(await guest.api('POST', `/invitations/${token}/accept`), 410, 'invitation_revoked');
    expect(await roleIn(guest, projectId)).toBeNull();
    const { invitations } = await jsonOf<InvitationListResponse>(await owner.api('GET', `/projects/${projectId}/invitations`));
    expect(invitations.map((i) => [i.id, i.status])).toEqual([[invitation.id, 'revoked']]);
    await expectError(await owner.api('DELETE', `/projects/${projectId}/invitations/noSuchInvite000`), 404, 'not_found');
  });

  it('is used once: a second person gets 410 invitation_used, the first may accept again harmlessly', async () => {
    const [owner, first, second] = [people.olu, people.eda, people.femi];
    const projectId = await createProject(owner);
    const { token } = await invite(owner, projectId, { role: 'editor' });
    expect((await first.api('POST', `/invitations/${token}/accept`)).status).toBe(200);
    expect(await jsonOf<AcceptInvitationResponse>(await first.api('POST', `/invitations/${token}/accept`))).toEqual({
      projectId,
    });
    await expectError(await second.api('POST', `/invitations/${token}/accept`), 410, 'invitation_used');
    expect(await roleIn(second, projectId)).toBeNull();
    const preview = await jsonOf<{ invitation: InvitationPreview }>(await apiRequest(server.url, 'GET', `/invitations/${token}`));
    expect(preview.invitation.status).toBe('accepted');
  });

  it.each<Role>(['owner', 'facilitator'])('lets a %s invite exactly the roles canAssignRole allows', async (actorRole) => {
    const [owner, facilitator] = [people.olu, people.eda];
    const projectId = await createProject(owner);
    await addMember(owner, projectId, facilitator, 'facilitator');
    const actor = actorRole === 'owner' ? owner : facilitator;
    const listed = async () =>
      (await jsonOf<InvitationListResponse>(await owner.api('GET', `/projects/${projectId}/invitations`))).invitations;
    const earlier = new Set((await listed()).map((i) => i.id));
    const outcomes = [];
    for (const role of ROLES) {
      const response = await actor.api('POST', `/projects/${projectId}/invitations`, { role });
      outcomes.push(`${role}: ${response.status}`);
    }
    expect(outcomes).toEqual(ROLES.map((role) => `${role}: ${canAssignRole(actorRole, null, role) ? 201 : 403}`));
    if (actorRole === 'facilitator') expect(outcomes).toContain('owner: 403');
    const created = (await listed()).filter((i) => !earlier.has(i.id));
    expect(created.map((i) => i.role).sort()).toEqual(ROLES.filter((role) => canAssignRole(actorRole, null, role)).sort());
  });
});

describe('documents in a project', () => {
  it('are created by editors, listed latest first, and shown with the reader’s role', async () => {
    const [owner, editor, viewer] = [people.olu, people.eda, people.femi];
    const projectId = await createProject(owner, 'Water points');
    await addMember(owner, projectId, editor, 'editor');
    await addMember(owner, projectId, viewer, 'viewer');

    const first = (
      await jsonOf<DocumentResponse>(await editor.api('POST', `/projects/${projectId}/documents`, { title: ' Survey ' }), 201)
    ).document;
    expect(first).toMatchObject({ projectId, title: 'Survey' });
    await new Promise((r) => setTimeout(r, 5));
    const second = (await jsonOf<DocumentResponse>(await editor.api('POST', `/projects/${projectId}/documents`, {}), 201))
      .document;
    expect(second.title).toBe('');
    const listed = (await jsonOf<DocumentListResponse>(await viewer.api('GET', `/projects/${projectId}/documents`))).documents;
    expect(listed.map((d) => d.id)).toEqual([second.id, first.id]);

    for (const [person, role] of [
      [owner, 'owner'],
      [editor, 'editor'],
      [viewer, 'viewer'],
    ] as const) {
      const { document } = await jsonOf<DocumentDetailResponse>(await person.api('GET', `/documents/${first.id}`));
      expect(document).toEqual({ ...first, projectTitle: 'Water points', myRole: role });
    }

    await new Promise((r) => setTimeout(r, 5));
    const renamed = (
      await jsonOf<DocumentResponse>(await editor.api('PATCH', `/documents/${first.id}`, { title: 'Survey, final' }))
    ).document;
    expect(renamed).toMatchObject({ id: first.id, title: 'Survey, final', createdAt: first.createdAt });
    expect(Date.parse(renamed.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
    const after = (await jsonOf<DocumentListResponse>(await viewer.api('GET', `/projects/${projectId}/documents`))).documents;
    expect(after.map((d) => d.id)).toEqual([first.id, second.id]);
  });
});

describe('documents from before accounts', () => {
  it('are gathered into an “Earlier documents” project owned by the first administrator, content intact', async () => {
    const dataDir = tempDir();
    const db = await openSqliteDatabase({ dataDir, synchronous: 'NORMAL' });
    const store = new SqliteDocumentStore(db);
    const notes = await insertTestDocument(db, 'Old notes');
    const minutes = await insertTestDocument(db, 'Old minutes');
    await store.append(notes.id, insertion('Written before accounts existed.'));
    await store.flush();
    await db.destroy();

    const server = await startTestServer({ DATA_DIR: dataDir });
    const admin = await server.signUp({ name: 'Admin' });
    expect((await jsonOf<MeResponse>(await admin.api('GET', '/auth/me'))).user.isAdmin).toBe(true);
    const { projects } = await jsonOf<ProjectListResponse>(await admin.api('GET', '/projects'));
    expect(projects.map((p) => [p.title, p.myRole])).toEqual([['Earlier documents', 'owner']]);
    const documents = (await jsonOf<DocumentListResponse>(await admin.api('GET', `/projects/${projects[0]!.id}/documents`)))
      .documents;
    expect(documents.map((d) => d.title).sort()).toEqual(['Old minutes', 'Old notes']);
    expect(await serverContent({ wsUrl: server.wsUrl, cookie: admin.cookie }, notes.id)).toBe('Written before accounts existed.');

    const later = await server.signUp();
    expect((await jsonOf<ProjectListResponse>(await later.api('GET', '/projects'))).projects).toEqual([]);
    await expectError(await later.api('GET', `/documents/${minutes.id}`), 404, 'not_found');
  });
});

import { spawn } from 'node:child_process';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import * as Y from 'yjs';
import type {
  ContributionMapResponse,
  DemoResponse,
  DocumentListResponse,
  DocumentSummary,
  InstanceStatusResponse,
  MeResponse,
  MemberListResponse,
  WorkshopDetailResponse,
  OrganisationListResponse,
  ProjectListResponse,
} from '../../shared/api';
import { KNOWLEDGE_KINDS, TEMPLATE_SECTIONS, YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { boardRoom, readBoard } from '../../shared/workshops/board';
import { listTrialEntries } from '../../shared/knowledge/trial-log';
import { LANGUAGES, ROLES, STAKEHOLDER_KINDS } from '../../shared/roles';
import * as accountsRepository from '../../server/storage/accounts-repository';
import { DATABASE_FILE, openSqliteDatabase } from '../../server/storage/sqlite';
import { SqliteDocumentStore } from '../../server/storage/sqlite-document-store';
import { apiRequest, sessionCookieOf, signUp, type TestUser } from '../helpers/accounts';
import { insertTestDocument } from '../helpers/database';
import { expectError, jsonOf } from '../helpers/http';
import { startSharedTestServer, startTestServer } from '../helpers/server';
import { tempDir } from '../helpers/temp-dir';
import { connectClient } from '../helpers/yjs-client';

const ROOT = path.resolve(import.meta.dirname, '../..');

let server: Awaited<ReturnType<typeof startSharedTestServer>>;
let statusBefore: InstanceStatusResponse;
let demo: DemoResponse;
/** The session the demo request started: its owner's. */
let ownerCookie: string;
let documents: DocumentSummary[];
let workshops: DocumentSummary[];

const asOwner = (method: string, path: string) => apiRequest(server.url, method, path, undefined, ownerCookie);

beforeAll(async () => {
  server = await startSharedTestServer();
  statusBefore = await jsonOf<InstanceStatusResponse>(await apiRequest(server.url, 'GET', '/instance'));
  // As the first-run page asks: in the language the newcomer reads, which the owner's account then keeps.
  const response = await apiRequest(server.url, 'POST', '/instance/demo', { language: 'es' });
  demo = await jsonOf<DemoResponse>(response, 201);
  ownerCookie = sessionCookieOf(response);
  const all: DocumentSummary[] = [];
  for (const projectId of demo.projectIds) {
    all.push(...(await jsonOf<DocumentListResponse>(await asOwner('GET', `/projects/${projectId}/documents`))).documents);
  }
  documents = all.filter((d) => d.kind !== 'workshop');
  workshops = all.filter((d) => d.kind === 'workshop');
  return () => server.server.close();
});

/** The text of a paragraph or heading. */
function textOf(node: unknown): string {
  if (node instanceof Y.XmlText) return node.toString();
  return node instanceof Y.XmlElement ? node.toArray().map(textOf).join('') : '';
}

/** A document's content as the owner's editor would receive it. */
async function openAsOwner(documentId: string): Promise<Y.Doc> {
  const client = connectClient({ wsUrl: server.wsUrl, cookie: ownerCookie }, documentId);
  await client.synced();
  return client.doc;
}

describe('the sample programme, offered on an empty instance', () => {
  it('is offered while nobody has an account, and logs the caller in as its owner, the administrator', async () => {
    expect(statusBefore).toEqual({ empty: true });
    expect(await jsonOf<InstanceStatusResponse>(await apiRequest(server.url, 'GET', '/instance'))).toEqual({ empty: false });
    const { user } = await jsonOf<MeResponse>(await asOwner('GET', '/auth/me'));
    const owner = demo.logins.find((login) => login.role === 'owner');
    expect(owner?.language).toBe('es');
    expect(user).toMatchObject({ email: owner?.email, language: 'es', isAdmin: true });
    expect(demo.projectIds.length).toBeGreaterThanOrEqual(1);
  });

  it('has a partner of every kind of stakeholder, each in a colour of its own', async () => {
    const { organisations } = await jsonOf<OrganisationListResponse>(await apiRequest(server.url, 'GET', '/organisations'));
    expect(new Set(organisations.map((o) => o.kind))).toEqual(new Set(STAKEHOLDER_KINDS));
    expect(new Set(organisations.map((o) => o.color)).size).toBe(organisations.length);
    for (const organisation of organisations) expect(organisation.country).toMatch(/^[A-Z]{2}$/);
  });

  it('has someone in every role, each with a name, an email, a language and an organisation', async () => {
    expect(new Set(demo.logins.map((login) => login.role))).toEqual(new Set(ROLES));
    expect(new Set(demo.logins.map((login) => login.email)).size).toBe(demo.logins.length);
    for (const login of demo.logins) {
      expect(login.name.length).toBeGreaterThan(0);
      expect(login.email).toMatch(/^[a-z.]+@demo\.ensemble\.example$/);
      expect(LANGUAGES).toContain(login.language);
    }
    expect(demo.passwords.owner.length).toBeGreaterThanOrEqual(10);
    expect(demo.passwords.others.length).toBeGreaterThanOrEqual(10);
    const { members } = await jsonOf<MemberListResponse>(await asOwner('GET', `/projects/${demo.projectIds[0]}/members`));
    expect(new Set(members.map((m) => m.role))).toEqual(new Set(ROLES));
  });

  it('has one document of each kind, in every language, labelled and with the organisations that wrote it', () => {
    expect(documents.map((d) => d.kind).sort()).toEqual([...KNOWLEDGE_KINDS].sort());
    expect(new Set(documents.map((d) => d.language))).toEqual(new Set(LANGUAGES));
    for (const document of documents) {
      expect(document.title.length).toBeGreaterThan(0);
      expect(document.themes.length).toBeGreaterThan(0);
      expect(document.contributors.length).toBeGreaterThan(0);
    }
    const statuses = new Set(documents.map((d) => d.status));
    for (const status of ['in_review', 'validated', 'published'] as const) expect(statuses).toContain(status);
    for (const document of documents.filter((d) => d.status !== 'draft')) expect(document.statusChange?.byName).toBeTruthy();
  });

  it('writes in every section of every template, which stays whole', async () => {
    for (const document of documents) {
      const nodes = (await openAsOwner(document.id)).getXmlFragment(YDOC_CONTENT).toArray();
      const headings = nodes.flatMap((node, index) =>
        node instanceof Y.XmlElement && node.getAttribute('section') ? [{ section: node.getAttribute('section'), index }] : [],
      );
      expect(headings.map((h) => h.section), document.title).toEqual(TEMPLATE_SECTIONS[document.kind]);
      for (const { section, index } of headings) expect(textOf(nodes[index + 1]), `${document.kind}: ${section}`).not.toBe('');
      expect(nodes.map(textOf).join('').length, document.title).toBeGreaterThan(100);
    }
  });

  it('credits what is written in each document to the people who wrote it, so authorship and contribution maps show them', async () => {
    for (const document of documents) {
      const { contributions } = await jsonOf<ContributionMapResponse>(await asOwner('GET', `/documents/${document.id}/contributions`));
      expect(contributions.totals.characters, document.title).toBeGreaterThan(100);
      expect(contributions.byOrganisation.map((o) => o.organisation?.id).sort(), document.title).toEqual(
        document.contributors.map((o) => o.id).sort(),
      );
    }
  });

  it('has a workshop midway: notes in every column from several organisations, clusters, dots placed but not yet revealed', async () => {
    expect(workshops).toHaveLength(1);
    const board = readBoard(await openAsOwner(boardRoom(workshops[0]!.id)));
    expect(new Set(board.notes.map((n) => n.column))).toEqual(new Set(board.state!.columns));
    expect(new Set(board.notes.flatMap((n) => (n.author?.organisation ? [n.author.organisation.name] : []))).size).toBeGreaterThanOrEqual(4);
    expect(board.notes.filter((n) => n.anonymous).every((n) => n.author === null)).toBe(true);
    expect(board.clusters.length).toBeGreaterThanOrEqual(2);
    expect(board.notes.every((n) => n.votes === null)).toBe(true);
    expect(board.state!.steps[board.state!.step]!.method).toBe('dot_voting');
    const detail = await jsonOf<WorkshopDetailResponse>(await asOwner('GET', `/workshops/${workshops[0]!.id}`));
    expect(detail.me.role).toBe('facilitator');
  });

  it('keeps a trial-and-error log with dated entries of at least three different outcomes', async () => {
    const log = documents.find((d) => d.kind === 'trial_log')!;
    const entries = listTrialEntries(await openAsOwner(log.id));
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(new Set(entries.map((e) => e.outcome).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(entries.map((e) => e.date)).size).toBe(entries.length);
    for (const entry of entries) expect(entry.tried).not.toBe('');
  });

  it('gives the owner, the administrator, a password of their own, which the other accounts’ does not open', async () => {
    const owner = demo.logins.find((login) => login.role === 'owner')!;
    expect(demo.passwords.owner).not.toBe(demo.passwords.others);
    const response = await apiRequest(server.url, 'POST', '/auth/login', { email: owner.email, password: demo.passwords.owner });
    expect((await jsonOf<MeResponse>(response)).user).toMatchObject({ email: owner.email, isAdmin: true });
    const withOthers = await apiRequest(server.url, 'POST', '/auth/login', { email: owner.email, password: demo.passwords.others });
    await expectError(withOthers, 401, 'invalid_credentials');
  });

  it('lets every printed log-in log in and see the project in their role', async () => {
    for (const login of demo.logins) {
      const password = login.role === 'owner' ? demo.passwords.owner : demo.passwords.others;
      const response = await apiRequest(server.url, 'POST', '/auth/login', { email: login.email, password });
      const { user } = await jsonOf<MeResponse>(response);
      expect(user).toMatchObject({
        name: login.name,
        language: login.language,
        organisation: { id: login.organisation.id },
        isAdmin: login.role === 'owner',
      });
      const cookie = sessionCookieOf(response);
      const { projects } = await jsonOf<ProjectListResponse>(await apiRequest(server.url, 'GET', '/projects', undefined, cookie));
      expect(projects.find((p) => p.id === demo.projectIds[0]), login.email).toMatchObject({ myRole: login.role });
    }
  });

  it('is refused once the instance has accounts, and changes nothing', async () => {
    const stateOf = async () => ({
      organisations: await (await apiRequest(server.url, 'GET', '/organisations')).json(),
      projects: await (await asOwner('GET', '/projects')).json(),
      documents: await Promise.all(demo.projectIds.map(async (id) => (await asOwner('GET', `/projects/${id}/documents`)).json())),
      members: await Promise.all(demo.projectIds.map(async (id) => (await asOwner('GET', `/projects/${id}/members`)).json())),
    });
    const before = await stateOf();
    const response = await apiRequest(server.url, 'POST', '/instance/demo');
    expect(response.headers.get('set-cookie')).toBeNull();
    await expectError(response, 409, 'instance_not_empty');
    expect(await stateOf()).toEqual(before);
  });
});

/** What a server's database holds, read straight from its file. */
function storedState(dataDir: string) {
  const db = new SQLite(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      users: db.prepare('SELECT email, is_admin AS isAdmin FROM users ORDER BY email').all() as Array<{ email: string; isAdmin: number }>,
      organisations: count('organisations'),
      projects: count('projects'),
      documents: db.prepare('SELECT id, project_id AS projectId FROM documents').all() as Array<{ id: string; projectId: string | null }>,
      updates: count('document_updates'),
      invitations: count('invitations'),
      sessions: count('sessions'),
    };
  } finally {
    db.close();
  }
}

const postDemo = (url: string) => apiRequest(url, 'POST', '/instance/demo', { language: 'en' });

describe('the sample programme, when something comes between', () => {
  it('makes one programme of two requests at once: one made, one refused, one administrator', async () => {
    const started = await startTestServer();
    const responses = await Promise.all([postDemo(started.url), postDemo(started.url)]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = responses.find((r) => r.status === 409)!;
    expect(refused.headers.get('set-cookie')).toBeNull();
    await expectError(refused, 409, 'instance_not_empty');
    const made = await jsonOf<DemoResponse>(responses.find((r) => r.status === 201)!, 201);
    const stored = storedState(started.dataDir);
    const owner = made.logins.find((login) => login.role === 'owner')!;
    expect(stored.users.filter((u) => u.isAdmin === 1).map((u) => u.email)).toEqual([owner.email]);
    expect(stored.users).toHaveLength(made.logins.length);
    expect(stored.projects).toBe(made.projectIds.length);
  });

  it('races a real sign-up without making two administrators, and leaves nothing behind if it loses', async () => {
    const started = await startTestServer();
    const [response, person] = await Promise.all([postDemo(started.url), signUp(started.url, { name: 'Someone real' })]);
    const stored = storedState(started.dataDir);
    expect(stored.users.filter((u) => u.isAdmin === 1)).toHaveLength(1);
    if (response.status === 201) {
      const { logins } = await jsonOf<DemoResponse>(response, 201);
      expect(stored.users.find((u) => u.isAdmin === 1)?.email).toBe(logins.find((login) => login.role === 'owner')!.email);
    } else {
      await expectError(response, 409, 'instance_not_empty');
      expect(stored).toMatchObject({ users: [{ email: person.email, isAdmin: 1 }], organisations: 1, projects: 0 });
    }
  });

  it('refuses, leaving only the real account, when a sign-up lands between its check and its owner', async () => {
    const started = await startTestServer();
    const countUsers = accountsRepository.countUsers;
    let person: TestUser | undefined;
    // The check answers "empty", and only then does someone sign up for real.
    const check = vi.spyOn(accountsRepository, 'countUsers').mockImplementationOnce(async (db) => {
      const count = await countUsers(db);
      person = await signUp(started.url, { name: 'Someone real' });
      return count;
    });
    onTestFinished(() => check.mockRestore());
    const response = await postDemo(started.url);
    expect(check).toHaveBeenCalled();
    expect(response.headers.get('set-cookie')).toBeNull();
    await expectError(response, 409, 'instance_not_empty');
    expect(storedState(started.dataDir)).toEqual({
      users: [{ email: person!.email, isAdmin: 1 }],
      organisations: 1,
      projects: 0,
      documents: [],
      updates: 0,
      invitations: 0,
      sessions: 1,
    });
    const { user } = await jsonOf<MeResponse>(await person!.api('GET', '/auth/me'));
    expect(user.isAdmin).toBe(true);
  });

  it('removes its owner when the owner’s sign-up fails after the account was stored', async () => {
    const started = await startTestServer();
    const session = vi.spyOn(accountsRepository, 'insertSession').mockRejectedValueOnce(new Error('disk full'));
    onTestFinished(() => session.mockRestore());
    await expectError(await postDemo(started.url), 500, 'internal_error');
    expect(session).toHaveBeenCalledOnce();
    expect(storedState(started.dataDir)).toMatchObject({ users: [], organisations: 0, projects: 0 });
    await jsonOf<DemoResponse>(await postDemo(started.url), 201);
  });

  it('undoes everything it made when it fails partway, so the instance is empty again and a retry succeeds', async () => {
    // Documents from before accounts: the owner's sign-up gathers them, and the undoing must hand them back.
    const dataDir = tempDir();
    const earlierDb = await openSqliteDatabase({ dataDir, synchronous: 'NORMAL' });
    const earlier = await insertTestDocument(earlierDb, 'Notes from before accounts');
    await earlierDb.destroy();
    const started = await startTestServer({ DATA_DIR: dataDir });

    const append = SqliteDocumentStore.prototype.append;
    let appends = 0;
    // The third sample document cannot be stored: people, partners, projects and two documents exist by then.
    const failing = vi.spyOn(SqliteDocumentStore.prototype, 'append').mockImplementation(function (this: SqliteDocumentStore, ...args) {
      appends += 1;
      return appends === 3 ? Promise.reject(new Error('disk full')) : append.apply(this, args);
    });
    onTestFinished(() => failing.mockRestore());
    const failed = await postDemo(started.url);
    failing.mockRestore();
    expect(appends).toBe(3);
    expect(failed.headers.get('set-cookie')).toBeNull();
    await expectError(failed, 500, 'internal_error');

    expect(await jsonOf<InstanceStatusResponse>(await apiRequest(started.url, 'GET', '/instance'))).toEqual({ empty: true });
    expect(storedState(dataDir)).toEqual({
      users: [],
      organisations: 0,
      projects: 0,
      documents: [{ id: earlier.id, projectId: null }],
      updates: 0,
      invitations: 0,
      sessions: 0,
    });

    const retried = await postDemo(started.url);
    const made = await jsonOf<DemoResponse>(retried, 201);
    const cookie = sessionCookieOf(retried);
    const { projects } = await jsonOf<ProjectListResponse>(await apiRequest(started.url, 'GET', '/projects', undefined, cookie));
    const gathered = projects.find((p) => !made.projectIds.includes(p.id))!;
    const { documents: inGathered } = await jsonOf<DocumentListResponse>(
      await apiRequest(started.url, 'GET', `/projects/${gathered.id}/documents`, undefined, cookie),
    );
    expect(inGathered.map((d) => d.id)).toEqual([earlier.id]);
    const stored = storedState(dataDir);
    expect(stored.users.filter((u) => u.isAdmin === 1)).toHaveLength(1);
    expect(stored.users).toHaveLength(made.logins.length);
  });
});

/** `npm run demo`, as its own process on `dataDir`. */
function runDemoScript(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '8899', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run demo', () => {
  it('fills an empty data folder and prints the log-ins, then refuses to run again', async () => {
    const dataDir = tempDir();
    const first = await runDemoScript(dataDir);
    expect(first, first.stderr).toMatchObject({ code: 0 });
    const ownerPassword = /Password of .+, the owner, who administers the instance: (\S+)/.exec(first.stdout)?.[1];
    const othersPassword = /Password of every other account: (\S+)/.exec(first.stdout)?.[1];
    expect(ownerPassword).toBeDefined();
    expect(othersPassword).toBeDefined();
    expect(ownerPassword).not.toBe(othersPassword);
    const emails = [...first.stdout.matchAll(/\S+@demo\.ensemble\.example/g)].map((match) => match[0]);
    expect(emails.length).toBeGreaterThanOrEqual(ROLES.length);
    for (const role of ROLES) expect(first.stdout).toContain(role);
    expect(first.stdout).toContain('npm start');
    expect(first.stdout).toContain('http://localhost:8899');

    const second = await runDemoScript(dataDir);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/already has accounts/);

    const started = await startTestServer({ DATA_DIR: dataDir });
    const emailOf = (role: string) => new RegExp(`\\s${role}\\s.*?(\\S+@demo\\.ensemble\\.example)`).exec(first.stdout)?.[1];
    const [owner, other] = [emailOf('owner'), emailOf('viewer')];
    for (const [email, password, isAdmin] of [
      [owner, ownerPassword, true],
      [other, othersPassword, false],
    ] as const) {
      const response = await apiRequest(started.url, 'POST', '/auth/login', { email, password });
      expect((await jsonOf<MeResponse>(response)).user).toMatchObject({ email, isAdmin });
      const { projects } = await jsonOf<ProjectListResponse>(
        await apiRequest(started.url, 'GET', '/projects', undefined, sessionCookieOf(response)),
      );
      expect(projects.length).toBeGreaterThanOrEqual(1);
    }
    const withOthers = await apiRequest(started.url, 'POST', '/auth/login', { email: owner, password: othersPassword });
    await expectError(withOthers, 401, 'invalid_credentials');
  });
});

import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type {
  DemoResponse,
  DocumentListResponse,
  DocumentSummary,
  InstanceStatusResponse,
  MeResponse,
  MemberListResponse,
  OrganisationListResponse,
  ProjectListResponse,
} from '../../shared/api';
import { DOCUMENT_KINDS, TEMPLATE_SECTIONS, YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { listTrialEntries } from '../../shared/knowledge/trial-log';
import { LANGUAGES, ROLES, STAKEHOLDER_KINDS } from '../../shared/roles';
import { apiRequest, sessionCookieOf } from '../helpers/accounts';
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

const asOwner = (method: string, path: string) => apiRequest(server.url, method, path, undefined, ownerCookie);

beforeAll(async () => {
  server = await startSharedTestServer();
  statusBefore = await jsonOf<InstanceStatusResponse>(await apiRequest(server.url, 'GET', '/instance'));
  // As the first-run page asks: in the language the newcomer reads, which the owner's account then keeps.
  const response = await apiRequest(server.url, 'POST', '/instance/demo', { language: 'es' });
  demo = await jsonOf<DemoResponse>(response, 201);
  ownerCookie = sessionCookieOf(response);
  documents = [];
  for (const projectId of demo.projectIds) {
    documents.push(...(await jsonOf<DocumentListResponse>(await asOwner('GET', `/projects/${projectId}/documents`))).documents);
  }
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
    expect(demo.password.length).toBeGreaterThanOrEqual(10);
    const { members } = await jsonOf<MemberListResponse>(await asOwner('GET', `/projects/${demo.projectIds[0]}/members`));
    expect(new Set(members.map((m) => m.role))).toEqual(new Set(ROLES));
  });

  it('has one document of each kind, in every language, labelled and with the organisations that wrote it', () => {
    expect(documents.map((d) => d.kind).sort()).toEqual([...DOCUMENT_KINDS].sort());
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

  it('keeps a trial-and-error log with dated entries of at least three different outcomes', async () => {
    const log = documents.find((d) => d.kind === 'trial_log')!;
    const entries = listTrialEntries(await openAsOwner(log.id));
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(new Set(entries.map((e) => e.outcome).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(entries.map((e) => e.date)).size).toBe(entries.length);
    for (const entry of entries) expect(entry.tried).not.toBe('');
  });

  it('lets every printed log-in log in and see the project in their role', async () => {
    for (const login of demo.logins) {
      const response = await apiRequest(server.url, 'POST', '/auth/login', { email: login.email, password: demo.password });
      const { user } = await jsonOf<MeResponse>(response);
      expect(user).toMatchObject({ name: login.name, language: login.language, organisation: { id: login.organisation.id } });
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
    const password = /Password for every account: (\S+)/.exec(first.stdout)?.[1];
    expect(password).toBeDefined();
    const emails = [...first.stdout.matchAll(/\S+@demo\.ensemble\.example/g)].map((match) => match[0]);
    expect(emails.length).toBeGreaterThanOrEqual(ROLES.length);
    for (const role of ROLES) expect(first.stdout).toContain(role);
    expect(first.stdout).toContain('npm start');
    expect(first.stdout).toContain('http://localhost:8899');

    const second = await runDemoScript(dataDir);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/already has accounts/);

    const started = await startTestServer({ DATA_DIR: dataDir });
    const response = await apiRequest(started.url, 'POST', '/auth/login', { email: emails[0], password });
    const { projects } = await jsonOf<ProjectListResponse>(
      await apiRequest(started.url, 'GET', '/projects', undefined, sessionCookieOf(response)),
    );
    expect(projects.length).toBeGreaterThanOrEqual(1);
  });
});

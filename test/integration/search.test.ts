import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchResponse } from '../../shared/api';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { addTrialEntry, trialEntries } from '../../shared/knowledge/trial-log';
import { DATABASE_FILE } from '../../server/storage/sqlite';
import { addMember, createProject, type TestUser } from '../helpers/accounts';
import { expectError } from '../helpers/http';
import { postgresForFile } from '../helpers/postgres';
import { createOrganisation } from '../helpers/projects';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { createWorkshop } from '../helpers/workshops';
import { connectClient } from '../helpers/yjs-client';

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

async function createDocument(user: TestUser, projectId: string, input: Record<string, unknown>): Promise<string> {
  const response = await user.api('POST', `/projects/${projectId}/documents`, input);
  expect(response.status).toBe(201);
  return ((await response.json()) as { document: { id: string } }).document.id;
}

/** Writes paragraphs at the end of a document, as an editor would, and waits for the server to have them. */
async function write(server: TestServer, user: TestUser, documentId: string, ...texts: string[]) {
  const client = connectClient({ wsUrl: server.wsUrl, cookie: user.cookie }, documentId);
  await client.synced();
  const fragment = client.doc.getXmlFragment(YDOC_CONTENT);
  fragment.insert(fragment.length, texts.map(paragraph));
  await waitFor(() => client.provider.synced && client.provider.wsconnected, 'the text to be sent');
  return client;
}

async function find(user: TestUser, query: Record<string, string>): Promise<SearchResponse> {
  const response = await user.api('GET', `/search?${new URLSearchParams(query)}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as SearchResponse;
}

const highlighted = (snippet: string) => [...snippet.matchAll(new RegExp(`${HIGHLIGHT_START}(.*?)${HIGHLIGHT_END}`, 'g'))].map((m) => m[1]);

const postgres = postgresForFile();

/** Each engine's search: FTS5 on SQLite, tsvector on PostgreSQL; the same answers from both. */
const engines = [
  { engine: 'SQLite', env: async (): Promise<Record<string, string>> => ({}) },
  { engine: 'PostgreSQL', env: async (): Promise<Record<string, string>> => ({ DATABASE_URL: await postgres().createDatabase() }) },
];

describe.each(engines)('search on $engine', ({ env }) => {
  it('finds French and Spanish words without their accents, as prefixes, only in one’s own projects', async () => {
    const server = await startTestServer(await env());
    const owner = await server.owner();
    const projectId = await server.project();
    const french = await createDocument(owner, projectId, { title: 'Évaluation finale', kind: 'capitalisation', language: 'fr' });
    const spanish = await createDocument(owner, projectId, { title: 'Experiencias', kind: 'free', language: 'es' });
    const writers = [
      await write(server, owner, french, 'La capitalisation des expériences paysannes a été évaluée en décembre.'),
      await write(server, owner, spanish, 'La capitalización de experiencias en Cajamarca.'),
    ];
    // Someone else's project says the same things: it must never show.
    const stranger = await server.signUp({ name: 'Stranger' });
    const theirs = await createDocument(stranger, await createProject(stranger, 'Elsewhere'), { title: 'Évaluation ailleurs', language: 'fr' });
    writers.push(await write(server, stranger, theirs, 'Capitalización y evaluación de otro proyecto.'));

    await waitFor(async () => (await find(owner, { q: 'capitalizacion' })).results.length > 0, 'the Spanish text to be indexed');
    const spanishHits = await find(owner, { q: 'capitalizacion' });
    expect(spanishHits.results.map((r) => r.documentId)).toEqual([spanish]);
    expect(highlighted(spanishHits.results[0]!.snippet)).toEqual(['capitalización']);
    expect(spanishHits.results[0]).toMatchObject({ kind: 'document', documentKind: 'free', language: 'es', projectTitle: expect.any(String) });

    await waitFor(async () => (await find(owner, { q: 'evaluation' })).results.length > 0, 'the French title');
    expect((await find(owner, { q: 'evaluation' })).results.map((r) => r.documentId)).toEqual([french]);
    expect((await find(owner, { q: 'Évaluation' })).results.map((r) => r.documentId)).toEqual([french]);
    // As one types: a prefix matches, and every word must.
    expect((await find(owner, { q: 'capital' })).results.map((r) => r.documentId).sort()).toEqual([french, spanish].sort());
    expect((await find(owner, { q: 'capital cajam' })).results.map((r) => r.documentId)).toEqual([spanish]);
    expect((await find(owner, { q: 'experiences paysannes' })).results.map((r) => r.documentId)).toEqual([french]);
    // The stranger finds only theirs.
    await waitFor(async () => (await find(stranger, { q: 'capitalizacion' })).results.length > 0, 'the stranger’s text');
    expect((await find(stranger, { q: 'capital' })).results.map((r) => r.documentId)).toEqual([theirs]);

    // Filters narrow: kind, language, project, dates.
    expect((await find(owner, { q: 'capital', kind: 'capitalisation' })).results.map((r) => r.documentId)).toEqual([french]);
    expect((await find(owner, { q: 'capital', language: 'es' })).results.map((r) => r.documentId)).toEqual([spanish]);
    expect((await find(owner, { q: 'capital', projectId: 'not-mine' })).results).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await find(owner, { q: 'capital', from: today })).results).toHaveLength(2);
    expect((await find(owner, { q: 'capital', to: '2020-01-01' })).results).toEqual([]);

    // What a person types is never read as search syntax.
    for (const q of ['"', 'NEAR(a b', 'a OR', '*', '---', 'title:x']) expect((await find(owner, { q })).results).toBeDefined();
    await expectError(await owner.api('GET', '/search?q='), 400, 'validation_failed');
    await expectError(await server.signUp().then((u) => u.api('GET', '/search?q=x&limit=500')), 400, 'validation_failed');
    expect((await fetch(`${server.url}/api/v1/search?q=capital`)).status).toBe(401);
    for (const w of writers) w.destroy();
  });

  it('finds an edit within two seconds, and what lives inside documents: trial entries, annotations, workshop notes', async () => {
    const server = await startTestServer(await env());
    const owner = await server.owner();
    const projectId = await server.project();
    const documentId = await createDocument(owner, projectId, { title: 'Field notes', tags: undefined });
    const client = await write(server, owner, documentId, 'The first rains came late.');
    await waitFor(async () => (await find(owner, { q: 'rains' })).results.length === 1, 'the first text');

    const typedAt = Date.now();
    client.doc.getXmlFragment(YDOC_CONTENT).insert(1, [paragraph('Farmers replanted sorghum.')]);
    await waitFor(async () => (await find(owner, { q: 'sorghum' })).results.length === 1, 'the edit to be found', 2000);
    expect(Date.now() - typedAt).toBeLessThan(2000);

    // A trial entry, found as one.
    const log = await createDocument(owner, projectId, { title: 'Trials', kind: 'trial_log' });
    const logClient = connectClient({ wsUrl: server.wsUrl, cookie: owner.cookie }, log);
    await logClient.synced();
    const entryId = addTrialEntry(logClient.doc);
    (trialEntries(logClient.doc).get(entryId) as Y.Map<Y.Text>).get('tried')!.insert(0, 'Zaï pits on degraded plots');
    await waitFor(async () => (await find(owner, { q: 'zai pits' })).results.some((r) => r.kind === 'trial_entry'), 'the trial entry');
    expect((await find(owner, { q: 'zai' })).results.find((r) => r.kind === 'trial_entry')).toMatchObject({ documentId: log, itemId: entryId });

    // An annotation's words.
    const anchorDoc = client.doc;
    const text = (anchorDoc.getXmlFragment(YDOC_CONTENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const at = (index: number, assoc: number) =>
      Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc))).toString('base64');
    const thread = await owner.api('POST', `/documents/${documentId}/threads`, {
      kind: 'question', anchor: { start: at(4, 0), end: at(9, -1) }, quote: 'first', body: 'Which month exactly? Ask the cooperative of Kaolack.',
    });
    expect(thread.status).toBe(201);
    await waitFor(async () => (await find(owner, { q: 'kaolack' })).results.some((r) => r.kind === 'annotation'), 'the annotation');

    // A workshop note, anonymous: found, its author nowhere in the result.
    const workshop = await createWorkshop(owner, projectId);
    const noted = await owner.api('POST', `/workshops/${workshop.id}/notes`, { column: 'why', text: 'Seed distribution happened after sowing time', anonymous: true });
    expect(noted.status).toBe(201);
    await waitFor(async () => (await find(owner, { q: 'sowing' })).results.some((r) => r.kind === 'workshop_note'), 'the workshop note');
    const hit = (await find(owner, { q: 'sowing' })).results.find((r) => r.kind === 'workshop_note')!;
    expect(hit.documentId).toBe(workshop.id);
    expect(JSON.stringify(hit)).not.toContain('Owner');

    // Renamed, a document is found by its new title.
    expect((await owner.api('PATCH', `/documents/${documentId}`, { title: 'Hivernage diary' })).status).toBe(200);
    expect((await find(owner, { q: 'hivernage' })).results.map((r) => r.documentId)).toEqual([documentId]);
    client.destroy();
    logClient.destroy();
  });

  it('filters by tag, status and organisation', async () => {
    const server = await startTestServer(await env());
    const owner = await server.owner();
    const projectId = await server.project();
    const university = await createOrganisation(owner, 'Universidad Nacional Agraria');
    const researcher = await server.signUp({ name: 'Researcher', organisationId: university });
    await addMember(owner, projectId, researcher, 'editor');
    const tagged = await createDocument(owner, projectId, { title: 'Mulching trial' });
    const other = await createDocument(owner, projectId, { title: 'Mulching costs' });
    expect((await owner.api('PATCH', `/documents/${tagged}`, { tags: ['soil'] })).status).toBe(200);
    expect((await owner.api('POST', `/documents/${tagged}/status`, { status: 'in_review' })).status).toBe(200);
    const writer = await write(server, researcher, other, 'Mulching halves weeding time.');
    await waitFor(async () => (await find(owner, { q: 'mulching', organisationId: university })).results.length === 1, 'the researcher’s edit');
    expect((await find(owner, { q: 'mulching', organisationId: university })).results.map((r) => r.documentId)).toEqual([other]);
    expect((await find(owner, { q: 'mulching', tag: 'soil' })).results.map((r) => r.documentId)).toEqual([tagged]);
    expect((await find(owner, { q: 'mulching', status: 'in_review' })).results.map((r) => r.documentId)).toEqual([tagged]);
    const page = await find(owner, { q: 'mulching', limit: '1' });
    expect(page).toMatchObject({ more: true });
    expect((await find(owner, { q: 'mulching', limit: '1', offset: '1' })).more).toBe(false);
    writer.destroy();
  });

});

describe('search on SQLite', () => {
  it('indexes, on start, documents written before search existed', async () => {
    const server = await startTestServer();
    const owner = await server.owner();
    const documentId = await createDocument(owner, await server.project(), { title: 'Old minutes' });
    const writer = await write(server, owner, documentId, 'Agroforestry nurseries in Thiès.');
    await waitFor(async () => (await find(owner, { q: 'agroforestry' })).results.length === 1, 'the text');
    writer.destroy();
    await server.server.close();
    // As a database from before search holds it: no entry at all.
    const file = new SQLite(path.join(server.dataDir, DATABASE_FILE));
    file.prepare('DELETE FROM search_entries').run();
    file.close();
    const restarted = await startTestServer({ DATA_DIR: server.dataDir });
    const again = { ...owner, api: (method: string, p: string) => fetch(`${restarted.url}/api/v1${p}`, { method, headers: { cookie: owner.cookie } }) };
    await waitFor(async () => (await find(again, { q: 'agroforestry thies' })).results.length === 1, 'the document to be indexed on start');
  });
});

import { zipSync } from 'fflate';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IMPORT_MAX_FILE_BYTES, type ContributionMapResponse, type DocumentDetailResponse, type DocumentResponse, type ProjectExportResponse } from '../../shared/api';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { treeFromFragment } from '../../server/transfer/from-ydoc';
import { heading, list, paragraph, SAMPLE_BLOCKS } from '../../server/transfer/test-fixtures';
import { elementsFromTree } from '../../server/transfer/to-ydoc';
import { type Block, isEmptyParagraph } from '../../server/transfer/tree';
import { addMember, apiRequest, createProject, type TestUser } from '../helpers/accounts';
import { expectError, jsonOf } from '../helpers/http';
import { contributionsRecorded } from '../helpers/projects';
import { startSharedTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { WebsocketProvider } from 'y-websocket';
import { connectClient, webSocketWithCookie } from '../helpers/yjs-client';

/**
 * Export and import through the real server: a capitalisation note written
 * by a stock y-websocket client, exported in every format and parsed back,
 * imported again, and its project archived.
 */

let server: Awaited<ReturnType<typeof startSharedTestServer>>;
let owner: TestUser;
let projectId: string;
let noteId: string;
let otherId: string;
let commenter: TestUser;
let outsider: TestUser;

const LESSONS = [[paragraph('Semer tôt paie.')], [paragraph('Le paillage garde l’humidité.')]];

/** What the editor holds, without the empty paragraphs only the template's guidance shows in. */
const meaningful = (blocks: Block[]) => blocks.filter((b) => !isEmptyParagraph(b));

async function contentOf(user: TestUser, documentId: string): Promise<Block[]> {
  const client = connectClient({ wsUrl: server.wsUrl, cookie: user.cookie }, documentId);
  await client.synced();
  const blocks = treeFromFragment(client.doc.getXmlFragment(YDOC_CONTENT)).blocks;
  client.destroy();
  return blocks;
}

const get = (path: string, user: TestUser = owner) => user.api('GET', path);

async function exported(format: string, annotations = false): Promise<Response> {
  const response = await get(`/documents/${noteId}/export?format=${format}&annotations=${annotations}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return response;
}

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

async function pdfText(file: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(file), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

beforeAll(async () => {
  server = await startSharedTestServer();
  owner = await server.signUp({ name: 'Awa Ndiaye', newOrganisation: { name: 'ONG Jappoo', kind: 'ngo', country: 'SN' } });
  projectId = await createProject(owner, 'Résilience au Sahel');
  const created = await owner.api('POST', `/projects/${projectId}/documents`, { title: 'Semis précoce du sorgho', kind: 'capitalisation', language: 'fr' });
  noteId = (await jsonOf<DocumentResponse>(created, 201)).document.id;
  const other = await owner.api('POST', `/projects/${projectId}/documents`, { title: 'Journal de bord', kind: 'free' });
  otherId = (await jsonOf<DocumentResponse>(other, 201)).document.id;
  commenter = await server.signUp({ name: 'Commenter' });
  await addMember(owner, projectId, commenter, 'commenter');
  outsider = await server.signUp({ name: 'Outsider' });

  // Typed into the template as the editor would: the lessons under their section, the rest at the end.
  // A stock client of its own: connectClient's teardown belongs to a test, and this runs before any.
  const writer = new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, noteId, writer, { WebSocketPolyfill: webSocketWithCookie(owner.cookie), disableBc: true });
  await waitFor(() => provider.synced, 'the writer to sync');
  const client = { doc: writer, destroy: () => (provider.destroy(), writer.destroy()) };
  const fragment = client.doc.getXmlFragment(YDOC_CONTENT);
  const lessonsAt = fragment.toArray().findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('section') === 'lessons');
  client.doc.transact(() => {
    fragment.insert(lessonsAt + 1, elementsFromTree([list(false, LESSONS)]));
    fragment.push(elementsFromTree(SAMPLE_BLOCKS));
  });
  const text = (client.doc.getXmlFragment(YDOC_CONTENT).toArray().find((n) => n instanceof Y.XmlElement && n.toString().includes('sorgho')) as Y.XmlElement).get(0) as Y.XmlText;
  await waitFor(async () => (await get(`/documents/${noteId}/export?format=md`).then((r) => r.text())).includes('Kaolack'), 'the content to be stored');
  client.destroy();
  await contributionsRecorded(owner, noteId);

  // A question on the word "sorgho", whose end is in the XmlText read above.
  const at = (text.toDelta() as Array<{ insert: string }>).map((op) => op.insert).join('').indexOf('sorgho');
  const position = (index: number, assoc: number) =>
    Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc))).toString('base64');
  expect(at).toBeGreaterThanOrEqual(0);
  const thread = await owner.api('POST', `/documents/${noteId}/threads`, {
    kind: 'question',
    anchor: { start: position(at, 0), end: position(at + 'sorgho'.length, -1) },
    quote: 'sorgho',
    body: 'Quelle variété avez-vous semée ?',
  });
  expect(thread.status).toBe(201);
  return () => server.server.close();
});

describe('a document’s export', () => {
  it('as Markdown: a file to download, with its front matter, that imports back as the same structure', async () => {
    const response = await exported('md');
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="semis-precoce-du-sorgho\.md"/);
    const markdown = await response.text();
    expect(markdown).toMatch(/^---\ntitle: "Semis précoce du sorgho"\nkind: "capitalisation"\nstatus: "draft"\nlanguage: "fr"\nproject: "Résilience au Sahel"/);
    expect(markdown).toContain('lessons: ["Semer tôt paie.","Le paillage garde l’humidité."]');

    const imported = await owner.api('POST', `/projects/${projectId}/imports`, { filename: 'export.md', content: Buffer.from(markdown).toString('base64') });
    const { document } = await jsonOf<DocumentResponse>(imported, 201);
    expect(document).toMatchObject({ title: 'Semis précoce du sorgho', kind: 'capitalisation', language: 'fr', projectId });
    // Headings (with their template sections), lists, emphasis, links, tables, quotes and code, as they were.
    const original = meaningful(await contentOf(owner, noteId));
    expect(original).toContainEqual({ type: 'table', rows: expect.any(Array) });
    expect(await contentOf(owner, document.id)).toEqual(original);
  });

  it('credits an imported document’s text to whoever imported it', async () => {
    const response = await owner.api('POST', `/projects/${projectId}/imports`, {
      filename: 'Notes de terrain.md',
      content: Buffer.from('## Observations\n\nLes *parcelles* paillées.\n').toString('base64'),
    });
    const { document } = await jsonOf<DocumentResponse>(response, 201);
    expect(document).toMatchObject({ title: 'Notes de terrain', kind: 'free' });
    expect(await contentOf(owner, document.id)).toEqual([heading(2, 'Observations'), paragraph('Les ', { type: 'text', text: 'parcelles', marks: ['italic'], href: null }, ' paillées.')]);
    const { contributions } = await jsonOf<ContributionMapResponse>(await get(`/documents/${document.id}/contributions`));
    expect(contributions.byPerson.map((p) => [p.userId, p.characters])).toEqual([[owner.id, 'ObservationsLes parcelles paillées.'.length]]);
  });

  it('as Word: a valid .docx with the title page and the text, which imports back with its structure', async () => {
    const response = await exported('docx', true);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toContain('filename="semis-precoce-du-sorgho.docx"');
    const file = await bytesOf(response);
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(file) });
    for (const words of ['FICHE DE CAPITALISATION', 'Semis précoce du sorgho', 'Projet: Résilience au Sahel', 'ONG Jappoo', 'Awa Ndiaye', 'Statut: Brouillon', 'Leçons apprises', 'Kaolack']) {
      expect(text).toContain(words);
    }
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(file) });
    expect(html).toContain('<h2>Contexte et acteurs impliqués</h2>');
    expect(html).toMatch(/<table><thead><tr><th><p>Site<\/p><\/th>/);
    expect(html).toMatch(/sorgho<\/strong><sup><a href="#footnote-1"/);
    expect(html).toContain('Quelle variété avez-vous semée ?');

    const imported = await owner.api('POST', `/projects/${projectId}/imports`, { filename: 'note.docx', content: Buffer.from(file).toString('base64') });
    const { document } = await jsonOf<DocumentResponse>(imported, 201);
    expect(document.title).toBe('Semis précoce du sorgho');
    const words = (blocks: Block[]) => blocks.filter((b) => b.type !== 'rule');
    // Word has no rule, and a note's reference comes back as its number.
    const back = await contentOf(owner, document.id);
    expect(back.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? b.content : null))).toEqual(
      words(meaningful(await contentOf(owner, noteId))).filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? b.content : null)),
    );
    expect(back).toContainEqual(SAMPLE_BLOCKS[6]);
    expect(back).toContainEqual(list(false, LESSONS));
  });

  it('as PDF: a valid PDF, made without a browser, with the title page, the text and the annotations as notes', async () => {
    const response = await exported('pdf', true);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(await bytesOf(response));
    for (const words of ['Semis précoce du sorgho', 'Résilience au Sahel', 'ONG Jappoo', 'Leçons apprises', 'Semer tôt paie.', 'Contexte et acteurs impliqués', 'paille de mil', '1,2 t/ha', 'Annotations', '“sorgho” — Question · Ouvert', 'Quelle variété avez-vous semée ?']) {
      expect(text).toContain(words);
    }
    expect(await pdfText(await bytesOf(await exported('pdf')))).not.toContain('Quelle variété');
  });

  it('as HTML: one page with the title page, the text and, when asked, the notes', async () => {
    const html = await (await exported('html', true)).text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).toContain('<h2 data-section="lessons">Leçons apprises</h2>');
    expect(html).toContain('<section class="notes">');
    expect(await (await exported('html')).text()).not.toContain('<section class="notes">');
  });

  it('refuses a format it does not make', async () => {
    await expectError(await get(`/documents/${noteId}/export?format=odt`), 400, 'validation_failed');
  });
});

describe('an import', () => {
  const importAs = (user: TestUser, filename: string, content: Buffer | string) =>
    user.api('POST', `/projects/${projectId}/imports`, { filename, content: Buffer.from(content).toString('base64') });

  it('refuses a file that is neither Markdown nor Word, one that is not what its name says, and one too large', async () => {
    await expectError(await importAs(owner, 'minutes.pdf', '%PDF-1.4'), 415, 'unsupported_file');
    await expectError(await importAs(owner, 'minutes.docx', 'plain text, not a zip'), 422, 'unreadable_file');
    await expectError(await importAs(owner, 'minutes.docx', Buffer.from('PK\x03\x04 broken zip', 'binary')), 422, 'unreadable_file');
    await expectError(await importAs(owner, 'minutes.md', Buffer.from([0xff, 0xfe, 0x00])), 422, 'unreadable_file');
    await expectError(await importAs(owner, 'big.md', Buffer.alloc(5 * 1024 * 1024 + 1, 'a')), 413, 'file_too_large');
    const huge = await fetch(`${server.url}/api/v1/projects/${projectId}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: owner.cookie },
      body: JSON.stringify({ filename: 'huge.md', content: 'a'.repeat(8 * 1024 * 1024) }),
    });
    await expectError(huge, 413, 'file_too_large');
    // A zip bomb: a few hundred kilobytes that would unpack to 100 MB, refused without unpacking it.
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(100 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(IMPORT_MAX_FILE_BYTES);
    await expectError(await importAs(owner, 'bomb.docx', Buffer.from(bomb)), 413, 'file_too_large');
  });

  it('is for those who may create documents', async () => {
    await expectError(await importAs(commenter, 'note.md', '# Hello'), 403, 'forbidden');
  });
});

describe('a project’s archive', () => {
  it('is made in the background with its progress, and holds every document as Markdown with its metadata, history and attribution', async () => {
    const named = await owner.api('POST', `/documents/${noteId}/versions`, { name: 'Envoyé au comité' });
    expect(named.status).toBe(201);
    const { document: detail } = await jsonOf<DocumentDetailResponse>(await get(`/documents/${noteId}`));
    const documents = (await jsonOf<{ documents: Array<{ id: string; title: string }> }>(await get(`/projects/${projectId}/documents`))).documents;

    const started = await jsonOf<ProjectExportResponse>(await owner.api('POST', `/projects/${projectId}/exports`), 202);
    const seen: number[] = [];
    let job = started.export;
    await waitFor(async () => {
      job = (await jsonOf<ProjectExportResponse>(await get(`/projects/${projectId}/exports/${started.export.id}`))).export;
      seen.push(job.progress);
      return job.done;
    }, 'the archive');
    expect(job).toMatchObject({ done: true, progress: 1, total: documents.length, completed: documents.length, failures: [], error: null });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    const download = await get(`/projects/${projectId}/exports/${job.id}/download`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    expect(download.headers.get('content-disposition')).toMatch(/filename="resilience-au-sahel-\d{4}-\d{2}-\d{2}\.zip"/);
    const zip = await bytesOf(download);
    expect(zip.length).toBe(job.bytes);
    const files = unzipSync(zip);

    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest).toMatchObject({ format: 'ensemble-project-archive', project: { id: projectId, title: 'Résilience au Sahel' }, failures: [] });
    expect(manifest.documents.map((d: { id: string }) => d.id).sort()).toEqual(documents.map((d) => d.id).sort());
    for (const entry of manifest.documents as Array<{ id: string; exported: boolean; markdown: string; metadata: string }>) {
      expect(entry.exported).toBe(true);
      expect(strFromU8(files[entry.markdown]!)).toContain(`source: "Ensemble ${entry.id}"`);
      const metadata = JSON.parse(strFromU8(files[entry.metadata]!));
      expect(metadata.document.id).toBe(entry.id);
      expect(metadata).toHaveProperty('history.versions');
      expect(metadata).toHaveProperty('attribution.byOrganisation');
    }
    const note = manifest.documents.find((d: { id: string }) => d.id === noteId);
    const metadata = JSON.parse(strFromU8(files[note.metadata]!));
    expect(metadata.document).toMatchObject({ id: noteId, title: detail.title, kind: 'capitalisation', status: 'draft', language: 'fr' });
    expect(metadata.history.versions.map((v: { name: string | null }) => v.name)).toContain('Envoyé au comité');
    expect(metadata.attribution.byPerson.map((p: { name: string }) => p.name)).toContain('Awa Ndiaye');
    expect(metadata.annotations.map((t: { quote: string }) => t.quote)).toEqual(['sorgho']);
    expect(strFromU8(files[note.markdown]!)).toContain('[^1]: “sorgho” — Question · Ouvert.');
    expect(JSON.parse(strFromU8(files['project.json']!))).toMatchObject({
      id: projectId,
      title: 'Résilience au Sahel',
      partners: expect.arrayContaining([expect.objectContaining({ name: 'ONG Jappoo' })]),
      contributions: { byOrganisation: expect.any(Array) },
    });
  });

  it('can also be downloaded at once', async () => {
    const response = await get(`/projects/${projectId}/export`);
    expect(response.status).toBe(200);
    expect(Object.keys(unzipSync(await bytesOf(response)))).toContain('manifest.json');
  });

  it('is its maker’s alone', async () => {
    const { export: job } = await jsonOf<ProjectExportResponse>(await owner.api('POST', `/projects/${projectId}/exports`), 202);
    await expectError(await commenter.api('GET', `/projects/${projectId}/exports/${job.id}`), 404, 'not_found');
    await expectError(await commenter.api('GET', `/projects/${projectId}/exports/${job.id}/download`), 404, 'not_found');
  });
});

describe('every export and import route', () => {
  it('answers 404 to someone outside the project and 401 to an anonymous caller', async () => {
    const { export: job } = await jsonOf<ProjectExportResponse>(await owner.api('POST', `/projects/${projectId}/exports`), 202);
    const body = { filename: 'note.md', content: Buffer.from('# Planted').toString('base64') };
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/documents/${otherId}/export?format=pdf`],
      ['POST', `/projects/${projectId}/imports`, body],
      ['GET', `/projects/${projectId}/export`],
      ['POST', `/projects/${projectId}/exports`],
      ['GET', `/projects/${projectId}/exports/${job.id}`],
      ['GET', `/projects/${projectId}/exports/${job.id}/download`],
    ];
    for (const [method, path, payload] of routes) {
      await expectError(await outsider.api(method, path, payload), 404, 'not_found');
      await expectError(await apiRequest(server.url, method, path, payload), 401, 'unauthenticated');
    }
  });
});

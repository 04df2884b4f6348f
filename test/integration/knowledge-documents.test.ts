import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentDetailResponse, DocumentLinksResponse, DocumentResponse, DocumentSummary } from '../../shared/api';
import { type DocumentKind, type DocumentStatus, NODE_DOCUMENT_LINK, STATUS_TRANSITIONS, TEMPLATE_SECTIONS, YDOC_CONTENT, KNOWLEDGE_KINDS } from '../../shared/knowledge/kinds';
import { addTrialEntry, listTrialEntries, moveTrialEntry, removeTrialEntry, setTrialOutcome, trialText } from '../../shared/knowledge/trial-log';
import { LANGUAGES, type Role, ROLES, roleAllows } from '../../shared/roles';
import { addMember, createProject, type TestUser } from '../helpers/accounts';
import { createOrganisation } from '../helpers/projects';
import { startSharedTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { connectClient, type YjsClient } from '../helpers/yjs-client';

let server: TestServer;
let owner: TestUser;
let projectId: string;
const people = {} as Record<Role, TestUser>;

beforeAll(async () => {
  server = await startSharedTestServer();
  owner = await server.owner();
  projectId = await server.project();
  people.owner = owner;
  for (const role of ROLES.filter((r) => r !== 'owner')) {
    people[role] = await server.signUp({ name: `The ${role}` });
    await addMember(owner, projectId, people[role], role);
  }
});

async function json<T>(response: Response, status: number): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
}

async function createKnowledgeDocument(as: TestUser, body: Record<string, unknown>): Promise<DocumentSummary> {
  return (await json<DocumentResponse>(await as.api('POST', `/projects/${projectId}/documents`, body), 201)).document;
}

const getDocument = async (as: TestUser, id: string) =>
  (await json<DocumentDetailResponse>(await as.api('GET', `/documents/${id}`), 200)).document;
const linksOf = async (as: TestUser, id: string) => json<DocumentLinksResponse>(await as.api('GET', `/documents/${id}/links`), 200);

function connectAs(user: TestUser, documentId: string): YjsClient {
  return connectClient({ wsUrl: server.wsUrl, cookie: user.cookie }, documentId);
}

/** Section ids of the headings at the top level of the content, in order. */
function sectionsOf(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment(YDOC_CONTENT)
    .toArray()
    .flatMap((node) => (node instanceof Y.XmlElement && node.nodeName === 'heading' ? [String(node.getAttribute('section'))] : []));
}

describe('a document created from a template', () => {
  it.each(LANGUAGES.flatMap((language) => KNOWLEDGE_KINDS.map((kind: DocumentKind) => [kind, language] as const)))(
    'of kind %s in %s opens with its sections, once, even when two people open it at the same moment',
    async (kind, language) => {
      const created = await createKnowledgeDocument(owner, { kind, language });
      expect(created).toMatchObject({ kind, language, status: 'draft', statusChange: null });
      const [a, b] = [connectAs(owner, created.id), connectAs(people.editor, created.id)];
      await Promise.all([a.synced(), b.synced()]);
      expect(sectionsOf(a.doc)).toEqual(TEMPLATE_SECTIONS[kind]);
      expect(sectionsOf(b.doc)).toEqual(TEMPLATE_SECTIONS[kind]);
    },
  );
});

describe('status', () => {
  /** A new document brought to `status` by the owner, along the allowed moves. */
  async function documentAt(status: DocumentStatus): Promise<string> {
    const { id } = await createKnowledgeDocument(owner, { kind: 'capitalisation' });
    const path: DocumentStatus[] = ['in_review', 'validated', 'published'];
    for (const next of path.slice(0, path.indexOf(status as (typeof path)[number]) + 1)) {
      await json(await owner.api('POST', `/documents/${id}/status`, { status: next }), 200);
    }
    return id;
  }

  it.each(STATUS_TRANSITIONS.flatMap((t) => ROLES.map((role) => [t.from, t.to, role, t.action] as const)))(
    'from %s to %s as %s follows the role',
    async (from, to, role, action) => {
      const id = await documentAt(from);
      const response = await people[role].api('POST', `/documents/${id}/status`, { status: to });
      if (roleAllows(role, action)) {
        const moved = (await json<DocumentResponse>(response, 200)).document;
        expect(moved.status).toBe(to);
        expect(moved.statusChange?.byName).toBe(`The ${role}`.replace('The owner', 'Owner'));
      } else {
        expect(response.status).toBe(403);
        expect((await getDocument(owner, id)).status).toBe(from);
      }
    },
  );

  it('refuses a move the workflow does not have, and a move from a status the document has left', async () => {
    const id = await documentAt('draft');
    const skipped = await owner.api('POST', `/documents/${id}/status`, { status: 'published' });
    expect(skipped.status).toBe(409);
    expect(await skipped.json()).toMatchObject({ error: { code: 'invalid_transition' } });
    await json(await owner.api('POST', `/documents/${id}/status`, { status: 'in_review' }), 200);
    // Someone who saw it still in draft sends it to review again.
    const again = await people.editor.api('POST', `/documents/${id}/status`, { status: 'in_review' });
    expect(again.status).toBe(409);
    expect((await getDocument(owner, id)).status).toBe('in_review');
  });

  it('is not reachable outside the project, nor with a status that does not exist', async () => {
    const id = await documentAt('draft');
    const outsider = await server.signUp();
    expect((await outsider.api('POST', `/documents/${id}/status`, { status: 'in_review' })).status).toBe(404);
    const bad = await owner.api('POST', `/documents/${id}/status`, { status: 'archived' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });
});

describe('metadata', () => {
  it('keeps themes, tags and language, trimmed and without repeats, and refuses what does not fit', async () => {
    const { id } = await createKnowledgeDocument(people.editor, { kind: 'field_finding', language: 'fr' });
    const changed = await json<DocumentResponse>(
      await people.editor.api('PATCH', `/documents/${id}`, { themes: [' eau ', 'eau', 'sols'], tags: ['Sahel'], language: 'es' }),
      200,
    );
    expect(changed.document).toMatchObject({ themes: ['eau', 'sols'], tags: ['Sahel'], language: 'es' });
    const tooLong = await people.editor.api('PATCH', `/documents/${id}`, { tags: ['x'.repeat(61)] });
    expect(tooLong.status).toBe(400);
    expect((await people.commenter.api('PATCH', `/documents/${id}`, { tags: ['mine'] })).status).toBe(403);
    expect((await getDocument(owner, id)).tags).toEqual(['Sahel']);
  });

  it('lists the organisations of the people who edited, and only them', async () => {
    const university = await createOrganisation(owner, 'Université de Thiès');
    const academic = await server.signUp({ name: 'Researcher', organisationId: university });
    await addMember(owner, projectId, academic, 'editor');
    const { id } = await createKnowledgeDocument(owner, { kind: 'free' });
    const writer = connectAs(academic, id);
    const reader = connectAs(people.viewer, id);
    await Promise.all([writer.synced(), reader.synced()]);
    writer.doc.getXmlFragment(YDOC_CONTENT).insert(0, [new Y.XmlElement('paragraph')]);
    await waitFor(async () => (await getDocument(owner, id)).contributors.length > 0, 'the contribution to be recorded');
    expect((await getDocument(owner, id)).contributors.map((o) => o.name)).toEqual(['Université de Thiès']);
  });
});

describe('links between documents', () => {
  function linkTo(client: YjsClient, targetId: string): void {
    const paragraph = new Y.XmlElement('paragraph');
    const link = new Y.XmlElement(NODE_DOCUMENT_LINK);
    link.setAttribute('documentId', targetId);
    link.setAttribute('label', 'old title');
    paragraph.insert(0, [new Y.XmlText('See '), link]);
    client.doc.getXmlFragment(YDOC_CONTENT).insert(0, [paragraph]);
  }

  it('shows a mention as a backlink of its target, under the target’s current title, until it is removed', async () => {
    const source = await createKnowledgeDocument(people.editor, { title: 'Note on irrigation', kind: 'capitalisation' });
    const target = await createKnowledgeDocument(people.editor, { title: 'Drip trial', kind: 'trial_log' });
    const client = connectAs(people.editor, source.id);
    await client.synced();
    linkTo(client, target.id);
    await waitFor(async () => (await linksOf(people.viewer, target.id)).backlinks.length === 1, 'the backlink');
    expect((await linksOf(people.viewer, target.id)).backlinks).toEqual([
      { id: source.id, title: 'Note on irrigation', kind: 'capitalisation', status: 'draft', entryId: null },
    ]);

    await json(await people.editor.api('PATCH', `/documents/${target.id}`, { title: 'Drip irrigation trial' }), 200);
    expect((await linksOf(people.viewer, source.id)).outgoing.map((d) => d.title)).toEqual(['Drip irrigation trial']);

    client.doc.getXmlFragment(YDOC_CONTENT).delete(0, 1);
    await waitFor(async () => (await linksOf(people.viewer, target.id)).backlinks.length === 0, 'the backlink to go');
  });

  it('does not record a link to a document of another project', async () => {
    const elsewhere = await createProject(owner, 'Another project');
    const hidden = (await json<DocumentResponse>(await owner.api('POST', `/projects/${elsewhere}/documents`, { title: 'Hidden' }), 201))
      .document;
    const source = await createKnowledgeDocument(owner, { kind: 'free' });
    const client = connectAs(owner, source.id);
    await client.synced();
    linkTo(client, hidden.id);
    client.doc.getXmlFragment(YDOC_CONTENT).insert(0, [new Y.XmlElement('paragraph')]);
    await waitFor(async () => (await getDocument(owner, source.id)).contributors.length > 0, 'the activity to be recorded');
    expect((await linksOf(owner, hidden.id)).backlinks).toEqual([]);
    expect((await linksOf(owner, source.id)).outgoing).toEqual([]);
  });
});

describe('a trial-and-error log', () => {
  it('converges when two people add, edit, reorder and remove entries at the same time, none lost or doubled', async () => {
    const log = await createKnowledgeDocument(people.editor, { kind: 'trial_log' });
    const [a, b] = [connectAs(people.editor, log.id), connectAs(people.facilitator, log.id)];
    await Promise.all([a.synced(), b.synced()]);
    const shared = addTrialEntry(a.doc, {});
    await waitFor(() => listTrialEntries(b.doc).length === 1, 'the first entry to arrive');

    // Both go offline and work on the same entries, then meet again.
    a.provider.disconnect();
    b.provider.disconnect();
    const fromA = [addTrialEntry(a.doc, {}), addTrialEntry(a.doc, {})];
    const fromB = [addTrialEntry(b.doc, {}), addTrialEntry(b.doc, {}), addTrialEntry(b.doc, {})];
    trialText(a.doc, shared, 'tried')!.insert(0, 'Zaï pits ');
    trialText(b.doc, shared, 'tried')!.insert(0, 'with compost');
    setTrialOutcome(a.doc, shared, 'partly');
    moveTrialEntry(a.doc, shared, 2);
    moveTrialEntry(b.doc, shared, 0);
    moveTrialEntry(b.doc, fromB[2]!, 1);
    removeTrialEntry(b.doc, fromB[0]!);
    a.provider.connect();
    b.provider.connect();

    const ids = (c: YjsClient) => listTrialEntries(c.doc).map((e) => e.id);
    await waitFor(() => JSON.stringify(listTrialEntries(a.doc)) === JSON.stringify(listTrialEntries(b.doc)), 'the logs to converge');
    expect(new Set(ids(a)).size).toBe(ids(a).length);
    expect([...ids(a)].sort()).toEqual([shared, ...fromA, fromB[1]!, fromB[2]!].sort());
    const merged = listTrialEntries(a.doc).find((e) => e.id === shared)!;
    expect(merged.tried).toContain('Zaï pits');
    expect(merged.tried).toContain('with compost');
    expect(merged.outcome).toBe('partly');

    const reader = connectAs(people.viewer, log.id);
    await reader.synced();
    expect(JSON.stringify(listTrialEntries(reader.doc))).toBe(JSON.stringify(listTrialEntries(a.doc)));
  });

  it('promotes an entry to a lessons-learned record that links back to it', async () => {
    const log = await createKnowledgeDocument(people.editor, { title: 'Drip trials', kind: 'trial_log', language: 'fr' });
    const client = connectAs(people.editor, log.id);
    await client.synced();
    const entry = addTrialEntry(client.doc, { date: '2026-10-02' });
    const learned = 'Le paillage réduit l’arrosage de moitié';
    trialText(client.doc, entry, 'tried')!.insert(0, 'Goutte-à-goutte sur 2 ha');
    trialText(client.doc, entry, 'learned')!.insert(0, learned);
    setTrialOutcome(client.doc, entry, 'worked');
    // Another reader has it once the server stored it.
    const reader = connectAs(people.viewer, log.id);
    await waitFor(() => listTrialEntries(reader.doc)[0]?.learned === learned, 'the entry to be stored');

    const refused = await people.commenter.api('POST', `/documents/${log.id}/trial-entries/${entry}/promotion`);
    expect(refused.status).toBe(403);
    const record = (await json<DocumentResponse>(await people.editor.api('POST', `/documents/${log.id}/trial-entries/${entry}/promotion`), 201))
      .document;
    expect(record).toMatchObject({ kind: 'lessons', language: 'fr', projectId, title: learned });

    const opened = connectAs(people.viewer, record.id);
    await opened.synced();
    expect(sectionsOf(opened.doc)).toEqual(TEMPLATE_SECTIONS.lessons);
    const text = opened.doc.getXmlFragment(YDOC_CONTENT).toString();
    expect(text).toContain('Goutte-à-goutte sur 2 ha');
    expect(text).toContain(learned);
    expect(text).toContain(`documentId="${log.id}"`);

    expect((await linksOf(people.viewer, record.id)).outgoing).toEqual([
      { id: log.id, title: 'Drip trials', kind: 'trial_log', status: 'draft', entryId: entry },
    ]);
    expect((await linksOf(people.viewer, log.id)).backlinks).toEqual([
      { id: record.id, title: record.title, kind: 'lessons', status: 'draft', entryId: entry },
    ]);
  });

  it('refuses to promote from another kind of document, or an entry that does not exist', async () => {
    const note = await createKnowledgeDocument(people.editor, { kind: 'capitalisation' });
    expect((await people.editor.api('POST', `/documents/${note.id}/trial-entries/abc/promotion`)).status).toBe(400);
    const log = await createKnowledgeDocument(people.editor, { kind: 'trial_log' });
    const missing = await people.editor.api('POST', `/documents/${log.id}/trial-entries/nope/promotion`);
    expect(missing.status).toBe(404);
  });
});

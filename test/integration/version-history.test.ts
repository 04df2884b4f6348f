import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type {
  ContributionMapResponse,
  ContributionTimeline,
  RestoreResponse,
  Version,
  VersionComparison,
  VersionContentResponse,
  VersionListResponse,
  VersionResponse,
} from '../../shared/api';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { addMember, apiRequest, type TestUser } from '../helpers/accounts';
import { createOrganisation } from '../helpers/projects';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { connectClient, type YjsClient } from '../helpers/yjs-client';

const contentOf = (doc: Y.Doc) => doc.getXmlFragment(YDOC_CONTENT).toString();

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

const textAt = (client: YjsClient, index: number) => (client.doc.getXmlFragment(YDOC_CONTENT).get(index) as Y.XmlElement).get(0) as Y.XmlText;

async function call<T>(user: TestUser, method: string, path: string, body?: unknown, status = method === 'GET' ? 200 : 201): Promise<T> {
  const response = await user.api(method, path, body);
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
}

const versionsOf = async (user: TestUser, documentId: string) =>
  (await call<VersionListResponse>(user, 'GET', `/documents/${documentId}/versions`)).versions;

/** Everyone's copy holds `content`, and so does the server's (a new reader). */
async function everyoneHas(server: TestServer, clients: YjsClient[], documentId: string, reader: TestUser, content: string, what: string) {
  await waitFor(() => clients.every((c) => contentOf(c.doc) === content), what);
  const fresh = connectClient({ wsUrl: server.wsUrl, cookie: reader.cookie }, documentId);
  await fresh.synced();
  expect(contentOf(fresh.doc)).toBe(content);
  fresh.destroy();
}

describe('version history', () => {
  it('takes versions after a pause and every so many updates, names them, compares them, restores one and undoes the restore', async () => {
    const server = await startTestServer({ VERSION_AFTER_PAUSE_MS: '300', VERSION_EVERY_UPDATES: '25', COMPACT_AFTER_UPDATES: '7' });
    const owner = await server.owner();
    const projectId = await server.project();
    const university = await createOrganisation(owner, 'Universidad de Cuenca');
    const ana = await server.signUp({ name: 'Ana', organisationId: owner.organisationId! });
    const bakary = await server.signUp({ name: 'Bakary', organisationId: university });
    for (const person of [ana, bakary]) await addMember(owner, projectId, person, 'editor');
    const documentId = await server.createDocument('Capitalisation of the irrigation trial');
    const [a, b] = [ana, bakary].map((user) => connectClient({ wsUrl: server.wsUrl, cookie: user.cookie }, documentId));
    await Promise.all([a!.synced(), b!.synced()]);
    const clients = [a!, b!];

    // Ana writes two paragraphs, Bakary one; then nobody types: a version is taken after the pause.
    const fragment = a!.doc.getXmlFragment(YDOC_CONTENT);
    fragment.insert(fragment.length, [paragraph('We tried drip irrigation on six plots.'), paragraph('The pumps failed in May.')]);
    await waitFor(() => b!.doc.getXmlFragment(YDOC_CONTENT).length === fragment.length, 'Ana’s paragraphs at Bakary’s');
    b!.doc.getXmlFragment(YDOC_CONTENT).insert(fragment.length, [paragraph('Farmers kept the plots they liked.')]);
    await waitFor(async () => (await versionsOf(owner, documentId)).length === 1, 'an automatic version after the pause');
    const [first] = await versionsOf(owner, documentId);
    expect(first).toMatchObject({ number: 1, kind: 'auto', name: null, createdBy: null });
    expect(first!.editors.map((e) => e.name).sort()).toEqual(['Ana', 'Bakary']);
    expect(first!.editors.find((e) => e.name === 'Bakary')!.organisation!.id).toBe(university);

    // A named version, by the owner, of the document as it is.
    const named = (await call<VersionResponse>(owner, 'POST', `/documents/${documentId}/versions`, { name: 'Sent to the steering committee' })).version;
    expect(named).toMatchObject({ number: 2, kind: 'named', name: 'Sent to the steering committee', createdBy: { name: 'Owner' } });
    const namedContent = contentOf(a!.doc);
    const sentAt = await call<VersionContentResponse>(ana, 'GET', `/documents/${documentId}/versions/${named.id}`);
    const shown = new Y.Doc();
    Y.applyUpdate(shown, Buffer.from(sentAt.update, 'base64'));
    expect(contentOf(shown)).toBe(namedContent);

    // Bakary rewrites a sentence of Ana's and deletes another, keystroke by keystroke: more than 25 updates, no pause.
    const versionsBefore = (await versionsOf(owner, documentId)).length;
    const pumps = textAt(b!, 1);
    pumps.delete(0, pumps.length);
    for (const ch of 'Pumps broke down twice.') pumps.insert(pumps.length, ch);
    b!.doc.getXmlFragment(YDOC_CONTENT).delete(0, 1);
    await waitFor(async () => (await versionsOf(owner, documentId)).length > versionsBefore, 'a version after 25 updates, without a pause');
    await waitFor(() => contentOf(a!.doc) === contentOf(b!.doc), 'both copies to agree');
    const rewritten = contentOf(a!.doc);

    // The comparison lists exactly what was inserted and deleted since the named version.
    const comparison = await call<VersionComparison>(ana, 'GET', `/documents/${documentId}/versions/${named.id}/comparison`);
    const textOf = (change: string) => comparison.blocks.flatMap((block) => block.segments.filter((s) => s.change === change).map((s) => s.text)).join('|');
    expect(textOf('deleted')).toBe('We tried drip irrigation on six plots.|The pumps failed in May.');
    expect(textOf('inserted')).toBe('Pumps broke down twice.');
    expect(comparison).toMatchObject({ inserted: 'Pumps broke down twice.'.length, deleted: 'We tried drip irrigation on six plots.The pumps failed in May.'.length, to: null });
    expect(comparison.blocks.flatMap((block) => block.segments.filter((s) => s.change === 'same').map((s) => s.text))).toEqual(['Farmers kept the plots they liked.']);
    const authorOf = (text: string) => comparison.people.find((p) => p.userId === comparison.blocks.flatMap((bl) => bl.segments).find((s) => s.text === text)!.userId)!.name;
    expect(authorOf('Pumps broke down twice.')).toBe('Bakary');
    expect(authorOf('The pumps failed in May.')).toBe('Ana');
    // Between two versions too, in either order.
    const [newest] = await versionsOf(owner, documentId);
    const between = await call<VersionComparison>(ana, 'GET', `/documents/${documentId}/versions/${newest!.id}/comparison?to=${first!.id}`);
    expect(between.to!.id).toBe(first!.id);
    expect(between.inserted).toBeGreaterThan(0);

    // Restoring the named version: everyone's copy, and the server's, come back to exactly its content.
    const { contributions: sharesAtNamed } = await call<ContributionMapResponse>(owner, 'GET', `/documents/${documentId}/contributions`);
    expect(sharesAtNamed).toBeDefined();
    const restore = await call<RestoreResponse>(bakary, 'POST', `/documents/${documentId}/versions/${named.id}/restore`);
    expect(restore.restored).toMatchObject({ kind: 'restore', createdBy: { name: 'Bakary' }, restoredFrom: { id: named.id, number: named.number } });
    await everyoneHas(server, clients, documentId, owner, namedContent, 'the named version’s content everywhere');
    // Compared with the version it brought back, the restore changed nothing.
    const unchanged = await call<VersionComparison>(ana, 'GET', `/documents/${documentId}/versions/${named.id}/comparison?to=${restore.restored.id}`);
    expect(unchanged).toMatchObject({ inserted: 0, deleted: 0 });
    expect(unchanged.blocks.map((block) => block.segments.map((s) => s.text).join(''))).toEqual(
      ['We tried drip irrigation on six plots.', 'The pumps failed in May.', 'Farmers kept the plots they liked.'],
    );
    const previousContent = await call<VersionContentResponse>(owner, 'GET', `/documents/${documentId}/versions/${restore.previous.id}`);
    const previous = new Y.Doc();
    Y.applyUpdate(previous, Buffer.from(previousContent.update, 'base64'));
    expect(contentOf(previous)).toBe(rewritten);

    // The restored text is still its first authors', not the restorer's.
    const { contributions } = await call<ContributionMapResponse>(owner, 'GET', `/documents/${documentId}/contributions`);
    const charactersOf = (name: string) => contributions.byPerson.find((p) => p.name === name)?.characters ?? 0;
    expect(charactersOf('Ana')).toBe('We tried drip irrigation on six plots.The pumps failed in May.'.length);
    expect(charactersOf('Bakary')).toBe('Farmers kept the plots they liked.'.length);

    // Undo: restoring `previous` brings back exactly the content before the restore.
    const undo = await call<RestoreResponse>(bakary, 'POST', `/documents/${documentId}/versions/${restore.previous.id}/restore`);
    expect(undo.restored.restoredFrom!.id).toBe(restore.previous.id);
    await everyoneHas(server, clients, documentId, owner, rewritten, 'the content before the restore everywhere');
    const { contributions: afterUndo } = await call<ContributionMapResponse>(owner, 'GET', `/documents/${documentId}/contributions`);
    expect(afterUndo.byPerson.find((p) => p.name === 'Bakary')!.characters).toBe('Pumps broke down twice.Farmers kept the plots they liked.'.length);

    // The list tells the story, newest first; the timeline has a point per version.
    const history = await versionsOf(ana, documentId);
    expect(history.map((v) => v.number)).toEqual([...history.map((v) => v.number)].sort((x, y) => y - x));
    expect(history.slice(0, 2).map((v: Version) => v.kind)).toEqual(['restore', 'restore']);
    expect(history.every((v) => v.bytes > 0)).toBe(true);
    const timeline = await call<ContributionTimeline>(owner, 'GET', `/documents/${documentId}/contributions/timeline`);
    expect(timeline.points).toHaveLength(history.length);
    const atNamed = timeline.points[named.number - 1]!.characters;
    expect(Object.fromEntries(atNamed.map((c) => [timeline.people.find((p) => p.userId === c.userId)!.name, c.characters]))).toEqual({
      Ana: 'We tried drip irrigation on six plots.The pumps failed in May.'.length,
      Bakary: 'Farmers kept the plots they liked.'.length,
    });
    const projectTimeline = await call<ContributionTimeline>(owner, 'GET', `/projects/${projectId}/contributions/timeline`);
    expect(projectTimeline.points.at(-1)!.characters).toEqual(expect.arrayContaining(timeline.points.at(-1)!.characters));

    // After a restart, every version still opens as it was.
    for (const client of clients) client.destroy();
    await server.server.close();
    const restarted = await startTestServer({ DATA_DIR: server.dataDir });
    const response = await apiRequest(restarted.url, 'GET', `/documents/${documentId}/versions/${named.id}`, undefined, owner.cookie);
    expect(response.status).toBe(200);
    const reopened = (await response.json()) as VersionContentResponse;
    const again = new Y.Doc();
    Y.applyUpdate(again, Buffer.from(reopened.update, 'base64'));
    expect(contentOf(again)).toBe(namedContent);
  });

  it('takes a version of edits not yet in one when the document leaves memory', async () => {
    const server = await startTestServer({ VERSION_AFTER_PAUSE_MS: '600000', UNLOAD_GRACE_MS: '50' });
    const owner = await server.owner();
    const documentId = await server.createDocument();
    const client = connectClient({ wsUrl: server.wsUrl, cookie: owner.cookie }, documentId);
    await client.synced();
    client.doc.getXmlFragment(YDOC_CONTENT).insert(0, [paragraph('Written just before leaving.')]);
    await waitFor(async () => (await owner.api('GET', `/documents/${documentId}`)).ok, 'the server');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await versionsOf(owner, documentId)).toHaveLength(0);
    client.destroy();
    await waitFor(async () => (await versionsOf(owner, documentId)).length === 1, 'a version on unload');
  });
});

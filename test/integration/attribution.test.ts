import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AttributionResponse, ContributionMapResponse } from '../../shared/api';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { encodeSyncUpdate } from '../../server/collab/protocol';
import { createInProcessFanOut } from '../../server/storage/fan-out';
import { PASTE_TEXT_MAX_AGE_MS } from '../../server/history/copies';
import { CloseCode } from '../../shared/protocol';
import { addMember, type TestUser } from '../helpers/accounts';
import { closeOf, openCollabSocket, serverContent } from '../helpers/collab-socket';
import { createOrganisation } from '../helpers/projects';
import { startTestServer, type TestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { connectClient, type YjsClient } from '../helpers/yjs-client';

/** Each visible character of the first paragraph, with the client id that wrote it. */
function charactersWithClients(doc: Y.Doc): Array<[string, number]> {
  const text = (doc.getXmlFragment(YDOC_CONTENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const out: Array<[string, number]> = [];
  for (let item = text._start; item; item = item.right) {
    if (!item.deleted && item.content instanceof Y.ContentString) for (const ch of item.content.str) out.push([ch, item.id.client]);
  }
  return out;
}

async function json<T>(response: Response): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

describe('attribution', () => {
  it('gives every character to who typed it, from two organisations at once, across compaction and a restart', async () => {
    // Compaction every few updates: attribution must not depend on the update log.
    const env = { COMPACT_AFTER_UPDATES: '4' };
    const server = await startTestServer(env);
    const owner = await server.owner();
    const projectId = await server.project();
    const ngo = owner.organisationId!;
    const university = await createOrganisation(owner, 'Université de Thiès');
    const ana = await server.signUp({ name: 'Ana', organisationId: ngo });
    const bakary = await server.signUp({ name: 'Bakary', organisationId: university });
    for (const person of [ana, bakary]) await addMember(owner, projectId, person, 'editor');
    const documentId = await server.createDocument('Co-written note');

    const people: Array<[TestUser, string]> = [[owner, 'o'], [ana, 'a'], [bakary, 'b']];
    const clients = people.map(([user]) => connectClient({ wsUrl: server.wsUrl, cookie: user.cookie }, documentId));
    await Promise.all(clients.map((c) => c.synced()));
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('')]);
    clients[0]!.doc.getXmlFragment(YDOC_CONTENT).insert(0, [paragraph]);
    const textOf = (c: YjsClient) => (c.doc.getXmlFragment(YDOC_CONTENT).get(0) as Y.XmlElement | undefined)?.get(0) as Y.XmlText | undefined;
    await waitFor(() => clients.every((c) => textOf(c) !== undefined), 'the paragraph everywhere');

    // Each types their own letter at random places, all at once, 40 times.
    for (let round = 0; round < 40; round++) {
      clients.forEach((client, i) => {
        const text = textOf(client)!;
        text.insert(Math.floor(((round * 7 + i * 13) % 17) / 17 * (text.length + 1)), people[i]![1]);
      });
      if (round % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const same = () => clients.every((c) => textOf(c)!.toString() === textOf(clients[0]!)!.toString());
    await waitFor(() => same() && textOf(clients[0]!)!.length === 120, 'everyone to converge');

    const letterOf = new Map(people.map(([user, letter]) => [user.id, letter]));
    const get = (base: TestServer, path: string) => fetch(`${base.url}/api/v1${path}`, { headers: { cookie: owner.cookie } });
    const check = async (base: TestServer, reader: YjsClient) => {
      const { clients: owners } = await json<AttributionResponse>(await get(base, `/documents/${documentId}/attribution`));
      const ownerOf = new Map(owners.map((c) => [c.clientId, c.userId]));
      const characters = charactersWithClients(reader.doc);
      expect(characters).toHaveLength(120);
      for (const [character, client] of characters) expect(letterOf.get(ownerOf.get(client)!)).toBe(character);
      const { contributions } = await json<ContributionMapResponse>(await get(base, `/documents/${documentId}/contributions`));
      expect(contributions.totals).toMatchObject({ characters: 120, organisations: 2, stakeholderKinds: 2 });
      expect(contributions.byOrganisation.map((o) => [o.organisation?.id, o.characters])).toEqual([
        [ngo, 80],
        [university, 40],
      ]);
      expect(contributions.byPerson.map((p) => p.characters).sort()).toEqual([40, 40, 40]);
    };
    await check(server, clients[0]!);

    for (const client of clients) client.destroy();
    await server.server.close();
    const restarted = await startTestServer({ ...env, DATA_DIR: server.dataDir });
    const reader = connectClient({ wsUrl: restarted.wsUrl, cookie: owner.cookie }, documentId);
    await reader.synced();
    await check(restarted, reader);
  });

  it('never lets anyone write under a client id recorded as someone else’s: after a reload, nor through another instance', async () => {
    const fanOut = createInProcessFanOut();
    const first = await startTestServer({ UNLOAD_GRACE_MS: '50' }, { fanOut });
    const second = await startTestServer({ DATA_DIR: first.dataDir, UNLOAD_GRACE_MS: '50' }, { fanOut });
    const owner = await first.owner();
    const intruder = await first.signUp({ name: 'Intruder' });
    await addMember(owner, await first.project(), intruder, 'editor');
    const documentId = await first.createDocument();
    // The second instance has the document in memory before the owner writes: it learns the text by fan-out only.
    const watcher = connectClient({ wsUrl: second.wsUrl, cookie: owner.cookie }, documentId);
    await watcher.synced();
    const writer = connectClient({ wsUrl: first.wsUrl, cookie: owner.cookie }, documentId);
    await writer.synced();
    writer.text.insert(0, 'mine');
    const victimId = writer.doc.clientID;
    await waitFor(() => watcher.text.toString() === 'mine', 'the text to reach the second instance');

    // The intruder opens the document on the other instance, under the owner's client id.
    const socket = openCollabSocket({ wsUrl: second.wsUrl, cookie: intruder.cookie }, documentId);
    await socket.received('sync-step1');
    const forged = new Y.Doc();
    forged.clientID = victimId;
    forged.getText('content').insert(0, 'EVIL');
    socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(forged)));
    expect(await closeOf(socket)).toEqual({ code: CloseCode.badFrame, reason: 'client_id_not_owned' });

    // And again on the first instance once the document has left memory.
    writer.destroy();
    watcher.destroy();
    await waitFor(() => first.server.stats().loadedDocuments === 0, 'the document to unload');
    const again = openCollabSocket({ wsUrl: first.wsUrl, cookie: intruder.cookie }, documentId);
    await again.received('sync-step1');
    again.send(encodeSyncUpdate(Y.encodeStateAsUpdate(forged)));
    expect(await closeOf(again)).toEqual({ code: CloseCode.badFrame, reason: 'client_id_not_owned' });
    expect(await serverContent({ wsUrl: first.wsUrl, cookie: owner.cookie }, documentId)).toBe('mine');
    const { clients } = await json<AttributionResponse>(await owner.api('GET', `/documents/${documentId}/attribution`));
    expect(clients.filter((c) => c.clientId === victimId).map((c) => c.userId)).toEqual([owner.id]);
  });

  it('follows text through a move and a paste within the document, across a restart', async () => {
    const server = await startTestServer();
    const owner = await server.owner();
    const projectId = await server.project();
    const university = await createOrganisation(owner, 'Université de Thiès');
    const bakary = await server.signUp({ name: 'Bakary', organisationId: university });
    await addMember(owner, projectId, bakary, 'editor');
    const documentId = await server.createDocument('Field finding');
    const [mine, his] = [owner, bakary].map((user) => connectClient({ wsUrl: server.wsUrl, cookie: user.cookie }, documentId));
    await Promise.all([mine!.synced(), his!.synced()]);
    const finding = 'Soil moisture stayed higher under mulch in every plot.';
    const paragraph = (text: string) => {
      const element = new Y.XmlElement('paragraph');
      element.insert(0, [new Y.XmlText(text)]);
      return element;
    };
    mine!.doc.getXmlFragment(YDOC_CONTENT).insert(0, [paragraph(finding), paragraph('Next: measure yields.')]);
    const fragment = his!.doc.getXmlFragment(YDOC_CONTENT);
    await waitFor(() => fragment.length === 2, 'the owner’s paragraphs at Bakary’s');

    // Bakary drags the finding below the next step, then pastes part of it again at the end.
    his!.doc.transact(() => {
      fragment.delete(0, 1);
      fragment.insert(1, [paragraph(finding)]);
    });
    // A person pastes a moment later; the server rereads the text it looks for pastes in a few times a second.
    await new Promise((resolve) => setTimeout(resolve, PASTE_TEXT_MAX_AGE_MS + 50));
    his!.doc.transact(() => fragment.insert(2, [paragraph(finding.slice(0, 30))]));
    const expected = { [owner.id]: finding.length * 2 + 'Next: measure yields.'.length - (finding.length - 30) };
    const charactersOf = async (base: TestServer) => {
      const { contributions } = await json<ContributionMapResponse>(await fetch(`${base.url}/api/v1/documents/${documentId}/contributions`, { headers: { cookie: owner.cookie } }));
      return Object.fromEntries(contributions.byPerson.filter((p) => p.characters > 0).map((p) => [p.userId, p.characters]));
    };
    await waitFor(async () => JSON.stringify(await charactersOf(server)) === JSON.stringify(expected), 'the moved and pasted text to stay the owner’s');
    const { credits } = await json<AttributionResponse>(await owner.api('GET', `/documents/${documentId}/attribution`));
    expect(credits.filter((c) => c.clientId === his!.doc.clientID).every((c) => c.userId === owner.id)).toBe(true);

    mine!.destroy();
    his!.destroy();
    await server.server.close();
    const restarted = await startTestServer({ DATA_DIR: server.dataDir });
    expect(await charactersOf(restarted)).toEqual(expected);
  });

  it('is not shown to anyone outside the project', async () => {
    const server = await startTestServer();
    const documentId = await server.createDocument();
    const projectId = await server.project();
    const outsider = await server.signUp();
    for (const path of [`/documents/${documentId}/attribution`, `/documents/${documentId}/contributions`, `/projects/${projectId}/contributions`]) {
      expect((await outsider.api('GET', path)).status).toBe(404);
      expect((await fetch(`${server.url}/api/v1${path}`)).status).toBe(401);
    }
  });
});

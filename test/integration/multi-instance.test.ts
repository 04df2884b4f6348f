import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { CloseCode, MessageType } from '../../shared/protocol';
import { addMember, apiRequest, createProject, signUp } from '../helpers/accounts';
import { startBalancer } from '../helpers/balancer';
import { postgresForFile } from '../helpers/postgres';
import { redisForFile } from '../helpers/redis';
import { type ServerProcess, startServerProcess, startTestServer } from '../helpers/server';
import { waitFor } from '../helpers/wait-for';
import { connectClient, type YjsClient } from '../helpers/yjs-client';
import type { DocumentResponse, VersionListResponse } from '../../shared/api';

const postgres = postgresForFile();
const redis = redisForFile();

/** What every instance of one cluster shares: a database of its own on the test PostgreSQL, and the test Redis. */
async function clusterEnv(): Promise<Record<string, string>> {
  return { DATABASE_URL: await postgres().createDatabase(), REDIS_URL: redis().url };
}

/** Three in-process instances over one database and Redis; the first is started alone, so it migrates. */
async function startCluster(count = 3) {
  const env = await clusterEnv();
  const first = await startTestServer(env);
  const others = await Promise.all(Array.from({ length: count - 1 }, () => startTestServer(env)));
  return [first, ...others];
}

async function newDocument(owner: Awaited<ReturnType<typeof signUp>>, projectId: string): Promise<string> {
  const created = await owner.api('POST', `/projects/${projectId}/documents`, { title: 'Shared across instances' });
  return ((await created.json()) as DocumentResponse).document.id;
}

/** Types `count` marked words, each at a random place between two others, a few milliseconds apart. */
async function typeMarkers(client: YjsClient, name: string, count: number, typed: string[]): Promise<void> {
  for (let i = 0; i < count; i++) {
    const marker = `[${name}-${i}]`;
    const text = client.text.toString();
    const between = [0, ...[...text.matchAll(/\]/g)].map((m) => m.index + 1)];
    client.text.insert(between[Math.floor(Math.random() * between.length)]!, marker);
    typed.push(marker);
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
}

const markersOf = (text: string) => new Set(text.match(/\[[a-z0-9-]+\]/g) ?? []);

describe('several instances on PostgreSQL and Redis', () => {
  it('three instances, clients spread over them, concurrent edits: all converge, and storage holds it all', async () => {
    const instances = await startCluster();
    const owner = await signUp(instances[0]!.url, { name: 'Owner' });
    const projectId = await createProject(owner);
    const documentId = await newDocument(owner, projectId);
    const clients = Array.from({ length: 6 }, (_, i) => connectClient({ wsUrl: instances[i % 3]!.wsUrl, cookie: owner.cookie }, documentId));
    await Promise.all(clients.map((c) => c.synced()));

    const typed: string[] = [];
    await Promise.all(clients.map((client, i) => typeMarkers(client, `c${i}`, 25, typed)));
    await waitFor(
      () => clients.every((c) => c.text.toString() === clients[0]!.text.toString() && markersOf(c.text.toString()).size === typed.length),
      'every client to hold every edit',
      30_000,
    );
    // Presence crosses instances too.
    clients[2]!.provider.awareness.setLocalStateField('user', { name: 'Across' });
    await waitFor(
      () => [...clients[0]!.provider.awareness.getStates().values()].some((s) => (s.user as { name?: string })?.name === 'Across'),
      'presence to cross instances',
    );

    // A newcomer on any instance loads the same document.
    const expected = clients[0]!.text.toString();
    for (const instance of instances) {
      const newcomer = connectClient({ wsUrl: instance.wsUrl, cookie: owner.cookie }, documentId);
      await newcomer.synced();
      expect(newcomer.text.toString()).toBe(expected);
    }
  });

  it('a role lowered on one instance takes effect on a connection held by another', async () => {
    const [first, second] = await startCluster(2);
    const owner = await signUp(first!.url, { name: 'Owner' });
    const [editor, removed] = [await signUp(first!.url, { name: 'Editor' }), await signUp(first!.url, { name: 'Removed' })];
    const projectId = await createProject(owner);
    await addMember(owner, projectId, editor, 'editor');
    await addMember(owner, projectId, removed, 'editor');
    const documentId = await newDocument(owner, projectId);
    const demoted = connectClient({ wsUrl: second!.wsUrl, cookie: editor.cookie }, documentId);
    const leaving = connectClient({ wsUrl: second!.wsUrl, cookie: removed.cookie }, documentId);
    await Promise.all([demoted.synced(), leaving.synced()]);
    let denials = 0;
    (demoted.provider.ws as unknown as WebSocket).on('message', (data: ArrayBuffer) => {
      if (new Uint8Array(data)[0] === MessageType.auth) denials++;
    });
    const closed = new Promise<number>((resolve) => leaving.provider.once('connection-close', (event) => resolve(event?.code ?? -1)));

    // The owner's requests go to the first instance; both sockets are held by the second.
    expect((await owner.api('PATCH', `/projects/${projectId}/members/${editor.id}`, { role: 'viewer' })).status).toBe(200);
    expect((await owner.api('DELETE', `/projects/${projectId}/members/${removed.id}`)).status).toBe(204);
    const changedAt = Date.now();
    expect(await closed).toBe(CloseCode.forbidden);
    await waitFor(() => denials === 1, 'the demoted editor to be told the document is read-only');
    expect(Date.now() - changedAt).toBeLessThan(2000);

    const watcher = connectClient({ wsUrl: first!.wsUrl, cookie: owner.cookie }, documentId);
    await watcher.synced();
    demoted.text.insert(0, 'Typed after demotion.');
    await waitFor(() => denials === 2, 'the edit to be refused');
    watcher.text.insert(0, 'From the owner.');
    await waitFor(() => demoted.text.toString().includes('From the owner.'), 'the owner’s edit to reach the demoted editor');
    expect(watcher.text.toString()).toBe('From the owner.');
  });

  it('two instances name a version of one document at the same moment: both are kept, numbered one after the other', async () => {
    const [first, second] = await startCluster(2);
    const owner = await signUp(first!.url, { name: 'Owner' });
    const documentId = await newDocument(owner, await createProject(owner));
    const writers = [first!, second!].map((instance) => connectClient({ wsUrl: instance.wsUrl, cookie: owner.cookie }, documentId));
    await Promise.all(writers.map((w) => w.synced()));
    writers[0]!.text.insert(0, 'Before the steering committee.');
    await waitFor(() => writers[1]!.text.length > 0, 'the text to reach the second instance');

    const name = (instance: { url: string }, label: string) =>
      apiRequest(instance.url, 'POST', `/documents/${documentId}/versions`, { name: label }, owner.cookie);
    const responses = await Promise.all([name(first!, 'From the first'), name(second!, 'From the second')]);
    expect(responses.map((r) => r.status)).toEqual([201, 201]);
    const { versions } = (await (await owner.api('GET', `/documents/${documentId}/versions`)).json()) as VersionListResponse;
    const named = versions.filter((v) => v.kind === 'named');
    expect(named.map((v) => v.name).sort()).toEqual(['From the first', 'From the second']);
    expect(new Set(versions.map((v) => v.number)).size).toBe(versions.length);
  });

  it('one of three instances SIGKILLed mid-run: its clients reconnect elsewhere, nothing anyone had seen is lost, all converge', async () => {
    const env = { ...(await clusterEnv()), UNLOAD_GRACE_MS: '200', COMPACT_AFTER_UPDATES: '40' };
    const first = await startServerProcess(env);
    const instances: ServerProcess[] = [first, ...(await Promise.all([startServerProcess(env), startServerProcess(env)]))];
    const balancer = await startBalancer(instances.map((i) => i.url));
    const owner = await signUp(balancer.url, { name: 'Owner' });
    const projectId = await createProject(owner);
    const documentId = await newDocument(owner, projectId);
    // Round robin: clients i, i+3 share an instance.
    const clients = Array.from({ length: 6 }, () => connectClient({ wsUrl: balancer.wsUrl, cookie: owner.cookie }, documentId));
    await Promise.all(clients.map((c) => c.synced()));

    const typed: string[] = [];
    const typing = Promise.all(clients.map((client, i) => typeMarkers(client, `k${i}`, 60, typed)));
    await waitFor(() => typed.length >= 120, 'editing to be under way', 20_000);
    const seenAtKill = new Set(clients.flatMap((c) => [...markersOf(c.text.toString())]));
    instances[1]!.child.kill('SIGKILL');
    expect(await instances[1]!.exited).toBe('SIGKILL');
    await typing;

    await waitFor(() => clients.every((c) => c.provider.synced), 'every client to be connected again', 20_000);
    await waitFor(
      () => clients.every((c) => c.text.toString() === clients[0]!.text.toString() && markersOf(c.text.toString()).size === typed.length),
      'every client to converge on every edit',
      30_000,
    );
    const final = markersOf(clients[0]!.text.toString());
    expect([...seenAtKill].filter((m) => !final.has(m))).toEqual([]);

    // And it is durable: a newcomer through the survivors gets it all from storage.
    for (const client of clients) client.destroy();
    const newcomer = connectClient({ wsUrl: balancer.wsUrl, cookie: owner.cookie }, documentId);
    await newcomer.synced();
    expect(markersOf(newcomer.text.toString()).size).toBe(typed.length);
  }, 120_000);
});

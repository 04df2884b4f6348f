import { discussionRoom, listThreads } from '../../shared/annotations/discussion';
import type { AttributionResponse, ContributionMap } from '../../shared/api';
import type { StakeholderKind } from '../../shared/roles';
import { Authorship, contentRuns, type Copied, type Credit } from '../history/authorship';
import { documentClients, documentCredits, editCounts, insertCredits, signedNoteCounts, usersWithOrganisations } from '../storage/attribution-repository';
import type { Db } from '../storage/database';
import { listProjectDocuments } from '../storage/documents-repository';
import { docFromStored } from '../storage/stored-doc';
import { authorize } from './access';
import type { Actor, ServiceDeps } from './context';
import { authorizeDocument } from './documents';

/**
 * Who wrote what. Every Yjs item carries the client id it was written
 * under, and the server records whose each client id is when it accepts
 * the first update under it: so each character of a document is its
 * author's, wherever it moved, across restarts and compactions.
 */

interface OrganisationColumns {
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_kind: string | null;
  organisation_color: string | null;
}

export const organisationOf = (row: OrganisationColumns) =>
  row.organisation_id
    ? { id: row.organisation_id, name: row.organisation_name ?? '', kind: row.organisation_kind as StakeholderKind, color: row.organisation_color ?? '#6b7280' }
    : null;

export async function attributionOf(deps: ServiceDeps, actor: Actor, documentId: string): Promise<AttributionResponse> {
  await authorizeDocument(deps, actor, documentId, 'document.read');
  const [rows, credits] = await Promise.all([documentClients(deps.db, [documentId]), documentCredits(deps.db, [documentId])]);
  return {
    clients: rows.map((r) => ({ clientId: r.client_id, userId: r.user_id, name: r.name, organisation: organisationOf(r) })),
    credits: credits.map((c) => ({
      clientId: c.client_id,
      clock: c.clock,
      length: c.length,
      userId: c.user_id,
      name: c.name,
      organisation: organisationOf(c),
    })),
  };
}

/** Who wrote each character of a document: its client ids' owners, and the credits. */
export async function authorshipOf(db: Db, documentId: string): Promise<Authorship> {
  const [clients, credits] = await Promise.all([documentClients(db, [documentId]), documentCredits(db, [documentId])]);
  return new Authorship(
    new Map(clients.map((c) => [c.client_id, c.user_id])),
    credits.map((c) => ({ client: c.client_id, clock: c.clock, length: c.length, userId: c.user_id })),
  );
}

/** Credits copied characters (moved, pasted, restored) to whoever wrote the characters they copy. */
export async function creditCopies(db: Db, documentId: string, copied: readonly Copied[]): Promise<void> {
  if (copied.length === 0) return;
  const authorship = await authorshipOf(db, documentId);
  const credits: Credit[] = [];
  for (const copy of copied) {
    let offset = 0;
    for (const part of [...authorship.owned({ ...copy.source, length: copy.length })]) {
      const clock = copy.clock + offset;
      offset += part.length;
      // Nobody's text stays nobody's; one's own copied text is one's own already.
      if (!part.userId || part.userId === authorship.ownerAt(copy.client, clock)) continue;
      const credit = { client: copy.client, clock, length: part.length, userId: part.userId };
      credits.push(credit);
      // A later copy may copy this one (pasted after it was moved): it follows the same author.
      authorship.credit(credit);
    }
  }
  await insertCredits(db, documentId, credits);
}

export async function documentContributions(deps: ServiceDeps, actor: Actor, documentId: string): Promise<ContributionMap> {
  await authorizeDocument(deps, actor, documentId, 'document.read');
  return contributionsOf(deps, [documentId]);
}

export async function projectContributions(deps: ServiceDeps, actor: Actor, projectId: string): Promise<ContributionMap> {
  await authorize(deps, actor, projectId, 'document.read');
  return contributionsOf(deps, (await listProjectDocuments(deps.db, projectId)).map((d) => d.id));
}

/** What each contribution is counted in. */
const METRICS = ['characters', 'edits', 'messages', 'notes'] as const;
type Shares = Record<(typeof METRICS)[number], number>;

const noShares = (): Shares => ({ characters: 0, edits: 0, messages: 0, notes: 0 });

interface Person extends Shares {
  userId: string;
  name: string;
  organisation: ReturnType<typeof organisationOf>;
}

async function contributionsOf(deps: ServiceDeps, documentIds: string[]): Promise<ContributionMap> {
  const [clients, edits, credits, notes] = await Promise.all([
    documentClients(deps.db, documentIds),
    editCounts(deps.db, documentIds),
    documentCredits(deps.db, documentIds),
    signedNoteCounts(deps.db, documentIds),
  ]);
  const characters = new Map<string, number>();
  const messages = new Map<string, number>();
  const count = (counts: Map<string, number>, userId: string, by: number) => counts.set(userId, (counts.get(userId) ?? 0) + by);
  // Read from storage, not loaded into sessions: a project's documents pass through one at a time
  // and are dropped at once. Storage is never behind what anyone saw once pending appends are in.
  await deps.documentStore.flush();
  const stored = async (roomId: string) => docFromStored(await deps.documentStore.load(roomId), () => {});
  for (const documentId of documentIds) {
    const authorship = new Authorship(
      new Map(clients.filter((c) => c.document_id === documentId).map((c) => [c.client_id, c.user_id])),
      credits.filter((c) => c.document_id === documentId).map((c) => ({ client: c.client_id, clock: c.clock, length: c.length, userId: c.user_id })),
    );
    const byPerson = authorship.charactersByPerson(contentRuns(await stored(documentId)));
    for (const [userId, n] of byPerson) count(characters, userId, n);
    const threads = listThreads(await stored(discussionRoom(documentId)));
    for (const message of threads.flatMap((t) => t.messages)) if (!message.deleted) count(messages, message.author.userId, 1);
  }
  const editsOf = new Map<string, number>();
  for (const row of edits) count(editsOf, row.user_id, row.edits);
  const notesOf = new Map(notes.map((row) => [row.user_id, Number(row.notes)]));
  const ids = [...new Set([...characters.keys(), ...messages.keys(), ...editsOf.keys(), ...notesOf.keys()])];
  const people = (await usersWithOrganisations(deps.db, ids)).map((u) => ({
    userId: u.user_id,
    name: u.name,
    organisation: organisationOf(u),
    characters: characters.get(u.user_id) ?? 0,
    edits: editsOf.get(u.user_id) ?? 0,
    messages: messages.get(u.user_id) ?? 0,
    notes: notesOf.get(u.user_id) ?? 0,
  }));
  return summarise(people);
}

function summarise(people: Person[]): ContributionMap {
  const sharesOf = (p: Shares): Shares => Object.fromEntries(METRICS.map((m) => [m, p[m]])) as Shares;
  const add = <K>(groups: Map<K, Shares>, key: K, p: Shares) => {
    const g = groups.get(key) ?? noShares();
    for (const metric of METRICS) g[metric] += p[metric];
    groups.set(key, g);
  };
  const byOrganisation = new Map<string | null, Shares>();
  const byKind = new Map<StakeholderKind | null, Shares>();
  const total = noShares();
  const organisations = new Map(people.map((p) => [p.organisation?.id ?? null, p.organisation]));
  for (const p of people) {
    add(byOrganisation, p.organisation?.id ?? null, p);
    add(byKind, p.organisation?.kind ?? null, p);
    for (const metric of METRICS) total[metric] += p[metric];
  }
  // Most text first; then edits, messages and notes break ties.
  const byShare = (a: Shares, b: Shares) => METRICS.map((m) => b[m] - a[m]).find((d) => d !== 0) ?? 0;
  return {
    totals: {
      ...total,
      organisations: [...organisations.keys()].filter((id) => id !== null).length,
      stakeholderKinds: [...byKind.keys()].filter((k) => k !== null).length,
    },
    byOrganisation: [...byOrganisation].map(([id, g]) => ({ organisation: organisations.get(id) ?? null, ...g })).sort(byShare),
    byStakeholderKind: [...byKind].map(([kind, g]) => ({ kind, ...g })).sort(byShare),
    byPerson: people.map((p) => ({ userId: p.userId, name: p.name, organisationId: p.organisation?.id ?? null, ...sharesOf(p) })).sort(byShare),
  };
}

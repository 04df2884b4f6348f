import * as Y from 'yjs';
import { discussionRoom, listThreads } from '../../shared/annotations/discussion';
import type { AttributionResponse, ContributionMap } from '../../shared/api';
import { YDOC_CONTENT } from '../../shared/knowledge/kinds';
import type { StakeholderKind } from '../../shared/roles';
import { documentClients, editCounts, usersWithOrganisations } from '../storage/attribution-repository';
import { listProjectDocuments } from '../storage/documents-repository';
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

const organisationOf = (row: OrganisationColumns) =>
  row.organisation_id
    ? { id: row.organisation_id, name: row.organisation_name ?? '', kind: row.organisation_kind as StakeholderKind, color: row.organisation_color ?? '#6b7280' }
    : null;

export async function attributionOf(deps: ServiceDeps, actor: Actor, documentId: string): Promise<AttributionResponse> {
  await authorizeDocument(deps, actor, documentId, 'document.read');
  const rows = await documentClients(deps.db, [documentId]);
  return {
    clients: rows.map((r) => ({ clientId: r.client_id, userId: r.user_id, name: r.name, organisation: organisationOf(r) })),
  };
}

/** Visible characters of a document's content by the client id that wrote them. */
export function charactersByClient(doc: Y.Doc): Map<number, number> {
  const counts = new Map<number, number>();
  const visit = (type: Y.AbstractType<unknown>) => {
    for (let item = type._start; item; item = item.right) {
      if (item.deleted) continue;
      if (item.content instanceof Y.ContentString) {
        counts.set(item.id.client, (counts.get(item.id.client) ?? 0) + item.length);
      } else if (item.content instanceof Y.ContentType) {
        visit(item.content.type);
      }
    }
  };
  visit(doc.getXmlFragment(YDOC_CONTENT) as unknown as Y.AbstractType<unknown>);
  return counts;
}

export async function documentContributions(deps: ServiceDeps, actor: Actor, documentId: string): Promise<ContributionMap> {
  await authorizeDocument(deps, actor, documentId, 'document.read');
  return contributionsOf(deps, [documentId]);
}

export async function projectContributions(deps: ServiceDeps, actor: Actor, projectId: string): Promise<ContributionMap> {
  await authorize(deps, actor, projectId, 'document.read');
  return contributionsOf(deps, (await listProjectDocuments(deps.db, projectId)).map((d) => d.id));
}

interface Person {
  userId: string;
  name: string;
  organisation: ReturnType<typeof organisationOf>;
  characters: number;
  edits: number;
  messages: number;
}

async function contributionsOf(deps: ServiceDeps, documentIds: string[]): Promise<ContributionMap> {
  const [clients, edits] = await Promise.all([documentClients(deps.db, documentIds), editCounts(deps.db, documentIds)]);
  const ownerOf = new Map(clients.map((c) => [`${c.document_id}:${c.client_id}`, c.user_id]));
  const characters = new Map<string, number>();
  const messages = new Map<string, number>();
  const count = (counts: Map<string, number>, userId: string, by: number) => counts.set(userId, (counts.get(userId) ?? 0) + by);
  for (const documentId of documentIds) {
    for (const [client, n] of await deps.rooms.read(documentId, charactersByClient)) {
      const owner = ownerOf.get(`${documentId}:${client}`);
      // The template's words, and text from before authors were recorded, are nobody's.
      if (owner) count(characters, owner, n);
    }
    const threads = await deps.rooms.read(discussionRoom(documentId), listThreads);
    for (const message of threads.flatMap((t) => t.messages)) if (!message.deleted) count(messages, message.author.userId, 1);
  }
  const editsOf = new Map<string, number>();
  for (const row of edits) count(editsOf, row.user_id, row.edits);
  const ids = [...new Set([...characters.keys(), ...messages.keys(), ...editsOf.keys()])];
  const people = (await usersWithOrganisations(deps.db, ids)).map((u) => ({
    userId: u.id,
    name: u.name,
    organisation: organisationOf(u),
    characters: characters.get(u.id) ?? 0,
    edits: editsOf.get(u.id) ?? 0,
    messages: messages.get(u.id) ?? 0,
  }));
  return summarise(people);
}

function summarise(people: Person[]): ContributionMap {
  const add = <K>(groups: Map<K, { characters: number; edits: number; messages: number }>, key: K, p: Person) => {
    const g = groups.get(key) ?? { characters: 0, edits: 0, messages: 0 };
    g.characters += p.characters;
    g.edits += p.edits;
    g.messages += p.messages;
    groups.set(key, g);
  };
  const byOrganisation = new Map<string | null, { characters: number; edits: number; messages: number }>();
  const byKind = new Map<StakeholderKind | null, { characters: number; edits: number; messages: number }>();
  const organisations = new Map(people.map((p) => [p.organisation?.id ?? null, p.organisation]));
  for (const p of people) {
    add(byOrganisation, p.organisation?.id ?? null, p);
    add(byKind, p.organisation?.kind ?? null, p);
  }
  const total = people.reduce((t, p) => ({ characters: t.characters + p.characters, edits: t.edits + p.edits, messages: t.messages + p.messages }), {
    characters: 0,
    edits: 0,
    messages: 0,
  });
  const byShare = <T extends { characters: number; edits: number; messages: number }>(a: T, b: T) =>
    b.characters - a.characters || b.edits - a.edits || b.messages - a.messages;
  return {
    totals: {
      ...total,
      organisations: [...organisations.keys()].filter((id) => id !== null).length,
      stakeholderKinds: [...byKind.keys()].filter((k) => k !== null).length,
    },
    byOrganisation: [...byOrganisation].map(([id, g]) => ({ organisation: organisations.get(id) ?? null, ...g })).sort(byShare),
    byStakeholderKind: [...byKind].map(([kind, g]) => ({ kind, ...g })).sort(byShare),
    byPerson: people
      .map((p) => ({ userId: p.userId, name: p.name, organisationId: p.organisation?.id ?? null, characters: p.characters, edits: p.edits, messages: p.messages }))
      .sort(byShare),
  };
}

import * as Y from 'yjs';
import type { ContributionTimeline, RestoreResponse, Version, VersionComparison, VersionContentResponse, VersionKind, VersionPerson } from '../../shared/api';
import { parseRoom } from '../../shared/rooms';
import { notFound } from '../errors';
import { contentRuns } from '../history/authorship';
import { compareSnapshots } from '../history/compare';
import { restoreInto } from '../history/restore';
import { captureChanges, replayHistory, visibleCopy } from '../history/versions';
import { usersWithOrganisations } from '../storage/attribution-repository';
import type { Db } from '../storage/database';
import { isUniqueViolation } from '../storage/dialect';
import { listProjectDocuments, recordContributors } from '../storage/documents-repository';
import * as repo from '../storage/versions-repository';
import { authorize } from './access';
import { authorshipOf, creditCopies, organisationOf } from './attribution';
import type { Actor, ServiceDeps } from './context';
import { authorizeDocument } from './documents';
import { newId } from './ids';

/** Where the collaboration layer asks for an automatic version of a loaded document. */
export interface DocumentVersions {
  capture(roomId: string, doc: Y.Doc): Promise<void>;
}

/** Automatic versions of documents' content (a discussion has no history of its own). */
export function automaticVersions(deps: Pick<ServiceDeps, 'db' | 'clock'>): DocumentVersions {
  return {
    async capture(roomId, doc) {
      const room = parseRoom(roomId);
      if (room?.channel === 'content') await takeVersion(deps, room.documentId, doc, { kind: 'auto', onlyIfChanged: true });
    },
  };
}

/** Versions of one document are taken one at a time: each is the increment on the one before. */
const queues = new WeakMap<Db, Map<string, Promise<unknown>>>();

function serially<T>(db: Db, documentId: string, work: () => Promise<T>): Promise<T> {
  const byDocument = queues.get(db) ?? new Map<string, Promise<unknown>>();
  queues.set(db, byDocument);
  const run = (byDocument.get(documentId) ?? Promise.resolve()).then(work, work);
  const settled = run.then(
    () => {},
    () => {},
  );
  byDocument.set(documentId, settled);
  void settled.then(() => {
    if (byDocument.get(documentId) === settled) byDocument.delete(documentId);
  });
  return run;
}

interface TakeOptions {
  kind: VersionKind;
  name?: string;
  createdBy?: string;
  restoredFrom?: string;
  /** Answer the newest version instead of taking one when nothing changed since. */
  onlyIfChanged?: boolean;
}

/**
 * Takes a version of `doc` as it is at this instant: the changes since the
 * newest version, its snapshot, and how many characters each person has in
 * it then. Null when asked only for a change and there is none, nor any
 * version yet.
 */
async function takeVersion(deps: Pick<ServiceDeps, 'db' | 'clock'>, documentId: string, doc: Y.Doc, options: TakeOptions) {
  return serially(deps.db, documentId, () => againOnConflict(async () => {
    const last = await repo.latestVersion(deps.db, documentId);
    // Read at one instant: the document keeps changing while storage is asked.
    const captured = captureChanges(doc, last?.snapshot ?? null);
    const runs = contentRuns(doc);
    if (!captured.changed && options.onlyIfChanged) return last ? ((await repo.findVersion(deps.db, documentId, last.id)) ?? null) : null;
    const authorship = await authorshipOf(deps.db, documentId);
    const authors = authorship.charactersByPerson(runs);
    // Whose edits this holds: everyone whose update was stored since, and the authors of what it adds.
    const writers = new Set(Y.decodeUpdate(captured.changes).structs.map((s) => authorship.ownerAt(s.id.client, s.id.clock)));
    const editors = new Set([...(await repo.editorsSince(deps.db, documentId, last?.created_at ?? 0)), ...writers]);
    editors.delete(null);
    const version = {
      id: newId(),
      document_id: documentId,
      number: (last?.number ?? 0) + 1,
      kind: options.kind,
      name: options.name ?? null,
      created_at: Math.max(deps.clock(), (last?.created_at ?? 0) + 1),
      created_by: options.createdBy ?? null,
      restored_from: options.restoredFrom ?? null,
      changes: captured.changes,
      snapshot: captured.snapshot,
      characters: runs.reduce((sum, r) => sum + r.length, 0),
      authors: JSON.stringify(Object.fromEntries(authors)),
    };
    await repo.insertVersion(deps.db, version, [...editors].filter((e): e is string => e !== null));
    return repo.findVersion(deps.db, documentId, version.id);
  }));
}

/**
 * Another server instance may take the next version of the same document at
 * the same moment: the unique number refuses the second, which is then taken
 * again, on top of the first.
 */
async function againOnConflict<T>(take: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await take();
    } catch (error) {
      if (attempt === 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

/** People by id, with their organisations. */
async function peopleById(db: Db, userIds: Iterable<string>): Promise<Map<string, VersionPerson>> {
  const rows = await usersWithOrganisations(db, [...new Set(userIds)]);
  return new Map(rows.map((u) => [u.user_id, { userId: u.user_id, name: u.name, organisation: organisationOf(u) }]));
}

async function describe(db: Db, rows: repo.VersionRow[]): Promise<Version[]> {
  const editors = await repo.versionEditors(db, rows.map((r) => r.id));
  const people = await peopleById(db, [...editors.map((e) => e.user_id), ...rows.flatMap((r) => (r.created_by ? [r.created_by] : []))]);
  const numbers = new Map(rows.map((r) => [r.id, r.number]));
  const missing = rows.flatMap((r) => (r.restored_from && !numbers.has(r.restored_from) ? [r.restored_from] : []));
  for (const row of missing.length > 0 ? await repo.versionsByIds(db, missing) : []) numbers.set(row.id, row.number);
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    kind: row.kind,
    name: row.name,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: (row.created_by && people.get(row.created_by)) || null,
    editors: editors.flatMap((e) => (e.version_id === row.id && people.has(e.user_id) ? [people.get(e.user_id)!] : [])),
    restoredFrom: row.restored_from && numbers.has(row.restored_from) ? { id: row.restored_from, number: numbers.get(row.restored_from)! } : null,
    characters: row.characters,
    bytes: row.bytes,
  }));
}

async function describeOne(db: Db, row: repo.VersionRow): Promise<Version> {
  return (await describe(db, [row]))[0]!;
}

export async function listDocumentVersions(deps: ServiceDeps, actor: Actor, documentId: string): Promise<Version[]> {
  await authorizeDocument(deps, actor, documentId, 'document.read');
  return describe(deps.db, await repo.listVersions(deps.db, [documentId]));
}

/** Names the document as it is now. */
export async function nameVersion(deps: ServiceDeps, actor: Actor, documentId: string, name: string): Promise<Version> {
  await authorizeDocument(deps, actor, documentId, 'document.edit');
  const row = await deps.rooms.read(documentId, (doc) => takeVersion(deps, documentId, doc, { kind: 'named', name, createdBy: actor.id }));
  return describeOne(deps.db, row!);
}

async function findVersionOf(deps: ServiceDeps, documentId: string, versionId: string): Promise<repo.VersionRow> {
  const row = await repo.findVersion(deps.db, documentId, versionId);
  if (!row) throw notFound('Version');
  return row;
}

/** The document as it stood at the version, without the text deleted before it. */
async function contentAt(deps: ServiceDeps, documentId: string, version: repo.VersionRow): Promise<Y.Doc> {
  const { history } = replayHistory(await repo.versionChanges(deps.db, documentId, version.number));
  const doc = visibleCopy(history);
  history.destroy();
  return doc;
}

export async function versionContent(deps: ServiceDeps, actor: Actor, documentId: string, versionId: string): Promise<VersionContentResponse> {
  await authorizeDocument(deps, actor, documentId, 'document.read');
  const row = await findVersionOf(deps, documentId, versionId);
  const doc = await contentAt(deps, documentId, row);
  const update = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
  doc.destroy();
  return { version: await describeOne(deps.db, row), update };
}

/**
 * What changed from one version to another, or to the document as it is
 * now: every character of either, marked as kept, inserted or deleted, with
 * its author.
 */
export async function compareVersions(
  deps: ServiceDeps,
  actor: Actor,
  documentId: string,
  fromId: string,
  toId: string | undefined,
): Promise<VersionComparison> {
  await authorizeDocument(deps, actor, documentId, 'document.read');
  const from = await findVersionOf(deps, documentId, fromId);
  const to = toId === undefined ? null : await findVersionOf(deps, documentId, toId);
  const versions = await repo.versionChanges(deps.db, documentId, to ? Math.max(from.number, to.number) : undefined);
  // The document as it is now stands one step past the newest version: what it holds beyond it, read at one instant.
  const NOW = Number.MAX_SAFE_INTEGER;
  if (!to) {
    const latest = await repo.latestVersion(deps.db, documentId);
    const current = await deps.rooms.read(documentId, (doc) => captureChanges(doc, latest!.snapshot));
    versions.push({ number: NOW, changes: current.changes });
  }
  const { history, snapshots } = replayHistory(versions, [from.number, to?.number ?? NOW]);
  const comparison = compareSnapshots(history, snapshots.get(from.number)!, snapshots.get(to?.number ?? NOW)!, await authorshipOf(deps.db, documentId));
  history.destroy();
  const authors = new Set(comparison.blocks.flatMap((b) => b.segments.flatMap((s) => (s.userId ? [s.userId] : []))));
  const [fromVersion, toVersion] = await describe(deps.db, to ? [from, to] : [from]);
  return { ...comparison, from: fromVersion!, to: toVersion ?? null, people: [...(await peopleById(deps.db, authors)).values()] };
}

/**
 * Brings a version's content back as a new change on top of the document:
 * nothing is rewritten, the content just before is kept as a version (to
 * undo the restore, restore that one), the restored text stays its first
 * authors', and the restore is recorded as the restorer's.
 */
export async function restoreVersion(deps: ServiceDeps, actor: Actor, documentId: string, versionId: string): Promise<RestoreResponse> {
  await authorizeDocument(deps, actor, documentId, 'document.edit');
  const row = await findVersionOf(deps, documentId, versionId);
  const target = await contentAt(deps, documentId, row);
  const previous = await deps.rooms.read(documentId, (doc) => takeVersion(deps, documentId, doc, { kind: 'auto', onlyIfChanged: true }));
  const copied = await deps.rooms.changeAsServer(documentId, (doc) => restoreInto(doc, target));
  target.destroy();
  await creditCopies(deps.db, documentId, copied);
  await recordContributors(deps.db, documentId, new Map([[actor.id, 1]]), deps.clock());
  const restored = await deps.rooms.read(documentId, (doc) =>
    takeVersion(deps, documentId, doc, { kind: 'restore', createdBy: actor.id, restoredFrom: row.id }),
  );
  const [restoredVersion, previousVersion] = await describe(deps.db, [restored!, previous!]);
  return { restored: restoredVersion!, previous: previousVersion! };
}

/** Characters per person at each version of the document. */
export async function documentContributionTimeline(deps: ServiceDeps, actor: Actor, documentId: string): Promise<ContributionTimeline> {
  await authorizeDocument(deps, actor, documentId, 'document.read');
  return timeline(deps.db, [documentId], (at) => new Date(at).toISOString());
}

/** Characters per person in the project's documents at the end of each day a version was taken. */
export async function projectContributionTimeline(deps: ServiceDeps, actor: Actor, projectId: string): Promise<ContributionTimeline> {
  await authorize(deps, actor, projectId, 'document.read');
  const documents = await listProjectDocuments(deps.db, projectId);
  return timeline(deps.db, documents.map((d) => d.id), (at) => `${new Date(at).toISOString().slice(0, 10)}T23:59:59.999Z`);
}

/** Points in time at most; older ones are dropped. */
const MAX_POINTS = 500;

/**
 * Each point sums every document's newest version up to it; versions that
 * fall on the same point (`pointOf` their time) make one.
 */
async function timeline(db: Db, documentIds: string[], pointOf: (at: number) => string): Promise<ContributionTimeline> {
  const rows = (await repo.listVersions(db, documentIds, 20_000)).reverse();
  const latest = new Map<string, Record<string, number>>();
  const points: ContributionTimeline['points'] = [];
  for (const row of rows) {
    latest.set(row.document_id, JSON.parse(row.authors) as Record<string, number>);
    const totals = new Map<string, number>();
    for (const authors of latest.values()) for (const [userId, n] of Object.entries(authors)) totals.set(userId, (totals.get(userId) ?? 0) + n);
    const point = { at: pointOf(row.created_at), characters: [...totals].map(([userId, characters]) => ({ userId, characters })) };
    if (points.at(-1)?.at === point.at) points[points.length - 1] = point;
    else points.push(point);
  }
  const kept = points.slice(-MAX_POINTS);
  const people = await peopleById(db, kept.flatMap((p) => p.characters.map((c) => c.userId)));
  return { points: kept, people: [...people.values()] };
}

import type { DocumentStatus } from '../../shared/knowledge/kinds';
import type { Db, DocumentLinkKind, DocumentRow, DocumentsTable, NewDocumentRow, OrganisationRow } from './database';
import type { Updateable } from 'kysely';

export function listProjectDocuments(db: Db, projectId: string): Promise<DocumentRow[]> {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
}

export function findDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDocument(db: Db, row: NewDocumentRow): Promise<DocumentRow> {
  return db.insertInto('documents').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function deleteDocument(db: Db, id: string): Promise<void> {
  await db.deleteFrom('documents').where('id', '=', id).execute();
}

export function updateDocument(
  db: Db,
  id: string,
  changes: Pick<Updateable<DocumentsTable>, 'title' | 'themes' | 'tags' | 'language'>,
  now: number,
): Promise<DocumentRow | undefined> {
  return db
    .updateTable('documents')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Moves a document from `from` to `to` and records who did it, only if it
 * is still at `from`: of two people moving it at once, the second is told.
 */
export async function moveStatus(
  db: Db,
  move: { documentId: string; from: DocumentStatus; to: DocumentStatus; by: string; at: number },
): Promise<DocumentRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('documents')
      .set({ status: move.to, status_changed_by: move.by, status_changed_at: move.at, updated_at: move.at })
      .where('id', '=', move.documentId)
      .where('status', '=', move.from)
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    await trx
      .insertInto('document_status_changes')
      .values({ document_id: move.documentId, from_status: move.from, to_status: move.to, changed_by: move.by, changed_at: move.at })
      .execute();
    return row;
  });
}

/** Names of people, by id. */
export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The organisations of the people who edited each document, in order of first contribution. */
export async function contributorOrganisations(db: Db, documentIds: string[]): Promise<Map<string, OrganisationRow[]>> {
  const byDocument = new Map<string, OrganisationRow[]>();
  if (documentIds.length === 0) return byDocument;
  const rows = await db
    .selectFrom('document_contributors as dc')
    .innerJoin('users as u', 'u.id', 'dc.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['dc.document_id', 'o.id', 'o.name', 'o.kind', 'o.country', 'o.color', 'o.created_at'])
    .where('dc.document_id', 'in', documentIds)
    .orderBy('dc.first_at')
    .execute();
  for (const { document_id, ...organisation } of rows) {
    const list = byDocument.get(document_id) ?? [];
    if (!list.some((o) => o.id === organisation.id)) list.push(organisation);
    byDocument.set(document_id, list);
  }
  return byDocument;
}

/** Counts `edits` more stored updates for each person (0 to credit them without an edit of their own). */
export async function recordContributors(db: Db, documentId: string, edits: ReadonlyMap<string, number>, at: number): Promise<void> {
  if (edits.size === 0) return;
  await db
    .insertInto('document_contributors')
    .values([...edits].map(([user_id, count]) => ({ document_id: documentId, user_id, first_at: at, last_at: at, edits: count })))
    .onConflict((oc) =>
      oc.columns(['document_id', 'user_id']).doUpdateSet((eb) => ({
        last_at: at,
        edits: eb('document_contributors.edits', '+', eb.ref('excluded.edits')),
      })),
    )
    .execute();
}

/** Links kept per document: far more than a text needs, and under SQLite's limit of bound values. */
export const MAX_MENTIONS = 500;

/**
 * Replaces the documents `sourceId`'s text links to, keeping only documents
 * of the same project: a link must not reveal a document to people who
 * cannot open it.
 */
export async function replaceMentions(db: Db, sourceId: string, targetIds: string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('document_links').where('source_id', '=', sourceId).where('kind', '=', 'mention').execute();
    const targets = [...new Set(targetIds)].filter((id) => id !== sourceId).slice(0, MAX_MENTIONS);
    if (targets.length === 0) return;
    const sameProject = await trx
      .selectFrom('documents as t')
      .innerJoin('documents as s', 's.project_id', 't.project_id')
      .select('t.id')
      .where('s.id', '=', sourceId)
      .where('t.id', 'in', targets)
      .execute();
    if (sameProject.length === 0) return;
    await trx
      .insertInto('document_links')
      .values(sameProject.map((t) => ({ source_id: sourceId, target_id: t.id, kind: 'mention' as const, entry_id: null })))
      .execute();
  });
}

export async function insertLink(
  db: Db,
  link: { source_id: string; target_id: string; kind: DocumentLinkKind; entry_id: string | null },
): Promise<void> {
  await db.insertInto('document_links').values(link).onConflict((oc) => oc.doNothing()).execute();
}

export interface LinkedRow {
  id: string;
  title: string;
  kind: DocumentRow['kind'];
  status: DocumentRow['status'];
  entry_id: string | null;
}

/** Documents `documentId` links to, and documents that link to it. */
export async function linksOf(db: Db, documentId: string): Promise<{ outgoing: LinkedRow[]; backlinks: LinkedRow[] }> {
  const [outgoing, backlinks] = await Promise.all([
    db
      .selectFrom('document_links as l')
      .innerJoin('documents as d', 'd.id', 'l.target_id')
      .select(['d.id', 'd.title', 'd.kind', 'd.status', 'l.entry_id'])
      .where('l.source_id', '=', documentId)
      .orderBy('d.title')
      .execute(),
    db
      .selectFrom('document_links as l')
      .innerJoin('documents as d', 'd.id', 'l.source_id')
      .select(['d.id', 'd.title', 'd.kind', 'd.status', 'l.entry_id'])
      .where('l.target_id', '=', documentId)
      .orderBy('d.title')
      .execute(),
  ]);
  // A document both mentioned and promoted from shows once.
  const once = (rows: LinkedRow[]) => rows.filter((row, i) => rows.findIndex((r) => r.id === row.id) === i);
  return { outgoing: once(outgoing), backlinks: once(backlinks) };
}

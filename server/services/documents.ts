import type { z } from 'zod';
import type {
  changeStatusInputSchema,
  createDocumentInputSchema,
  DocumentDetail,
  DocumentLinksResponse,
  DocumentSummary,
  updateDocumentInputSchema,
} from '../../shared/api';
import { type DocumentKind, transitionAction } from '../../shared/knowledge/kinds';
import { templateUpdate } from '../../shared/knowledge/template';
import { defaultTitle } from '../../shared/knowledge/template-text';
import { type ProjectAction, type Role, roleAllows } from '../../shared/roles';
import { conflict, forbidden, notFound } from '../errors';
import type { DocumentRow } from '../storage/database';
import * as repo from '../storage/documents-repository';
import { findProject } from '../storage/projects-repository';
import { authorize } from './access';
import type { Actor, ServiceDeps } from './context';
import { newId } from './ids';
import { indexStoredDocument } from './search';

type ProjectDocumentRow = DocumentRow & { project_id: string };

const labels = (json: string): string[] => {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === 'string') : [];
};

/** Summaries of documents, with who moved each to its status and the organisations that wrote in it. */
export async function summarize(deps: ServiceDeps, rows: ProjectDocumentRow[]): Promise<DocumentSummary[]> {
  const [names, contributors] = await Promise.all([
    repo.userNames(deps.db, rows.flatMap((r) => (r.status_changed_by ? [r.status_changed_by] : []))),
    repo.contributorOrganisations(deps.db, rows.map((r) => r.id)),
  ]);
  return rows.map((row) => ({
    id: row.id,
    projectId: row.project_id,
    title: row.title,
    kind: row.kind,
    status: row.status,
    statusChange:
      row.status_changed_by && row.status_changed_at !== null
        ? { byName: names.get(row.status_changed_by) ?? '', at: new Date(row.status_changed_at).toISOString() }
        : null,
    language: row.language,
    themes: labels(row.themes),
    tags: labels(row.tags),
    contributors: (contributors.get(row.id) ?? []).map((o) => ({ id: o.id, name: o.name, kind: o.kind, color: o.color })),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
}

const summarizeOne = async (deps: ServiceDeps, row: ProjectDocumentRow) => (await summarize(deps, [row]))[0]!;

/**
 * The document and the actor's role in its project, if the role allows the
 * action. A document outside the actor's projects does not exist for them.
 */
export async function authorizeDocument(
  deps: ServiceDeps,
  actor: Actor,
  documentId: string,
  action: ProjectAction,
): Promise<{ row: ProjectDocumentRow; role: Role }> {
  const row = await repo.findDocument(deps.db, documentId);
  if (!row?.project_id) throw notFound('Document');
  try {
    const role = await authorize(deps, actor, row.project_id, action);
    return { row: { ...row, project_id: row.project_id }, role };
  } catch (error) {
    // Same answer as for a missing document: ids reveal nothing about other projects.
    if ((error as { code?: string }).code === 'not_found') throw notFound('Document');
    throw error;
  }
}

export async function listProjectDocuments(deps: ServiceDeps, actor: Actor, projectId: string): Promise<DocumentSummary[]> {
  await authorize(deps, actor, projectId, 'document.read');
  const rows = await repo.listProjectDocuments(deps.db, projectId);
  return summarize(deps, rows.map((r) => ({ ...r, project_id: projectId })));
}

export async function getDocument(deps: ServiceDeps, actor: Actor, documentId: string): Promise<DocumentDetail> {
  const { row, role } = await authorizeDocument(deps, actor, documentId, 'document.read');
  const project = await findProject(deps.db, row.project_id);
  return { ...(await summarizeOne(deps, row)), projectTitle: project?.title ?? '', myRole: role };
}

/**
 * A new document of a kind, starting from that kind's template in the
 * document's language. The template is stored as the document's first
 * update before anyone can open it, so it is there exactly once however
 * many people open the new document at the same moment. `content`, when
 * the server writes the first words itself (a promotion, the demo),
 * replaces the bare template.
 */
export async function createDocument(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  // Any kind: the server makes workshops through this too, though people create only knowledge kinds.
  input: Omit<z.output<typeof createDocumentInputSchema>, 'kind'> & { kind?: DocumentKind },
  content?: Uint8Array,
): Promise<DocumentSummary> {
  await authorize(deps, actor, projectId, 'document.create');
  const now = deps.clock();
  const kind = input.kind ?? 'free';
  const language = input.language ?? actor.language;
  const row = await repo.insertDocument(deps.db, {
    id: newId(),
    project_id: projectId,
    title: input.title ?? defaultTitle(kind, language),
    kind,
    language,
    created_at: now,
    updated_at: now,
  });
  const first = content ?? templateUpdate(kind, language);
  try {
    if (first) await deps.documentStore.append(row.id, first);
  } catch (error) {
    // A document without its template would open blank: it goes, and the creator may try again.
    await repo.deleteDocument(deps.db, row.id);
    throw error;
  }
  await indexStoredDocument(deps, row.id);
  return summarizeOne(deps, { ...row, project_id: projectId });
}

export async function updateDocument(
  deps: ServiceDeps,
  actor: Actor,
  documentId: string,
  input: z.output<typeof updateDocumentInputSchema>,
): Promise<DocumentSummary> {
  await authorizeDocument(deps, actor, documentId, 'document.update');
  const row = await repo.updateDocument(
    deps.db,
    documentId,
    {
      title: input.title,
      language: input.language,
      themes: input.themes && JSON.stringify(input.themes),
      tags: input.tags && JSON.stringify(input.tags),
    },
    deps.clock(),
  );
  if (!row?.project_id) throw notFound('Document');
  if (input.title !== undefined) await deps.search.retitle(documentId, row.title);
  return summarizeOne(deps, { ...row, project_id: row.project_id });
}

/** Moves a document along draft → in review → validated → published, as the actor's role allows. */
export async function changeStatus(
  deps: ServiceDeps,
  actor: Actor,
  documentId: string,
  { status }: z.output<typeof changeStatusInputSchema>,
): Promise<DocumentSummary> {
  const { row, role } = await authorizeDocument(deps, actor, documentId, 'document.submit');
  const action = transitionAction(row.status, status);
  if (!action) throw conflict('invalid_transition', `A document cannot move from ${row.status} to ${status}`);
  if (!roleAllows(role, action)) throw forbidden(`Your role (${role}) cannot move a document from ${row.status} to ${status}`);
  const moved = await repo.moveStatus(deps.db, { documentId, from: row.status, to: status, by: actor.id, at: deps.clock() });
  if (!moved) throw conflict('invalid_transition', 'Someone changed the status meanwhile');
  return summarizeOne(deps, { ...moved, project_id: row.project_id });
}

export async function documentLinks(deps: ServiceDeps, actor: Actor, documentId: string): Promise<DocumentLinksResponse> {
  await authorizeDocument(deps, actor, documentId, 'document.read');
  const { outgoing, backlinks } = await repo.linksOf(deps.db, documentId);
  const toLinked = (r: repo.LinkedRow) => ({ id: r.id, title: r.title, kind: r.kind, status: r.status, entryId: r.entry_id });
  return { outgoing: outgoing.map(toLinked), backlinks: backlinks.map(toLinked) };
}

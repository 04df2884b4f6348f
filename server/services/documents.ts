import type { z } from 'zod';
import type { createDocumentInputSchema, DocumentDetail, DocumentSummary, updateDocumentInputSchema } from '../../shared/api';
import type { ProjectAction, Role } from '../../shared/roles';
import { notFound } from '../errors';
import type { DocumentRow } from '../storage/database';
import * as repo from '../storage/documents-repository';
import { findProject } from '../storage/projects-repository';
import { authorize } from './access';
import type { Actor, ServiceDeps } from './context';
import { newId } from './ids';

export function toSummary(row: DocumentRow & { project_id: string }): DocumentSummary {
  return {
    id: row.id,
    projectId: row.project_id,
    title: row.title,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/**
 * The document and the actor's role in its project, if the role allows the
 * action. A document outside the actor's projects does not exist for them.
 */
export async function authorizeDocument(
  deps: ServiceDeps,
  actor: Actor,
  documentId: string,
  action: ProjectAction,
): Promise<{ row: DocumentRow & { project_id: string }; role: Role }> {
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
  return (await repo.listProjectDocuments(deps.db, projectId)).map((r) => toSummary({ ...r, project_id: projectId }));
}

export async function getDocument(deps: ServiceDeps, actor: Actor, documentId: string): Promise<DocumentDetail> {
  const { row, role } = await authorizeDocument(deps, actor, documentId, 'document.read');
  const project = await findProject(deps.db, row.project_id);
  return { ...toSummary(row), projectTitle: project?.title ?? '', myRole: role };
}

export async function createDocument(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: z.output<typeof createDocumentInputSchema>,
): Promise<DocumentSummary> {
  await authorize(deps, actor, projectId, 'document.create');
  const now = deps.clock();
  const row = await repo.insertDocument(deps.db, {
    id: newId(),
    project_id: projectId,
    title: input.title ?? '',
    created_at: now,
    updated_at: now,
  });
  return toSummary({ ...row, project_id: projectId });
}

export async function renameDocument(
  deps: ServiceDeps,
  actor: Actor,
  documentId: string,
  input: z.output<typeof updateDocumentInputSchema>,
): Promise<DocumentSummary> {
  await authorizeDocument(deps, actor, documentId, 'document.update');
  const row = await repo.updateDocumentTitle(deps.db, documentId, input.title, deps.clock());
  if (!row?.project_id) throw notFound('Document');
  return toSummary({ ...row, project_id: row.project_id });
}

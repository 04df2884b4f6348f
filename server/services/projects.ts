import type { z } from 'zod';
import type { createProjectInputSchema, Organisation, Project, updateProjectInputSchema } from '../../shared/api';
import type { Role } from '../../shared/roles';
import { notFound } from '../errors';
import { findOrganisation } from '../storage/accounts-repository';
import type { ProjectRow, UserRow } from '../storage/database';
import * as repo from '../storage/projects-repository';
import { authorize } from './access';
import type { Actor, ServiceDeps } from './context';
import { newId } from './ids';
import { toOrganisation } from './organisations';

function toProject(row: ProjectRow, role: Role, partners: Organisation[]): Project {
  return {
    id: row.id,
    title: row.title,
    programme: row.programme,
    summary: row.summary,
    countries: JSON.parse(row.countries) as string[],
    themes: JSON.parse(row.themes) as string[],
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    partners,
    myRole: role,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

async function partnersByProject(deps: ServiceDeps, projectIds: string[]): Promise<Map<string, Organisation[]>> {
  const byProject = new Map<string, Organisation[]>(projectIds.map((id) => [id, []]));
  for (const row of await repo.listPartners(deps.db, projectIds)) byProject.get(row.project_id)?.push(toOrganisation(row));
  return byProject;
}

/** The creator owns the new project, and their organisation is its first partner. */
export async function createProject(
  deps: ServiceDeps,
  actor: Actor,
  input: z.output<typeof createProjectInputSchema>,
): Promise<Project> {
  const now = deps.clock();
  const row: ProjectRow = {
    id: newId(),
    title: input.title,
    programme: input.programme ?? '',
    summary: input.summary ?? '',
    countries: JSON.stringify(input.countries ?? []),
    themes: JSON.stringify(input.themes ?? []),
    starts_on: input.startsOn ?? null,
    ends_on: input.endsOn ?? null,
    status: input.status ?? 'active',
    created_at: now,
    updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertProject(trx, row);
    await repo.upsertMember(trx, row.id, actor.id, 'owner', now);
    if (actor.organisation_id) await repo.insertPartner(trx, row.id, actor.organisation_id);
  });
  return getProject(deps, actor, row.id);
}

export async function listProjects(deps: ServiceDeps, actor: Actor): Promise<Project[]> {
  const rows = await repo.listProjectsOfUser(deps.db, actor.id);
  const partners = await partnersByProject(deps, rows.map((r) => r.id));
  return rows.map((r) => toProject(r, r.role, partners.get(r.id) ?? []));
}

export async function getProject(deps: ServiceDeps, actor: Actor, projectId: string): Promise<Project> {
  const role = await authorize(deps, actor, projectId, 'project.read');
  const row = await repo.findProject(deps.db, projectId);
  if (!row) throw notFound('Project');
  const partners = await partnersByProject(deps, [projectId]);
  return toProject(row, role, partners.get(projectId) ?? []);
}

export async function updateProject(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: z.output<typeof updateProjectInputSchema>,
): Promise<Project> {
  await authorize(deps, actor, projectId, 'project.update');
  await repo.updateProject(deps.db, projectId, {
    title: input.title,
    programme: input.programme,
    summary: input.summary,
    countries: input.countries && JSON.stringify(input.countries),
    themes: input.themes && JSON.stringify(input.themes),
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    status: input.status,
    updated_at: deps.clock(),
  });
  return getProject(deps, actor, projectId);
}

export async function addPartner(deps: ServiceDeps, actor: Actor, projectId: string, organisationId: string): Promise<Organisation> {
  await authorize(deps, actor, projectId, 'partners.manage');
  const organisation = await findOrganisation(deps.db, organisationId);
  if (!organisation) throw notFound('Organisation');
  await repo.insertPartner(deps.db, projectId, organisationId);
  return toOrganisation(organisation);
}

export async function removePartner(deps: ServiceDeps, actor: Actor, projectId: string, organisationId: string): Promise<void> {
  await authorize(deps, actor, projectId, 'partners.manage');
  await repo.deletePartner(deps.db, projectId, organisationId);
}

/**
 * Documents from before accounts existed are gathered into a project owned by
 * the first administrator, so no earlier work is left unreachable.
 */
export async function gatherDocumentsWithoutProject(deps: ServiceDeps, admin: UserRow): Promise<void> {
  const orphans = await deps.db.selectFrom('documents').select('id').where('project_id', 'is', null).execute();
  if (orphans.length === 0) return;
  const project = await createProject(deps, admin, { title: 'Earlier documents' });
  await deps.db.updateTable('documents').set({ project_id: project.id }).where('project_id', 'is', null).execute();
}

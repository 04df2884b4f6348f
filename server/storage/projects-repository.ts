import type { Role } from '../../shared/roles';
import type { Db, OrganisationRow, ProjectRow, ProjectsTable } from './database';

export async function insertProject(db: Db, row: ProjectsTable): Promise<void> {
  await db.insertInto('projects').values(row).execute();
}

export function findProject(db: Db, id: string): Promise<ProjectRow | undefined> {
  return db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateProject(db: Db, id: string, changes: Partial<ProjectsTable>): Promise<void> {
  await db.updateTable('projects').set(changes).where('id', '=', id).execute();
}

/** Projects a person is a member of, with their role, most recently active first. */
export function listProjectsOfUser(db: Db, userId: string): Promise<Array<ProjectRow & { role: Role }>> {
  return db
    .selectFrom('projects')
    .innerJoin('project_members', 'project_members.project_id', 'projects.id')
    .selectAll('projects')
    .select('project_members.role')
    .where('project_members.user_id', '=', userId)
    .orderBy('projects.updated_at', 'desc')
    .execute();
}

export async function findRole(db: Db, projectId: string, userId: string): Promise<Role | null> {
  const row = await db
    .selectFrom('project_members')
    .select('role')
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

export async function upsertMember(db: Db, projectId: string, userId: string, role: Role, now: number): Promise<void> {
  await db
    .insertInto('project_members')
    .values({ project_id: projectId, user_id: userId, role, created_at: now })
    .onConflict((oc) => oc.columns(['project_id', 'user_id']).doUpdateSet({ role }))
    .execute();
}

export async function deleteMember(db: Db, projectId: string, userId: string): Promise<void> {
  await db.deleteFrom('project_members').where('project_id', '=', projectId).where('user_id', '=', userId).execute();
}

export async function countOwners(db: Db, projectId: string): Promise<number> {
  const row = await db
    .selectFrom('project_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('project_id', '=', projectId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listMembers(db: Db, projectId: string) {
  return db
    .selectFrom('project_members')
    .innerJoin('users', 'users.id', 'project_members.user_id')
    .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id as user_id',
      'users.name',
      'users.email',
      'project_members.role',
      'project_members.created_at',
      'organisations.id as organisation_id',
      'organisations.name as organisation_name',
      'organisations.kind as organisation_kind',
      'organisations.country as organisation_country',
      'organisations.color as organisation_color',
    ])
    .where('project_members.project_id', '=', projectId)
    .orderBy('project_members.created_at')
    .execute();
}

export function listPartners(db: Db, projectIds: string[]): Promise<Array<OrganisationRow & { project_id: string }>> {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('project_partners')
    .innerJoin('organisations', 'organisations.id', 'project_partners.organisation_id')
    .selectAll('organisations')
    .select('project_partners.project_id')
    .where('project_partners.project_id', 'in', projectIds)
    .orderBy('organisations.name')
    .execute();
}

export async function insertPartner(db: Db, projectId: string, organisationId: string): Promise<void> {
  await db
    .insertInto('project_partners')
    .values({ project_id: projectId, organisation_id: organisationId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function deletePartner(db: Db, projectId: string, organisationId: string): Promise<void> {
  await db
    .deleteFrom('project_partners')
    .where('project_id', '=', projectId)
    .where('organisation_id', '=', organisationId)
    .execute();
}

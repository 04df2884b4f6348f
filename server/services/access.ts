import type { ProjectAction, Role } from '../../shared/roles';
import { forbidden, notFound } from '../errors';
import { decide } from '../policies/project-policy';
import { findRole } from '../storage/projects-repository';
import type { Actor, ServiceDeps } from './context';

/** Checks the actor's role in a project for an action; returns the role, or throws 404/403. */
export async function authorize(deps: ServiceDeps, actor: Actor, projectId: string, action: ProjectAction): Promise<Role> {
  const role = await findRole(deps.db, projectId, actor.id);
  switch (decide(role, action)) {
    case 'not_found':
      throw notFound('Project');
    case 'forbidden':
      throw forbidden(`Your role (${role}) does not allow ${action}`);
    case 'allow':
      return role!;
  }
}

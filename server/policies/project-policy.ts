import { type ProjectAction, type Role, roleAllows } from '../../shared/roles';

export type Decision = 'allow' | 'not_found' | 'forbidden';

/**
 * The one authorisation rule for anything inside a project, asked by HTTP
 * routes and the websocket alike. Someone outside the project is told the
 * thing does not exist, so ids reveal nothing about other organisations' work.
 */
export function decide(role: Role | null, action: ProjectAction): Decision {
  if (role === null) return 'not_found';
  return roleAllows(role, action) ? 'allow' : 'forbidden';
}

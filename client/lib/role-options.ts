import type { Member } from '../../shared/api';
import { canAssignRole, ROLES, type Role } from '../../shared/roles';

/** Whether `member` is the project's only owner: the server refuses to leave a project without one. */
export function isLastOwner(members: readonly Pick<Member, 'userId' | 'role'>[], member: Pick<Member, 'userId' | 'role'>): boolean {
  return member.role === 'owner' && !members.some((other) => other.userId !== member.userId && other.role === 'owner');
}

/**
 * The roles a member's select offers: their current one (so it shows), and
 * every other role `actor` may move them to. Empty when the actor may not
 * change this member at all, so the page shows the role as text instead.
 */
export function memberRoleOptions(actor: Role, members: readonly Pick<Member, 'userId' | 'role'>[], member: Pick<Member, 'userId' | 'role'>): Role[] {
  if (isLastOwner(members, member)) return [];
  const options = ROLES.filter((to) => to === member.role || canAssignRole(actor, member.role, to));
  return options.length > 1 ? options : [];
}

export function canRemoveMember(actor: Role, members: readonly Pick<Member, 'userId' | 'role'>[], member: Pick<Member, 'userId' | 'role'>): boolean {
  return !isLastOwner(members, member) && canAssignRole(actor, member.role, null);
}

/** The roles `actor` may hand out with an invitation, highest first. */
export function invitationRoleOptions(actor: Role): Role[] {
  return ROLES.filter((to) => canAssignRole(actor, null, to));
}

/** What an invitation form starts with: the most common role for a partner, if the actor may give it. */
export function defaultInvitationRole(actor: Role): Role | null {
  const options = invitationRoleOptions(actor);
  return options.includes('editor') ? 'editor' : (options[0] ?? null);
}

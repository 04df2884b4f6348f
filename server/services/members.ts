import type { Member } from '../../shared/api';
import { canAssignRole, type Role, roleAllows } from '../../shared/roles';
import { conflict, forbidden, notFound } from '../errors';
import * as repo from '../storage/projects-repository';
import { authorize } from './access';
import type { Actor, ServiceDeps } from './context';

type MemberRow = Awaited<ReturnType<typeof repo.listMembers>>[number];

function toMember(row: MemberRow, showEmail: boolean): Member {
  return {
    userId: row.user_id,
    name: row.name,
    email: showEmail ? row.email : null,
    role: row.role,
    joinedAt: new Date(row.created_at).toISOString(),
    organisation:
      row.organisation_id && row.organisation_name && row.organisation_kind
        ? {
            id: row.organisation_id,
            name: row.organisation_name,
            kind: row.organisation_kind,
            country: row.organisation_country ?? '',
            color: row.organisation_color ?? '#555555',
          }
        : null,
  };
}

/** Partners see who is in the project; only those who manage members see everyone's email. */
export async function listMembers(deps: ServiceDeps, actor: Actor, projectId: string): Promise<Member[]> {
  const role = await authorize(deps, actor, projectId, 'members.read');
  const manages = roleAllows(role, 'members.manage');
  return (await repo.listMembers(deps.db, projectId)).map((row) => toMember(row, manages || row.user_id === actor.id));
}

/**
 * Changes a member's role, or removes them with `role: null`. Nobody acts on
 * a role above their own, and a project always keeps an owner. Open
 * connections of that member learn of it at once.
 */
export async function setMemberRole(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  userId: string,
  role: Role | null,
): Promise<Member | null> {
  const actorRole = await authorize(deps, actor, projectId, 'members.manage');
  const current = await repo.findRole(deps.db, projectId, userId);
  if (!current) throw notFound('Member');
  if (!canAssignRole(actorRole, current, role)) {
    throw forbidden(`A ${actorRole} cannot change a ${current}${role ? ` into a ${role}` : ''}`);
  }
  await deps.db.transaction().execute(async (trx) => {
    if (role) await repo.upsertMember(trx, projectId, userId, role, deps.clock());
    else await repo.deleteMember(trx, projectId, userId);
    if (current === 'owner' && role !== 'owner' && (await repo.countOwners(trx, projectId)) === 0) {
      throw conflict('last_owner', 'A project must keep at least one owner');
    }
  });
  deps.events.emit({ kind: 'membership', projectId, userId, role });
  if (!role) return null;
  const member = (await repo.listMembers(deps.db, projectId)).find((m) => m.user_id === userId);
  return member ? toMember(member, true) : null;
}

import type { z } from 'zod';
import type { createInvitationInputSchema, Invitation, InvitationPreview } from '../../shared/api';
import { canAssignRole, ROLE_RANK } from '../../shared/roles';
import { forbidden, gone, notFound } from '../errors';
import { findOrganisation, findUser, updateUser } from '../storage/accounts-repository';
import type { InvitationRow } from '../storage/database';
import * as repo from '../storage/invitations-repository';
import { findProject, findRole, insertPartner, upsertMember } from '../storage/projects-repository';
import { authorize } from './access';
import type { Actor, ServiceDeps } from './context';
import { hashToken, newId, newToken } from './ids';
import { toOrganisation } from './organisations';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_DAYS = 14;

function statusOf(row: InvitationRow, now: number): Invitation['status'] {
  if (row.accepted_at !== null) return 'accepted';
  if (row.revoked_at !== null) return 'revoked';
  return row.expires_at <= now ? 'expired' : 'pending';
}

async function describe(deps: ServiceDeps, row: InvitationRow) {
  const [organisation, creator] = await Promise.all([
    row.organisation_id ? findOrganisation(deps.db, row.organisation_id) : undefined,
    findUser(deps.db, row.created_by),
  ]);
  return {
    role: row.role,
    organisation: organisation ? toOrganisation(organisation) : null,
    createdBy: creator?.name ?? '',
    expiresAt: new Date(row.expires_at).toISOString(),
    status: statusOf(row, deps.clock()),
  };
}

async function toInvitation(deps: ServiceDeps, row: InvitationRow): Promise<Invitation> {
  return { id: row.id, projectId: row.project_id, createdAt: new Date(row.created_at).toISOString(), ...(await describe(deps, row)) };
}

/** The link's token is returned once; only its hash is kept. */
export async function createInvitation(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: z.output<typeof createInvitationInputSchema>,
): Promise<{ invitation: Invitation; token: string }> {
  const actorRole = await authorize(deps, actor, projectId, 'invitations.manage');
  if (!canAssignRole(actorRole, null, input.role)) throw forbidden(`A ${actorRole} cannot invite a ${input.role}`);
  if (input.organisationId && !(await findOrganisation(deps.db, input.organisationId))) throw notFound('Organisation');
  const token = newToken();
  const now = deps.clock();
  const row: InvitationRow = {
    id: newId(),
    token_hash: hashToken(token),
    project_id: projectId,
    role: input.role,
    organisation_id: input.organisationId ?? null,
    created_by: actor.id,
    created_at: now,
    expires_at: now + (input.expiresInDays ?? DEFAULT_DAYS) * DAY_MS,
    revoked_at: null,
    accepted_by: null,
    accepted_at: null,
  };
  await repo.insertInvitation(deps.db, row);
  return { invitation: await toInvitation(deps, row), token };
}

export async function listInvitations(deps: ServiceDeps, actor: Actor, projectId: string): Promise<Invitation[]> {
  await authorize(deps, actor, projectId, 'invitations.manage');
  return Promise.all((await repo.listInvitations(deps.db, projectId)).map((row) => toInvitation(deps, row)));
}

export async function revokeInvitation(deps: ServiceDeps, actor: Actor, projectId: string, invitationId: string): Promise<void> {
  await authorize(deps, actor, projectId, 'invitations.manage');
  const row = await repo.findInvitation(deps.db, projectId, invitationId);
  if (!row) throw notFound('Invitation');
  if (row.revoked_at === null && row.accepted_at === null) {
    await repo.markInvitation(deps.db, row.id, { revoked_at: deps.clock() });
  }
}

async function findByToken(deps: ServiceDeps, token: string): Promise<InvitationRow> {
  const row = await repo.findInvitationByTokenHash(deps.db, hashToken(token));
  if (!row) throw notFound('Invitation');
  return row;
}

/** What the link shows before anyone signs in: the token itself is the permission. */
export async function previewInvitation(deps: ServiceDeps, token: string): Promise<InvitationPreview> {
  const row = await findByToken(deps, token);
  const project = await findProject(deps.db, row.project_id);
  const { createdBy, ...rest } = await describe(deps, row);
  return { projectTitle: project?.title ?? '', invitedBy: createdBy, ...rest };
}

/**
 * Joins the project with the invitation's role. A member already holding a
 * higher role keeps it. The invitation's organisation and the person's own
 * both become partners; someone without an organisation joins the
 * invitation's.
 */
export async function acceptInvitation(deps: ServiceDeps, actor: Actor, token: string): Promise<{ projectId: string }> {
  const row = await findByToken(deps, token);
  const status = statusOf(row, deps.clock());
  if (status === 'revoked') throw gone('invitation_revoked', 'This invitation was revoked');
  if (status === 'expired') throw gone('invitation_expired', 'This invitation has expired');
  if (status === 'accepted') {
    if (row.accepted_by === actor.id) return { projectId: row.project_id };
    throw gone('invitation_used', 'This invitation was already used');
  }
  const current = await findRole(deps.db, row.project_id, actor.id);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    if (!current || ROLE_RANK[row.role] > ROLE_RANK[current]) {
      await upsertMember(trx, row.project_id, actor.id, row.role, now);
    }
    if (row.organisation_id && !actor.organisation_id) await updateUser(trx, actor.id, { organisation_id: row.organisation_id });
    for (const organisationId of new Set([row.organisation_id, actor.organisation_id])) {
      if (organisationId) await insertPartner(trx, row.project_id, organisationId);
    }
    await repo.markInvitation(trx, row.id, { accepted_by: actor.id, accepted_at: now });
  });
  const role = await findRole(deps.db, row.project_id, actor.id);
  deps.events.emit({ kind: 'membership', projectId: row.project_id, userId: actor.id, role });
  return { projectId: row.project_id };
}

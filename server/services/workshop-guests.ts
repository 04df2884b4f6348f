import type { GuestInvitationResponse, JoinAsGuestInput } from '../../shared/api';
import { notFound } from '../errors';
import * as accounts from '../storage/accounts-repository';
import * as repo from '../storage/workshops-repository';
import type { ServiceDeps } from './context';
import { hashToken, newId, newToken } from './ids';

/**
 * Guests join a workshop with its code: a name and an organisation, no
 * account to make. What they get is an account that reaches that workshop
 * only (`users.guest_of`), to write notes and vote, and a session that ends
 * with the workshop. Wrong codes count as failed log-ins against the
 * address, so codes cannot be guessed in bulk.
 */
async function openWorkshop(deps: ServiceDeps, code: string, address: string) {
  const attempt = deps.throttle.begin(`workshop-code:${code}`, address);
  const workshop = await repo.findWorkshopByGuestCode(deps.db, code);
  if (!workshop || workshop.ended_at !== null || workshop.guest_access_until <= deps.clock()) throw notFound('Workshop');
  attempt.succeeded();
  return workshop;
}

export async function guestInvitation(deps: ServiceDeps, code: string, address: string): Promise<GuestInvitationResponse> {
  const workshop = await openWorkshop(deps, code, address);
  return { workshop: { title: workshop.title, date: workshop.date, projectTitle: workshop.project_title } };
}

export async function joinAsGuest(
  deps: ServiceDeps,
  code: string,
  input: JoinAsGuestInput,
  address: string,
): Promise<{ workshopId: string; token: string; expiresAt: number }> {
  const workshop = await openWorkshop(deps, code, address);
  const id = newId();
  const now = deps.clock();
  await accounts.insertUser(deps.db, {
    id,
    // Never an address anyone receives mail at, and unique: a guest account cannot be logged into.
    email: `guest-${id.toLowerCase()}@guests.invalid`,
    name: input.name,
    organisation_id: null,
    language: input.language ?? 'en',
    password_hash: '!',
    created_at: now,
    guest_of: workshop.id,
  });
  await repo.insertGuest(deps.db, { user_id: id, organisation_name: input.organisation, organisation_kind: input.kind });
  const token = newToken();
  const expiresAt = Math.min(now + deps.sessionTtlMs, workshop.guest_access_until);
  await accounts.insertSession(deps.db, { id: hashToken(token), user_id: id, created_at: now, expires_at: expiresAt });
  return { workshopId: workshop.id, token, expiresAt };
}

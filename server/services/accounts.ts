import type { z } from 'zod';
import type { changePasswordInputSchema, logInInputSchema, Me, signUpInputSchema, updateProfileInputSchema } from '../../shared/api';
import { conflict, invalidCredentials, notFound, validationFailed } from '../errors';
import * as repo from '../storage/accounts-repository';
import type { UserRow } from '../storage/database';
import { gatherDocumentsWithoutProject } from './projects';
import type { Actor, ServiceDeps } from './context';
import { hashToken, newId, newToken } from './ids';
import { createOrganisation, toOrganisation } from './organisations';
import { dummyHash, hashPassword, verifyPassword } from './passwords';

/** Name of the httpOnly cookie that carries the session token. */
export const SESSION_COOKIE = 'ensemble_session';

export interface SignedIn {
  user: Me;
  /** The session token for the cookie. */
  token: string;
}

export async function toMe(deps: ServiceDeps, user: UserRow): Promise<Me> {
  const organisation = user.organisation_id ? await repo.findOrganisation(deps.db, user.organisation_id) : undefined;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    language: user.language,
    isAdmin: user.is_admin === 1,
    organisation: organisation ? toOrganisation(organisation) : null,
    guestOf: user.guest_of,
  };
}

async function startSession(deps: ServiceDeps, user: UserRow): Promise<SignedIn> {
  const token = newToken();
  const now = deps.clock();
  await repo.insertSession(deps.db, { id: hashToken(token), user_id: user.id, created_at: now, expires_at: now + deps.sessionTtlMs });
  return { user: await toMe(deps, user), token };
}

/** The first account on an empty instance administers it. */
export async function signUp(deps: ServiceDeps, input: z.output<typeof signUpInputSchema>): Promise<SignedIn> {
  if (await repo.findUserByEmail(deps.db, input.email)) throw conflict('email_taken', 'An account with this email exists');
  let organisationId: string | null = null;
  if (input.organisationId) {
    if (!(await repo.findOrganisation(deps.db, input.organisationId))) throw validationFailed('organisationId: no such organisation');
    organisationId = input.organisationId;
  } else if (input.newOrganisation) {
    organisationId = (await createOrganisation(deps, input.newOrganisation)).id;
  }
  const passwordHash = await hashPassword(input.password);
  let user: UserRow;
  try {
    user = await repo.insertUser(deps.db, {
      id: newId(),
      email: input.email,
      name: input.name,
      organisation_id: organisationId,
      language: input.language ?? 'en',
      password_hash: passwordHash,
      created_at: deps.clock(),
    });
  } catch (error) {
    // Two sign-ups with one email at the same moment: the unique index decides.
    if (await repo.findUserByEmail(deps.db, input.email)) throw conflict('email_taken', 'An account with this email exists');
    throw error;
  }
  if (user.is_admin === 1) await gatherDocumentsWithoutProject(deps, user);
  return startSession(deps, user);
}

export async function logIn(deps: ServiceDeps, input: z.output<typeof logInInputSchema>, address: string): Promise<SignedIn> {
  const attempt = deps.throttle.begin(input.email, address);
  const user = await repo.findUserByEmail(deps.db, input.email);
  const valid = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash()));
  if (!user || !valid) throw invalidCredentials();
  attempt.succeeded();
  return startSession(deps, user);
}

/** The person behind a session cookie and when the session ends, or undefined when it is unknown or expired. */
export function sessionFor(deps: ServiceDeps, token: string): Promise<{ user: UserRow; expiresAt: number } | undefined> {
  return repo.findSessionUser(deps.db, hashToken(token), deps.clock());
}

export async function logOut(deps: ServiceDeps, token: string): Promise<void> {
  const sessionId = hashToken(token);
  await repo.deleteSession(deps.db, sessionId);
  deps.events.emit({ kind: 'session-ended', sessionId });
}

/** Changing the password signs out every other session, including open websockets. */
export async function changePassword(
  deps: ServiceDeps,
  actor: Actor,
  currentToken: string,
  input: z.output<typeof changePasswordInputSchema>,
): Promise<void> {
  if (!(await verifyPassword(input.currentPassword, actor.password_hash))) throw invalidCredentials();
  await repo.updateUser(deps.db, actor.id, { password_hash: await hashPassword(input.newPassword) });
  const keep = hashToken(currentToken);
  await repo.deleteUserSessions(deps.db, actor.id, keep);
  deps.events.emit({ kind: 'sessions-revoked', userId: actor.id, exceptSessionId: keep });
}

export async function updateProfile(
  deps: ServiceDeps,
  actor: Actor,
  input: z.output<typeof updateProfileInputSchema>,
): Promise<Me> {
  if (input.organisationId && !(await repo.findOrganisation(deps.db, input.organisationId))) {
    throw notFound('Organisation');
  }
  await repo.updateUser(deps.db, actor.id, {
    name: input.name,
    language: input.language,
    organisation_id: input.organisationId,
  });
  const updated = await repo.findUser(deps.db, actor.id);
  return toMe(deps, updated!);
}

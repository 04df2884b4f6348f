import { parse } from 'hono/utils/cookie';
import type { Room } from '../../shared/rooms';
import type { Role } from '../../shared/roles';
import { findDocument } from '../storage/documents-repository';
import { findRole } from '../storage/projects-repository';
import { decide } from '../policies/project-policy';
import { SESSION_COOKIE, sessionFor } from './accounts';
import type { ServiceDeps } from './context';
import { hashToken } from './ids';

/** Who holds a websocket connection to a document, and with which role. */
export interface CollabGrant {
  userId: string;
  /** Hash of the session token, to close the socket when that session ends. */
  sessionId: string;
  /** When the session expires (ms since the epoch): the socket closes then too. */
  sessionExpiresAt: number;
  projectId: string;
  role: Role;
}

export type CollabAccess = { ok: true; grant: CollabGrant } | { ok: false; reason: 'unauthenticated' | 'not_found' };

/**
 * Decides, from the upgrade request's cookies, whether a connection to a
 * room may open: a valid session and membership of the document's project —
 * or, for a workshop's board, being one of its guests. Decided before any
 * document data is sent.
 */
export async function authorizeCollab(deps: ServiceDeps, cookieHeader: string | undefined, room: Room): Promise<CollabAccess> {
  const token = cookieHeader ? parse(cookieHeader, SESSION_COOKIE)[SESSION_COOKIE] : undefined;
  const session = token ? await sessionFor(deps, token) : undefined;
  if (!session || !token) return { ok: false, reason: 'unauthenticated' };
  const { user } = session;
  const document = await findDocument(deps.db, room.documentId);
  if (!document?.project_id || (room.channel === 'board' && document.kind !== 'workshop')) return { ok: false, reason: 'not_found' };
  // A guest reads their workshop's board (as everyone, without writing to it), and nothing else.
  const role: Role | null = user.guest_of
    ? user.guest_of === document.id && room.channel === 'board'
      ? 'viewer'
      : null
    : await findRole(deps.db, document.project_id, user.id);
  if (!role || decide(role, 'document.read') !== 'allow') return { ok: false, reason: 'not_found' };
  return {
    ok: true,
    grant: {
      userId: user.id,
      sessionId: hashToken(token),
      sessionExpiresAt: session.expiresAt,
      projectId: document.project_id,
      role,
    },
  };
}

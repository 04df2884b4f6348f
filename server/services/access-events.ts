import type { Role } from '../../shared/roles';

/** Changes that must reach open websocket connections at once. */
export type AccessChange =
  | { kind: 'membership'; projectId: string; userId: string; role: Role | null }
  | { kind: 'sessions-revoked'; userId: string; exceptSessionId?: string }
  | { kind: 'session-ended'; sessionId: string };

export type AccessListener = (change: AccessChange) => void;

/**
 * In-process announcements of role changes and revoked sessions; the
 * collaboration server listens to act on live connections. Across several
 * instances this is what a shared bus (Redis) would carry.
 */
export class AccessEvents {
  #listeners = new Set<AccessListener>();

  subscribe(listener: AccessListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(change: AccessChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}

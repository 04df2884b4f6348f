import type { Role } from '../../shared/roles';
import type { Broadcast } from '../storage/fan-out';

/** Changes that must reach open websocket connections at once. */
export type AccessChange =
  | { kind: 'membership'; projectId: string; userId: string; role: Role | null }
  | { kind: 'sessions-revoked'; userId: string; exceptSessionId?: string }
  | { kind: 'session-ended'; sessionId: string };

export type AccessListener = (change: AccessChange) => void;

/**
 * Announcements of role changes and revoked sessions; the collaboration
 * server listens to act on live connections. Given a broadcast (Redis),
 * they reach every instance, since anyone's sockets may be on any of them.
 */
export class AccessEvents {
  #listeners = new Set<AccessListener>();

  constructor(private readonly broadcast?: Broadcast) {
    broadcast?.subscribe((message) => this.#deliver(JSON.parse(message) as AccessChange));
  }

  subscribe(listener: AccessListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(change: AccessChange): void {
    this.#deliver(change);
    this.broadcast?.publish(JSON.stringify(change));
  }

  #deliver(change: AccessChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}

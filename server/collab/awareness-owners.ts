import type { Awareness } from 'y-protocols/awareness';
import type { ClientOwners } from './client-owners';
import type { Connection } from './connection';
import { type AwarenessEntry, ProtocolError } from './protocol';

/** One browser tab uses one id; a few more cover its reconnections. */
const MAX_AWARENESS_IDS_PER_CONNECTION = 8;

/**
 * Which connection speaks for each awareness client id of one document, so a
 * person can only announce themself, and their presence leaves with the
 * connection that announced it last.
 */
export class AwarenessOwners {
  #owners = new Map<number, Connection>();

  constructor(
    private readonly awareness: Awareness,
    private readonly clients: ClientOwners,
  ) {}

  /**
   * Throws unless every entry that would change presence is the sender's
   * own: a new id, or one the same person used before, on this connection or
   * an earlier one, even after it left. Answers whether any entry would.
   */
  check(connection: Connection, entries: AwarenessEntry[]): boolean {
    const claimed = entries.filter((entry) => this.#changesAwareness(entry)).map((entry) => entry.clientId);
    if (new Set([...connection.awarenessClientIds, ...claimed]).size > MAX_AWARENESS_IDS_PER_CONNECTION) {
      throw new ProtocolError('awareness_not_owned', 'too many awareness client ids on one connection');
    }
    this.clients.claim(connection.grant.userId, claimed, 'awareness_not_owned');
    return claimed.length > 0;
  }

  /**
   * Records an applied change. A client that reconnects re-announces its id
   * as an update: the newest connection owns it, so the old connection's late
   * close does not remove someone who is still here.
   */
  record(from: Connection | null, announced: number[], removed: number[]): void {
    if (from) {
      for (const id of announced) {
        const previous = this.#owners.get(id);
        if (previous === from) continue;
        previous?.awarenessClientIds.delete(id);
        this.#owners.set(id, from);
        from.awarenessClientIds.add(id);
      }
    }
    for (const id of removed) {
      this.#owners.get(id)?.awarenessClientIds.delete(id);
      this.#owners.delete(id);
    }
  }

  /**
   * Whether y-protocols would apply this entry. The stock provider sends back
   * every state it receives, others' included, with the clock it got: such
   * echoes change nothing and speak for no one.
   */
  #changesAwareness({ clientId, clock, removed }: AwarenessEntry): boolean {
    const current = this.awareness.meta.get(clientId)?.clock ?? 0;
    return current < clock || (current === clock && removed && this.awareness.states.has(clientId));
  }
}

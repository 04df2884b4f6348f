import { parseIdentity, type Identity } from './identity';

export interface Participant extends Identity {
  clientId: number;
  isSelf: boolean;
}

/**
 * The people in a document, from the awareness states (client id → state,
 * whatever each peer sent). Peers that have not said who they are yet are
 * left out; yourself first, then by name, so the list does not jump about.
 */
export function participantsFrom(states: ReadonlyMap<number, unknown>, selfClientId: number): Participant[] {
  const participants: Participant[] = [];
  for (const [clientId, state] of states) {
    const user = typeof state === 'object' && state !== null ? parseIdentity((state as { user?: unknown }).user) : null;
    if (user) participants.push({ ...user, clientId, isSelf: clientId === selfClientId });
  }
  return participants.sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name) || a.clientId - b.clientId,
  );
}

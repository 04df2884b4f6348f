import { z } from 'zod';
import type { JoinAsGuestInput, Me } from '../../shared/api';
import { STAKEHOLDER_KINDS } from '../../shared/roles';
import { guestColor } from '../../shared/workshops/board';
import { identityOf, type Identity } from './identity';
import { readStored, writeStored } from './local-storage';

const keyOf = (workshopId: string) => `ensemble:workshop-guest:${workshopId}`;
const profileSchema = z.object({ organisation: z.string().min(1), kind: z.enum(STAKEHOLDER_KINDS) });

/** What a guest said of themselves on joining, kept so the room can tell the others after a reload. */
export function rememberGuestProfile(workshopId: string, input: JoinAsGuestInput): void {
  writeStored(keyOf(workshopId), JSON.stringify({ organisation: input.organisation, kind: input.kind }));
}

/**
 * Who I am to the others in a workshop room: my account's identity, and for
 * a guest whose account carries no organisation, the one they gave on joining.
 */
export function workshopIdentity(me: Me, workshopId: string): Identity {
  const identity = identityOf(me);
  if (identity.organisation !== undefined || me.guestOf !== workshopId) return identity;
  try {
    const profile = profileSchema.safeParse(JSON.parse(readStored(keyOf(workshopId)) ?? 'null'));
    // The colour the board gives the guest's notes, so their dot in the room matches them.
    return profile.success ? { ...identity, ...profile.data, color: guestColor(profile.data.organisation) } : identity;
  } catch {
    return identity;
  }
}

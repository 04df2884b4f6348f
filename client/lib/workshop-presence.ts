import { STAKEHOLDER_KINDS, type StakeholderKind } from '../../shared/roles';
import type { Participant } from './participants';

/** The people of one organisation in the room. */
export interface OrganisationPresence {
  /** The organisation's name, or null for people who gave none. */
  organisation: string | null;
  kind: StakeholderKind | null;
  color: string;
  people: Participant[];
}

export interface KindPresence {
  kind: StakeholderKind | null;
  /** People, not connections: someone on a phone and a laptop counts once. */
  count: number;
}

export interface RoomPresence {
  organisations: OrganisationPresence[];
  kinds: KindPresence[];
  people: number;
}

/** Who a participant is across their tabs and devices. */
const personKey = (participant: Participant) => participant.userId ?? `client:${participant.clientId}`;

/**
 * Who is in the room, grouped so its diversity shows: by organisation (the
 * largest first, then by name) and by kind of stakeholder (in the usual
 * order of kinds; those who gave none last). One pass over the participants,
 * each person once however many connections they have.
 */
export function roomPresence(participants: readonly Participant[], locale: string): RoomPresence {
  const people = new Map<string, Participant>();
  for (const participant of participants) {
    const key = personKey(participant);
    // Yourself wins, so your own entry still says "you".
    if (!people.has(key) || participant.isSelf) people.set(key, participant);
  }

  const organisations = new Map<string, OrganisationPresence>();
  const kinds = new Map<StakeholderKind | null, number>();
  for (const person of people.values()) {
    const name = person.organisation ?? null;
    const kind = person.kind ?? null;
    const key = `${name ?? ''}\u0000${kind ?? ''}`;
    const group = organisations.get(key) ?? { organisation: name, kind, color: person.color, people: [] };
    group.people.push(person);
    organisations.set(key, group);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }

  const byName = (a: string | null, b: string | null) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, locale));
  return {
    organisations: [...organisations.values()]
      .map((group) => ({ ...group, people: group.people.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, locale)) }))
      .sort((a, b) => b.people.length - a.people.length || byName(a.organisation, b.organisation)),
    kinds: [...STAKEHOLDER_KINDS, null].flatMap((kind) => {
      const count = kinds.get(kind) ?? 0;
      return count > 0 ? [{ kind, count }] : [];
    }),
    people: people.size,
  };
}

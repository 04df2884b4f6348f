import { describe, expect, it } from 'vitest';
import type { Participant } from './participants';
import { roomPresence } from './workshop-presence';

let nextClient = 1;
function person(name: string, organisation?: string, kind?: Participant['kind'], extra: Partial<Participant> = {}): Participant {
  return {
    clientId: nextClient++,
    name,
    color: '#15803d',
    isSelf: false,
    userId: `u-${name}`,
    ...(organisation ? { organisation } : {}),
    ...(kind ? { kind } : {}),
    ...extra,
  };
}

describe('roomPresence', () => {
  it('groups people by organisation, largest first, and counts each kind of stakeholder', () => {
    const presence = roomPresence(
      [
        person('Awa', 'Union des producteurs', 'farmers_organisation'),
        person('Diego', 'Universidad del Campo', 'academic'),
        person('Moussa', 'Union des producteurs', 'farmers_organisation'),
        person('Léa', 'Terre Vivante', 'ngo'),
        person('Guest'),
      ],
      'fr',
    );
    expect(presence.people).toBe(5);
    expect(presence.organisations.map((group) => [group.organisation, group.people.map((p) => p.name)])).toEqual([
      ['Union des producteurs', ['Awa', 'Moussa']],
      ['Terre Vivante', ['Léa']],
      ['Universidad del Campo', ['Diego']],
      [null, ['Guest']],
    ]);
    expect(presence.kinds).toEqual([
      { kind: 'ngo', count: 1 },
      { kind: 'farmers_organisation', count: 2 },
      { kind: 'academic', count: 1 },
      { kind: null, count: 1 },
    ]);
  });

  it('counts a person with two devices once, keeping the entry that is you', () => {
    const phone = person('Awa', 'Union', 'farmers_organisation', { userId: 'awa' });
    const laptop = person('Awa', 'Union', 'farmers_organisation', { userId: 'awa', isSelf: true });
    const presence = roomPresence([phone, laptop], 'en');
    expect(presence.people).toBe(1);
    expect(presence.organisations[0]?.people).toEqual([laptop]);
    expect(presence.kinds).toEqual([{ kind: 'farmers_organisation', count: 1 }]);
  });

  it('puts yourself first in your organisation', () => {
    const presence = roomPresence([person('Zoé', 'Org', 'ngo'), person('Yves', 'Org', 'ngo', { isSelf: true })], 'en');
    expect(presence.organisations[0]?.people.map((p) => p.name)).toEqual(['Yves', 'Zoé']);
  });

  it('says nobody is here for an empty room', () => {
    expect(roomPresence([], 'en')).toEqual({ organisations: [], kinds: [], people: 0 });
  });
});

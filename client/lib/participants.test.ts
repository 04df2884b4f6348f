import { describe, expect, it } from 'vitest';
import { participantsFrom } from './participants';

describe('participantsFrom', () => {
  it('puts yourself first, then the others by name', () => {
    const states = new Map<number, unknown>([
      [3, { user: { name: 'Zoé', color: '#1d4ed8' } }],
      [1, { user: { name: 'Me', color: '#b91c1c' }, cursor: null }],
      [2, { user: { name: 'Amadou', color: '#15803d' } }],
    ]);
    expect(participantsFrom(states, 1)).toEqual([
      { clientId: 1, name: 'Me', color: '#b91c1c', isSelf: true },
      { clientId: 2, name: 'Amadou', color: '#15803d', isSelf: false },
      { clientId: 3, name: 'Zoé', color: '#1d4ed8', isSelf: false },
    ]);
  });

  it('leaves out peers without a valid user', () => {
    const states = new Map<number, unknown>([
      [1, {}],
      [2, null],
      [3, { user: { name: 'Eve', color: 'url(javascript:1)' } }],
      [4, { user: 'Bob' }],
    ]);
    expect(participantsFrom(states, 1)).toEqual([]);
  });
});

describe('participantsFrom with accounts', () => {
  it('keeps each person’s organisation and kind of stakeholder', () => {
    const states = new Map<number, unknown>([
      [1, { user: { name: 'Awa', color: '#b91c1c', organisation: 'FONGS', kind: 'farmers_organisation', userId: 'u1' } }],
    ]);
    expect(participantsFrom(states, 2)).toEqual([
      {
        clientId: 1,
        name: 'Awa',
        color: '#b91c1c',
        organisation: 'FONGS',
        kind: 'farmers_organisation',
        userId: 'u1',
        isSelf: false,
      },
    ]);
  });
});

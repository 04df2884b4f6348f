import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../shared/api';
import { rememberGuestProfile, workshopIdentity } from './workshop-guest';

const guest: Me = { id: 'g1', name: 'Fatou', email: '', language: 'fr', isAdmin: false, organisation: null, guestOf: 'w1' };

describe('workshopIdentity', () => {
  beforeEach(() => {
    const kept = new Map<string, string>();
    vi.stubGlobal('window', {
      localStorage: { getItem: (key: string) => kept.get(key) ?? null, setItem: (key: string, value: string) => kept.set(key, value) },
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('tells the others the organisation a guest gave on joining', () => {
    rememberGuestProfile('w1', { name: 'Fatou', organisation: 'Radio rurale', kind: 'local_expertise' });
    expect(workshopIdentity(guest, 'w1')).toMatchObject({ name: 'Fatou', organisation: 'Radio rurale', kind: 'local_expertise' });
  });

  it('keeps an account’s own organisation, and gives nothing for another workshop', () => {
    rememberGuestProfile('w1', { name: 'Fatou', organisation: 'Radio rurale', kind: 'local_expertise' });
    expect(workshopIdentity(guest, 'w2').organisation).toBeUndefined();
    const member: Me = { ...guest, guestOf: null, organisation: { id: 'o', name: 'FONGS', kind: 'farmers_organisation', country: 'SN', color: '#15803d' } };
    expect(workshopIdentity(member, 'w1')).toMatchObject({ organisation: 'FONGS', color: '#15803d' });
  });

  it('ignores a kept profile that is not one', () => {
    window.localStorage.setItem('ensemble:workshop-guest:w1', '{"organisation":7}');
    expect(workshopIdentity(guest, 'w1').organisation).toBeUndefined();
  });
});

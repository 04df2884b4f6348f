import { describe, expect, it } from 'vitest';
import type { Me } from '../../shared/api';
import { contrastRatio, isHexColor } from './color';
import { colorForKey, identityOf, NAME_MAX_LENGTH, normalizeName, parseIdentity, PARTICIPANT_COLORS, pickColor } from './identity';

describe('PARTICIPANT_COLORS', () => {
  it.each(PARTICIPANT_COLORS)('%s is a #rrggbb colour that white text reads on (AA)', (color) => {
    expect(isHexColor(color)).toBe(true);
    expect(contrastRatio(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('has no duplicates', () => {
    expect(new Set(PARTICIPANT_COLORS).size).toBe(PARTICIPANT_COLORS.length);
  });
});

describe('pickColor', () => {
  it('covers the palette from the first to the last colour', () => {
    expect(pickColor(() => 0)).toBe(PARTICIPANT_COLORS[0]);
    expect(pickColor(() => 0.9999)).toBe(PARTICIPANT_COLORS[PARTICIPANT_COLORS.length - 1]);
  });
});

describe('colorForKey', () => {
  it('gives the same palette colour for the same key', () => {
    expect(colorForKey('u_123')).toBe(colorForKey('u_123'));
    expect(PARTICIPANT_COLORS).toContain(colorForKey('u_123'));
  });
});

describe('normalizeName', () => {
  it('trims and collapses whitespace', () => {
    expect(normalizeName('  Awa \n Diop ')).toBe('Awa Diop');
  });

  it('treats blank as no name', () => {
    expect(normalizeName(' \t ')).toBeNull();
  });

  it('caps the length', () => {
    expect(normalizeName('x'.repeat(200))).toHaveLength(NAME_MAX_LENGTH);
  });
});

const me: Me = {
  id: 'u1',
  name: 'Awa Diop',
  email: 'awa@example.org',
  language: 'fr',
  isAdmin: false,
  guestOf: null,
  organisation: { id: 'o1', name: 'FONGS', kind: 'farmers_organisation', country: 'SN', color: '#ffe066' },
};

describe('identityOf', () => {
  it('takes the name from the account and the colour, name and kind from the organisation', () => {
    expect(identityOf(me)).toEqual({
      name: 'Awa Diop',
      color: '#ffe066',
      userId: 'u1',
      organisation: 'FONGS',
      kind: 'farmers_organisation',
    });
  });

  it('falls back to a palette colour without an organisation', () => {
    expect(identityOf({ ...me, organisation: null })).toEqual({ name: 'Awa Diop', color: colorForKey('u1'), userId: 'u1' });
  });
});

describe('parseIdentity', () => {
  it('accepts a name, a #rrggbb colour and the organisation', () => {
    expect(parseIdentity({ name: ' Awa ', color: '#0f766e', organisation: 'FONGS', kind: 'ngo', userId: 'u1' })).toEqual({
      name: 'Awa',
      color: '#0f766e',
      organisation: 'FONGS',
      kind: 'ngo',
      userId: 'u1',
    });
  });

  it('drops an unknown kind or a malformed organisation rather than the person', () => {
    expect(parseIdentity({ name: 'Awa', color: '#0f766e', organisation: 42, kind: 'guild' })).toEqual({
      name: 'Awa',
      color: '#0f766e',
    });
  });

  it.each([null, 'Awa', { name: '', color: '#0f766e' }, { name: 'Awa', color: 'red' }, { name: 'Awa' }])(
    'rejects %j',
    (value) => {
      expect(parseIdentity(value)).toBeNull();
    },
  );
});

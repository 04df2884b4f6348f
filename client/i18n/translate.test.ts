import { describe, expect, it } from 'vitest';
import { interpolate, isLocale, pickLocale, translate, translatePlural } from './translate';

describe('pickLocale', () => {
  it.each([
    [['fr-SN', 'en'], 'fr'],
    [['es-419'], 'es'],
    [['pt-BR', 'ES'], 'es'],
    [['de-DE'], 'en'],
    [[], 'en'],
  ] as const)('picks from %j: %s', (preferences, expected) => {
    expect(pickLocale(preferences)).toBe(expected);
  });
});

describe('isLocale', () => {
  it('accepts only the supported languages', () => {
    expect(isLocale('fr')).toBe(true);
    expect(isLocale('de')).toBe(false);
    expect(isLocale(null)).toBe(false);
  });
});

describe('interpolate', () => {
  it('fills every occurrence of each placeholder', () => {
    expect(interpolate('{a} and {b}, {a}', { a: 'x', b: 2 })).toBe('x and 2, x');
  });

  it('leaves a placeholder without a parameter visible', () => {
    expect(interpolate('Hello {name}')).toBe('Hello {name}');
  });
});

describe('translate', () => {
  it('looks the key up in the chosen language', () => {
    expect(translate('fr', 'project.startsOn', { date: '3 mars' })).toBe('À partir du 3 mars');
  });
});

describe('translatePlural', () => {
  it('follows each language’s plural rules', () => {
    expect(translatePlural('en', 'connection.unsynced', 1)).toBe('1 unsynced change');
    expect(translatePlural('en', 'connection.unsynced', 0)).toBe('0 unsynced changes');
    expect(translatePlural('es', 'connection.unsynced', 3)).toBe('3 cambios sin sincronizar');
    expect(translatePlural('fr', 'connection.unsynced', 2)).toBe('2\u00a0modifications non synchronisées');
  });

  it('formats the count in the language', () => {
    expect(translatePlural('en', 'connection.unsynced', 1200)).toBe('1,200 unsynced changes');
  });
});

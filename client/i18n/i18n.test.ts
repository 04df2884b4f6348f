import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './en';
import { DICTIONARIES, LOCALES } from './translate';

function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

const keys = Object.keys(en) as MessageKey[];

describe.each(LOCALES)('the %s dictionary', (locale) => {
  const dictionary = DICTIONARIES[locale];

  it('has exactly the English keys', () => {
    expect(Object.keys(dictionary).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('translates %s with a non-empty message and the same placeholders', (key) => {
    const message = dictionary[key];
    expect(message.trim()).not.toBe('');
    expect(placeholdersOf(message)).toEqual(placeholdersOf(en[key]));
  });
});

describe('plural messages', () => {
  it('come in .one / .other pairs', () => {
    for (const key of keys) {
      const match = /^(.*)\.(one|other)$/.exec(key);
      if (!match) continue;
      const partner = `${match[1]}.${match[2] === 'one' ? 'other' : 'one'}`;
      expect(keys, `${key} needs ${partner}`).toContain(partner);
    }
  });
});

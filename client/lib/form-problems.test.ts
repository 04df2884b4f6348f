import { describe, expect, it } from 'vitest';
import { signUpInputSchema } from '../../shared/api';
import { invalidPaths, parseTagList } from './form-problems';

describe('invalidPaths', () => {
  it('names each refused field by its path', () => {
    const paths = invalidPaths(signUpInputSchema, {
      name: ' ',
      email: 'not-an-email',
      password: 'short',
      newOrganisation: { name: 'FONGS', kind: 'ngo', country: 'Senegal' },
    });
    expect([...paths].sort()).toEqual(['email', 'name', 'newOrganisation.country', 'password']);
  });

  it('is empty for valid input', () => {
    expect(invalidPaths(signUpInputSchema, { name: 'Awa', email: 'a@b.org', password: 'x'.repeat(12) }).size).toBe(0);
  });
});

describe('parseTagList', () => {
  it('splits on commas, semicolons and lines, without blanks or repeats', () => {
    expect(parseTagList(' soil health, water ; Water\n\n  seeds ,')).toEqual(['soil health', 'water', 'seeds']);
    expect(parseTagList('   ')).toEqual([]);
  });
});

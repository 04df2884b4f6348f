import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryName, countryOptions } from './countries';

describe('COUNTRY_CODES', () => {
  it('holds unique two-letter codes', () => {
    expect(COUNTRY_CODES.length).toBeGreaterThan(240);
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
  });
});

describe('countryName', () => {
  it('names the country in the interface language', () => {
    expect(countryName('SN', 'fr')).toBe('Sénégal');
    expect(countryName('pe', 'es')).toBe('Perú');
  });
});

describe('countryOptions', () => {
  it('sorts by the localised name', () => {
    const names = countryOptions('en').map((option) => option.name);
    expect(names.indexOf('Senegal')).toBeLessThan(names.indexOf('South Africa'));
  });
});

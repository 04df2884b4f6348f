import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, TEMPLATE_SECTIONS, type DocumentKind } from '../../shared/knowledge/kinds';
import type { MessageKey } from '../i18n/en';
import { DICTIONARIES, LOCALES } from '../i18n/translate';
import { sectionGuidance } from './section-guidance';

const SECTIONS = DOCUMENT_KINDS.flatMap((kind: DocumentKind): readonly string[] => TEMPLATE_SECTIONS[kind]);
const GUIDANCE = LOCALES.flatMap((locale) =>
  SECTIONS.map((section) => ({ locale, section, guidance: sectionGuidance(section, locale) ?? '' })),
);

describe('section guidance', () => {
  it('is found by the section id alone, since ids are unique across kinds', () => {
    expect(new Set(SECTIONS).size).toBe(SECTIONS.length);
  });

  it.each(LOCALES)('has a key for every section of every template in %s, and no other', (locale) => {
    const dictionary: Readonly<Record<string, string>> = DICTIONARIES[locale];
    for (const section of SECTIONS) {
      const key = `editor.guidance.${section}`;
      expect(Object.hasOwn(dictionary, key), key).toBe(true);
      expect(sectionGuidance(section, locale)).toBe(DICTIONARIES[locale][key as MessageKey]);
    }
    const keys = Object.keys(dictionary).filter((key) => key.startsWith('editor.guidance.'));
    expect(keys.sort()).toEqual(SECTIONS.map((section) => `editor.guidance.${section}`).sort());
  });

  it('is undefined for a section no template has', () => {
    expect(sectionGuidance('unknown', 'en')).toBeUndefined();
    expect(sectionGuidance('toString', 'en')).toBeUndefined();
  });

  it('is one or two sentences', () => {
    for (const { guidance } of GUIDANCE) {
      const sentences = guidance.split(/(?<=[.?!])\s+/).filter(Boolean);
      expect(sentences.length, guidance).toBeGreaterThanOrEqual(1);
      expect(sentences.length, guidance).toBeLessThanOrEqual(2);
    }
  });

  it('says something different in each language', () => {
    for (const section of SECTIONS) {
      const translations = LOCALES.map((locale) => sectionGuidance(section, locale));
      expect(new Set(translations).size, section).toBe(LOCALES.length);
    }
  });

  it('follows French typography: a non-breaking space before ? ! : ; and curly apostrophes', () => {
    for (const { locale, guidance } of GUIDANCE) {
      if (locale !== 'fr') continue;
      expect(guidance, guidance).not.toMatch(/[^\u00a0\u202f][?!:;]/);
      expect(guidance, guidance).not.toContain("'");
    }
  });

  it('opens Spanish questions with ¿', () => {
    for (const { locale, guidance } of GUIDANCE) {
      if (locale !== 'es') continue;
      expect(guidance.split('¿').length, guidance).toBe(guidance.split('?').length);
    }
  });
});

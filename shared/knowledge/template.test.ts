import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LANGUAGES } from '../roles';
import { DOCUMENT_KINDS, NODE_SECTION_HEADING, TEMPLATE_SECTIONS, YDOC_CONTENT } from './kinds';
import { SECTION_HEADING_LEVEL, TEMPLATE_CLIENT_ID, templateUpdate } from './template';
import { defaultTitle, sectionText, TEMPLATE_TEXT } from './template-text';

const KINDS_WITH_SECTIONS = DOCUMENT_KINDS.filter((kind) => TEMPLATE_SECTIONS[kind].length > 0);
const CASES = KINDS_WITH_SECTIONS.flatMap((kind) => LANGUAGES.map((language) => [kind, language] as const));

function load(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

describe('templateUpdate', () => {
  it('has no template for a blank page', () => {
    for (const language of LANGUAGES) expect(templateUpdate('free', language)).toBeNull();
  });

  it.each(CASES)('gives %s in %s a heading and an empty paragraph per section, in order', (kind, language) => {
    const children = load(templateUpdate(kind, language)!).getXmlFragment(YDOC_CONTENT).toArray();
    const sections = TEMPLATE_SECTIONS[kind];
    expect(children).toHaveLength(sections.length * 2);
    sections.forEach((section, index) => {
      const heading = children[index * 2];
      const paragraph = children[index * 2 + 1];
      expect(heading).toBeInstanceOf(Y.XmlElement);
      expect(paragraph).toBeInstanceOf(Y.XmlElement);
      if (!(heading instanceof Y.XmlElement) || !(paragraph instanceof Y.XmlElement)) return;
      expect(heading.nodeName).toBe(NODE_SECTION_HEADING);
      // A number, as y-prosemirror writes node attrs; a string would read back as a different node.
      expect(heading.getAttributes()).toEqual({ level: SECTION_HEADING_LEVEL, section });
      const text = heading.toArray();
      expect(text).toHaveLength(1);
      expect(text[0]).toBeInstanceOf(Y.XmlText);
      expect(text[0]?.toString()).toBe(sectionText(kind, section, language).heading);
      expect(paragraph.nodeName).toBe('paragraph');
      expect(paragraph.length).toBe(0);
      expect(paragraph.getAttributes()).toEqual({});
    });
  });

  it('writes everything under the reserved client id', () => {
    const doc = load(templateUpdate('capitalisation', 'fr')!);
    expect([...Y.decodeStateVector(Y.encodeStateVector(doc)).keys()]).toEqual([TEMPLATE_CLIENT_ID]);
  });

  it('is the same bytes each time, so a repeated seed changes nothing', () => {
    const update = templateUpdate('lessons', 'es')!;
    expect(templateUpdate('lessons', 'es')).toEqual(update);
    const doc = load(update);
    const before = Y.encodeStateAsUpdate(doc);
    Y.applyUpdate(doc, update);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('seeds documents that go their own ways', () => {
    const first = load(templateUpdate('field_finding', 'en')!);
    const second = load(templateUpdate('field_finding', 'en')!);
    const paragraph = first.getXmlFragment(YDOC_CONTENT).get(1) as Y.XmlElement;
    paragraph.insert(0, [new Y.XmlText('Kolda region')]);
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first, Y.encodeStateVector(second)));
    expect(second.getXmlFragment(YDOC_CONTENT).toString()).toContain('Kolda region');
    const third = load(templateUpdate('field_finding', 'en')!);
    expect(third.getXmlFragment(YDOC_CONTENT).toString()).not.toContain('Kolda region');
  });
});

describe('the template text', () => {
  const ALL = DOCUMENT_KINDS.flatMap((kind) =>
    LANGUAGES.flatMap((language) =>
      TEMPLATE_SECTIONS[kind].map((section) => ({ kind, language, section, text: sectionText(kind, section, language) })),
    ),
  );

  it('has exactly the sections of each kind, in every language', () => {
    for (const language of LANGUAGES) {
      for (const kind of DOCUMENT_KINDS) {
        expect(Object.keys(TEMPLATE_TEXT[language][kind].sections).sort()).toEqual([...TEMPLATE_SECTIONS[kind]].sort());
      }
    }
  });

  it('gives every section a heading', () => {
    for (const { kind, section, text } of ALL) expect(text.heading.trim(), `${kind}.${section}`).not.toBe('');
  });

  it('gives every kind a default title, except the blank page', () => {
    for (const language of LANGUAGES) {
      for (const kind of DOCUMENT_KINDS) {
        if (kind === 'free') expect(defaultTitle(kind, language)).toBe('');
        else expect(defaultTitle(kind, language).trim()).not.toBe('');
      }
    }
    expect(defaultTitle('capitalisation', 'fr')).toBe('Note de capitalisation');
    expect(defaultTitle('capitalisation', 'es')).toBe('Nota de capitalización');
  });

  it('follows French typography: a non-breaking space before ? ! : ; and curly apostrophes', () => {
    const french = ALL.filter(({ language }) => language === 'fr').map(({ text }) => text.heading);
    french.push(...DOCUMENT_KINDS.map((kind) => defaultTitle(kind, 'fr')));
    for (const text of french) {
      expect(text, text).not.toMatch(/[^\u00a0\u202f][?!:;]/);
      expect(text, text).not.toContain("'");
    }
  });
});

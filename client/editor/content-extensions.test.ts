import { getSchema } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_KINDS, NODE_DOCUMENT_LINK, TEMPLATE_SECTIONS, YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { LANGUAGES } from '../../shared/roles';
import { SECTION_HEADING_LEVEL, templateUpdate } from '../../shared/knowledge/template';
import { sectionText } from '../../shared/knowledge/template-text';
import { contentExtensions } from './content-extensions';
import { guidanceDecorations, guidedParagraphs, sectionGuidance } from './section-guidance';

// The editor's own schema, and the Yjs binding the Collaboration extension uses: no DOM needed.
const schema = getSchema(contentExtensions());

function templateDoc(kind: (typeof DOCUMENT_KINDS)[number], language: (typeof LANGUAGES)[number]): { ydoc: Y.Doc; doc: ProseMirrorNode } {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, templateUpdate(kind, language)!);
  return { ydoc, doc: yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(YDOC_CONTENT), schema) };
}

const CASES = DOCUMENT_KINDS.filter((kind) => TEMPLATE_SECTIONS[kind].length > 0).flatMap((kind) =>
  LANGUAGES.map((language) => [kind, language] as const),
);

describe('a template in the editor', () => {
  it.each(CASES)('reads %s in %s as section headings, each followed by an empty paragraph', (kind, language) => {
    const { doc } = templateDoc(kind, language);
    doc.check();
    expect(doc.toJSON()).toEqual({
      type: 'doc',
      content: TEMPLATE_SECTIONS[kind].flatMap((section) => [
        {
          type: 'heading',
          attrs: { level: SECTION_HEADING_LEVEL, section },
          content: [{ type: 'text', text: sectionText(kind, section, language).heading }],
        },
        { type: 'paragraph' },
      ]),
    });
  });

  it.each(CASES)('is what the editor would write itself for %s in %s, so opening it changes nothing', (kind, language) => {
    const { ydoc, doc } = templateDoc(kind, language);
    const written = prosemirrorToYXmlFragment(doc, new Y.Doc().getXmlFragment(YDOC_CONTENT));
    const template = ydoc.getXmlFragment(YDOC_CONTENT);
    expect(written.toJSON()).toBe(template.toJSON());
    const levels = (fragment: Y.XmlFragment) => fragment.toArray().map((node) => (node instanceof Y.XmlElement ? node.getAttribute('level') : null));
    expect(levels(written)).toEqual(levels(template));
  });
});

describe('section headings and document links through Yjs', () => {
  const doc = schema.node('doc', null, [
    schema.node('heading', { level: 2, section: 'lesson' }, [schema.text('The lesson')]),
    schema.node('heading', { level: 3 }, [schema.text('A heading of our own')]),
    schema.node('paragraph', null, [
      schema.text('As the '),
      schema.node(NODE_DOCUMENT_LINK, { documentId: 'doc_123', label: 'Rice trials' }),
      schema.text(' showed.'),
    ]),
  ]);

  it('keep their attributes both ways', () => {
    const fragment = prosemirrorToYXmlFragment(doc, new Y.Doc().getXmlFragment(YDOC_CONTENT));
    const [section, own, paragraph] = fragment.toArray() as Y.XmlElement[];
    expect(section?.getAttributes()).toEqual({ level: 2, section: 'lesson' });
    // No attribute for a heading without a section: null attrs are not stored.
    expect(own?.getAttributes()).toEqual({ level: 3 });
    const link = paragraph?.toArray().find((node) => node instanceof Y.XmlElement) as Y.XmlElement;
    expect(link.nodeName).toBe(NODE_DOCUMENT_LINK);
    expect(link.getAttributes()).toEqual({ documentId: 'doc_123', label: 'Rice trials' });
    expect(yXmlFragmentToProseMirrorRootNode(fragment, schema).eq(doc)).toBe(true);
  });

  it('read a link written by the server', () => {
    const fragment = new Y.Doc().getXmlFragment(YDOC_CONTENT);
    const paragraph = new Y.XmlElement('paragraph');
    fragment.insert(0, [paragraph]);
    const link = new Y.XmlElement(NODE_DOCUMENT_LINK);
    paragraph.insert(0, [new Y.XmlText('↩ '), link]);
    link.setAttribute('documentId', 'log_1');
    link.setAttribute('label', 'Trial log');
    expect(yXmlFragmentToProseMirrorRootNode(fragment, schema).toJSON()).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '↩ ' },
            { type: NODE_DOCUMENT_LINK, attrs: { documentId: 'log_1', label: 'Trial log' } },
          ],
        },
      ],
    });
  });
});

describe('section guidance', () => {
  it('goes in every empty paragraph under a section heading', () => {
    const { doc } = templateDoc('lessons', 'en');
    expect(guidedParagraphs(doc).map((paragraph) => paragraph.section)).toEqual([...TEMPLATE_SECTIONS.lessons]);
    expect(guidanceDecorations(doc, 'fr').find()).toHaveLength(TEMPLATE_SECTIONS.lessons.length);
  });

  it('goes once someone writes there, and comes back when the paragraph is emptied', () => {
    const { doc } = templateDoc('trial_log', 'es');
    const paragraphPos = doc.child(0).nodeSize;
    const written = new Transform(doc).insert(paragraphPos + 1, schema.text('x')).doc;
    expect(guidedParagraphs(written)).toEqual([]);
    const emptied = new Transform(written).delete(paragraphPos + 1, paragraphPos + 2).doc;
    expect(guidedParagraphs(emptied)).toHaveLength(1);
  });

  it('is in the reader’s language, whatever the document’s', () => {
    const { doc } = templateDoc('field_finding', 'fr');
    const [first] = guidedParagraphs(doc);
    expect(first?.section).toBe('site');
    expect(sectionGuidance(first!.section, 'es')).toMatch(/^¿Dónde/);
  });

  it('leaves headings without a section, and paragraphs not right under a heading, alone', () => {
    const doc = schema.node('doc', null, [
      schema.node('heading', { level: 2 }, [schema.text('Ours')]),
      schema.node('paragraph'),
      schema.node('heading', { level: 2, section: 'context' }, [schema.text('Context')]),
      schema.node('paragraph', null, [schema.text('Written')]),
      schema.node('paragraph'),
    ]);
    expect(guidedParagraphs(doc)).toEqual([]);
  });
});

import * as Y from 'yjs';
import { type DocumentKind, type TemplateSection, YDOC_CONTENT } from '../../shared/knowledge/kinds';
import { TEMPLATE_CLIENT_ID, templateUpdate } from '../../shared/knowledge/template';
import type { Language } from '../../shared/roles';

/** What to write under some of a template's sections: one paragraph per string (blank ones left out), or nodes made already. */
export type SectionFills = Partial<Record<TemplateSection, ReadonlyArray<string | Y.XmlElement>>>;

/**
 * A Y.Doc holding the template of `kind` in `language` (empty for a blank
 * page), for the server to write a new document's first content in. It
 * writes as the template's own author, so the template and what follows are
 * one client's history and the document's first update carries both.
 */
export function templateDoc(kind: DocumentKind, language: Language): Y.Doc {
  const doc = new Y.Doc();
  const template = templateUpdate(kind, language);
  if (template) Y.applyUpdate(doc, template);
  // Only now: a doc that receives items under its own client id takes a fresh one (and says so on the console).
  doc.clientID = TEMPLATE_CLIENT_ID;
  return doc;
}

/**
 * Writes each section's text right after its heading. The template's empty
 * paragraph there goes: it only holds the guidance, and the text takes its place.
 */
export function fillSections(doc: Y.Doc, fills: SectionFills): void {
  const fragment = doc.getXmlFragment(YDOC_CONTENT);
  doc.transact(() => {
    const nodes = fragment.toArray();
    // From the end, so inserting under one heading leaves the indexes of the earlier ones as they were.
    for (let i = nodes.length - 1; i >= 0; i--) {
      const heading = nodes[i];
      const section = heading instanceof Y.XmlElement ? heading.getAttribute('section') : undefined;
      const fill = (fills[section as TemplateSection] ?? []).flatMap((t) => (typeof t !== 'string' ? [t] : t.trim() ? [paragraph(t.trim())] : []));
      if (fill.length === 0) continue;
      const next = nodes[i + 1];
      if (next instanceof Y.XmlElement && next.nodeName === 'paragraph' && next.length === 0) fragment.delete(i + 1, 1);
      fragment.insert(i + 1, fill);
    }
  });
}

export function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

import * as Y from 'yjs';
import type { Language } from '../roles';
import { NODE_SECTION_HEADING, TEMPLATE_SECTIONS, YDOC_CONTENT, type DocumentKind } from './kinds';
import { sectionText } from './template-text';

/**
 * The Yjs client id the server writes templates under. Editors draw their
 * ids at random from the uint32 range, so no id is strictly theirs alone; 0
 * is the one no editor is expected to hold, and Yjs itself gives an editor a
 * fresh id if it ever receives items under its own (Doc "Changed the
 * client-id because another client seems to be using it"). The same id in
 * every document is harmless: items are only compared within one Y.Doc.
 */
export const TEMPLATE_CLIENT_ID = 0;

/** The level of a section heading; the toolbar's heading button makes the same. */
export const SECTION_HEADING_LEVEL = 2;

/**
 * A new document's first content: for each of the kind's sections, a heading
 * carrying the section's id, then an empty paragraph where the section's
 * guidance shows. Shaped as y-prosemirror stores ProseMirror nodes (element
 * name = node type, attributes = node attrs, an XmlText for the text), so
 * the editor reads it as it reads its own writing. Null for a blank page.
 *
 * The update is the same bytes every time for a kind and language: apply it
 * once, when the document is created. Applying it to a document that already
 * holds another template would mix two histories under one client id.
 */
export function templateUpdate(kind: DocumentKind, language: Language): Uint8Array | null {
  const sections = TEMPLATE_SECTIONS[kind];
  if (sections.length === 0) return null;
  const doc = new Y.Doc();
  doc.clientID = TEMPLATE_CLIENT_ID;
  const fragment = doc.getXmlFragment(YDOC_CONTENT);
  doc.transact(() => {
    for (const section of sections) {
      const heading = new Y.XmlElement(NODE_SECTION_HEADING);
      const paragraph = new Y.XmlElement('paragraph');
      fragment.push([heading, paragraph]);
      // A number, as y-prosemirror stores the node's `level` attr; Yjs's default typing only knows strings.
      (heading as Y.XmlElement<{ level: number }>).setAttribute('level', SECTION_HEADING_LEVEL);
      heading.setAttribute('section', section);
      heading.push([new Y.XmlText(sectionText(kind, section, language).heading)]);
    }
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

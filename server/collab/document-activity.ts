import * as Y from 'yjs';
import { NODE_DOCUMENT_LINK, YDOC_CONTENT } from '../../shared/knowledge/kinds';

/** What happened in a document since the last report. */
export interface ActivityReport {
  /** People whose updates were stored. */
  editors: string[];
  /** Documents the content links to now; null when the content did not change. */
  linkedDocumentIds: string[] | null;
}

/**
 * Where the collaboration layer reports who edits a document and what it
 * links to, for the metadata around it (contributing organisations,
 * backlinks). Reports are batched: they must never slow the sync path.
 */
export interface DocumentActivity {
  report(documentId: string, report: ActivityReport): Promise<void>;
}

/** The ids of the documents the content links to, in order of appearance, once each. */
export function linkedDocumentIds(doc: Y.Doc): string[] {
  const found = new Set<string>();
  const visit = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      const target = child.nodeName === NODE_DOCUMENT_LINK ? child.getAttribute('documentId') : undefined;
      if (typeof target === 'string' && target) found.add(target);
      visit(child);
    }
  };
  visit(doc.getXmlFragment(YDOC_CONTENT));
  return [...found];
}

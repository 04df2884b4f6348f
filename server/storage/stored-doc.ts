import * as Y from 'yjs';
import type { StoredDocument } from './document-store';

/**
 * A Y.Doc built from what storage holds of a document. One unreadable row
 * must not make the rest unreachable: it is skipped and reported.
 */
export function docFromStored(stored: Pick<StoredDocument, 'updates'>, onUnreadable: (error: unknown) => void): Y.Doc {
  const doc = new Y.Doc();
  for (const update of stored.updates) {
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      onUnreadable(error);
    }
  }
  return doc;
}

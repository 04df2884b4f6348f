import * as Y from 'yjs';
import type { StoredDocument } from './document-store';

/**
 * A Y.Doc built from what storage holds of a document. One unreadable row
 * must not make the rest unreachable: it is skipped and reported.
 */
export function docFromStored(stored: Pick<StoredDocument, 'updates'>, onUnreadable: (error: unknown) => void): Y.Doc {
  const doc = new Y.Doc();
  applyStored(doc, stored.updates, onUnreadable);
  return doc;
}

/** Applies stored updates to `doc` in order, skipping and reporting any that does not apply. */
export function applyStored(doc: Y.Doc, updates: readonly Uint8Array[], onUnreadable: (error: unknown) => void): void {
  for (const update of updates) {
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      onUnreadable(error);
    }
  }
}

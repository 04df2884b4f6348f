import type * as Y from 'yjs';

/**
 * Calls `onNewWriter` after each change to `doc` that brings a Yjs client id
 * the document did not hold: someone writing here for the first time since
 * this page opened (this page's own first edit included). Changes before
 * `ready()` is true (the page's own copy and the first sync) introduce
 * nobody. Returns a function that stops watching.
 */
export function watchNewWriters(doc: Y.Doc, ready: () => boolean, onNewWriter: () => void): () => void {
  const watch = (transaction: Y.Transaction) => {
    if (!ready()) return;
    for (const client of transaction.afterState.keys()) {
      if (!transaction.beforeState.has(client)) {
        onNewWriter();
        return;
      }
    }
  };
  doc.on('afterTransaction', watch);
  return () => doc.off('afterTransaction', watch);
}

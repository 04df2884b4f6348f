import type { DocumentAccess } from './target';

/**
 * Documents for servers that have no document API and open any name they
 * are given: a fresh, URL-safe name per call, and no headers.
 */
export function namedDocuments(): (title: string) => Promise<DocumentAccess> {
  let created = 0;
  return async (title) => {
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return { documentId: `${slug}-${++created}`, wsHeaders: {} };
  };
}

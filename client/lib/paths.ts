/** Where the app shows a document (the `/d/:id` route in main.tsx). */
export function documentPath(documentId: string): string {
  return `/d/${encodeURIComponent(documentId)}`;
}

const THREAD_HASH = '#thread-';

/** A document, opened at one of its threads (what notifications link to). */
export function threadPath(documentId: string, threadId: string): string {
  return `${documentPath(documentId)}${THREAD_HASH}${encodeURIComponent(threadId)}`;
}

/** The thread a location's hash names (see threadPath), or null. */
export function threadOfHash(hash: string): string | null {
  if (!hash.startsWith(THREAD_HASH) || hash.length === THREAD_HASH.length) return null;
  try {
    return decodeURIComponent(hash.slice(THREAD_HASH.length));
  } catch {
    return null;
  }
}

/** Where a guest joins a workshop with its code (the `/w/join/:code` route in main.tsx). */
export function guestJoinPath(code: string): string {
  return `/w/join/${encodeURIComponent(code)}`;
}

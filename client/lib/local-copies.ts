/** What a device keeps of a document, each in an IndexedDB database of its own: the content, and its discussion. */
export type CopyKind = 'doc' | 'discussion';

const PREFIX = 'ensemble:';

/**
 * The database holding one person's copy of a document. Each person has
 * their own: on a shared computer, whoever logs in next never opens what
 * the last one kept, and never sends it as their own.
 */
export const localCopyName = (kind: CopyKind, userId: string, documentId: string) =>
  `${PREFIX}${kind}:${encodeURIComponent(userId)}:${documentId}`;

/**
 * Whether the database `name` is a copy `userId` made, or one kept before
 * copies were kept per person (`ensemble:doc:<documentId>`), whose owner
 * nobody knows.
 */
export function isCopyOf(name: string, userId: string): boolean {
  const parts = name.split(':');
  if (parts.length < 3 || `${parts[0]}:` !== PREFIX || (parts[1] !== 'doc' && parts[1] !== 'discussion')) return false;
  return parts.length === 3 || parts[2] === encodeURIComponent(userId);
}

/**
 * Deletes the copies `userId` made on this device, and those of unknown
 * owner; resolves with how many. A tab still holding one open delays its
 * deletion until it lets go, which it does once it sees the session ended.
 */
export async function forgetLocalCopies(userId: string): Promise<number> {
  const names = (await indexedDB.databases()).flatMap(({ name }) => (name && isCopyOf(name, userId) ? [name] : []));
  await Promise.all(names.map(deleteDatabase));
  return names.length;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
    // Deleted once the other tab closes it: the person need not wait for that.
    request.onblocked = () => resolve();
  });
}

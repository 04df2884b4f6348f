import { readStored, writeStored } from './local-storage';

const STORAGE_KEY = 'ensemble:workshops';
/** Enough for the workshops someone takes part in; the oldest are forgotten first. */
const KEPT = 100;

function known(): string[] {
  try {
    const parsed: unknown = JSON.parse(readStored(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Which documents are workshops, as this device has seen: a workshop opens
 * as its room straight away instead of first as a text (whose kind only the
 * server's answer would tell).
 */
export function isKnownWorkshop(documentId: string): boolean {
  return known().includes(documentId);
}

export function rememberWorkshops(documentIds: readonly string[]): void {
  const before = known();
  const fresh = documentIds.filter((id) => !before.includes(id));
  if (fresh.length > 0) writeStored(STORAGE_KEY, JSON.stringify([...fresh, ...before].slice(0, KEPT)));
}

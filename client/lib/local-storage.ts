/**
 * localStorage that never throws: it is missing or refuses writes in some
 * private modes and embedded browsers, and a preference that cannot be kept
 * must not break the page.
 */
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // The preference lasts until the page closes instead.
  }
}

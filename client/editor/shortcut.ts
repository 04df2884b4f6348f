/**
 * Keyboard shortcuts are written as Tiptap binds them ("Mod-Shift-8", where
 * Mod is ⌘ on Apple devices and Ctrl elsewhere) and shown the way each
 * platform writes them.
 */
const MAC_SYMBOLS: Readonly<Record<string, string>> = { Mod: '⌘', Ctrl: '⌃', Alt: '⌥', Shift: '⇧' };
const ARIA_NAMES: Readonly<Record<string, string>> = { Ctrl: 'Control', Alt: 'Alt', Shift: 'Shift' };

function keysOf(shortcut: string): string[] {
  return shortcut.split('-').map((key) => (key.length === 1 ? key.toUpperCase() : key));
}

/** "Ctrl+Shift+8" or "⌘⇧8", for a tooltip. */
export function formatShortcut(shortcut: string, isMac: boolean): string {
  const keys = keysOf(shortcut);
  return isMac ? keys.map((key) => MAC_SYMBOLS[key] ?? key).join('') : keys.map((key) => (key === 'Mod' ? 'Ctrl' : key)).join('+');
}

/** The value of `aria-keyshortcuts`: "Control+Shift+8" or "Meta+Shift+8". */
export function ariaShortcut(shortcut: string, isMac: boolean): string {
  return keysOf(shortcut)
    .map((key) => (key === 'Mod' ? (isMac ? 'Meta' : 'Control') : (ARIA_NAMES[key] ?? key)))
    .join('+');
}

export function isApplePlatform(userAgent: string): boolean {
  return /Mac|iPhone|iPad|iPod/.test(userAgent);
}

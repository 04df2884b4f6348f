/** The quick search's shortcut as the toolbar writes shortcuts (see editor/shortcut.ts); "/" works too. */
export const QUICK_SEARCH_SHORTCUT = 'Mod-k';

/** The parts of a keydown the decision reads; a plain object in tests. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
  target: EventTarget | null;
}

/** Inputs that take no text: "/" pressed on them is not a character. */
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'image', 'range', 'color']);

/**
 * Whether keys pressed on `target` are someone writing: a text field, a
 * list, or the document's editor (anything editable). Read by duck typing,
 * so it needs no DOM.
 */
export function isTypingTarget(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const element = target as { tagName?: unknown; type?: unknown; isContentEditable?: unknown };
  if (element.isContentEditable === true) return true;
  if (element.tagName === 'TEXTAREA' || element.tagName === 'SELECT') return true;
  return element.tagName === 'INPUT' && !NON_TEXT_INPUTS.has(String(element.type));
}

/**
 * Whether a keydown anywhere on the page opens the quick search: Ctrl+K
 * (⌘K on Apple devices) or "/" — but never while someone writes, where
 * "/" is a character and Ctrl+K may mean a link, nor when something else
 * has taken the key. "/" may come with Shift: on many keyboards it needs it.
 */
export function opensQuickSearch(event: KeyPress, isMac: boolean): boolean {
  if (event.defaultPrevented === true || event.isComposing === true || event.altKey) return false;
  if (isTypingTarget(event.target)) return false;
  const mod = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (mod) return event.key.toLowerCase() === 'k';
  return event.key === '/' && !event.ctrlKey && !event.metaKey;
}

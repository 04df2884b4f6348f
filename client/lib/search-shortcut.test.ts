import { describe, expect, it } from 'vitest';
import { isTypingTarget, opensQuickSearch, type KeyPress } from './search-shortcut';

const page = { tagName: 'BODY', isContentEditable: false };
const editor = { tagName: 'DIV', isContentEditable: true };

function press(key: string, change: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, target: page as unknown as EventTarget, ...change };
}

describe('opensQuickSearch', () => {
  it('opens with Ctrl+K elsewhere, ⌘K on Apple devices', () => {
    expect(opensQuickSearch(press('k', { ctrlKey: true }), false)).toBe(true);
    expect(opensQuickSearch(press('K', { ctrlKey: true }), false)).toBe(true);
    expect(opensQuickSearch(press('k', { metaKey: true }), true)).toBe(true);
    expect(opensQuickSearch(press('k', { metaKey: true }), false)).toBe(false);
    expect(opensQuickSearch(press('k', { ctrlKey: true }), true)).toBe(false);
  });

  it('opens with "/", also when the keyboard needs Shift for it', () => {
    expect(opensQuickSearch(press('/'), false)).toBe(true);
    expect(opensQuickSearch(press('/', { ctrlKey: true }), false)).toBe(false);
    expect(opensQuickSearch(press('/', { altKey: true }), false)).toBe(false);
  });

  it('leaves other keys alone', () => {
    expect(opensQuickSearch(press('k'), false)).toBe(false);
    expect(opensQuickSearch(press('j', { ctrlKey: true }), false)).toBe(false);
  });

  it('never fires while someone writes: in the editor, a text field, a list', () => {
    for (const target of [editor, { tagName: 'INPUT', type: 'text' }, { tagName: 'INPUT', type: 'search' }, { tagName: 'TEXTAREA' }, { tagName: 'SELECT' }]) {
      const on = target as unknown as EventTarget;
      expect(opensQuickSearch(press('/', { target: on }), false)).toBe(false);
      expect(opensQuickSearch(press('k', { ctrlKey: true, target: on }), false)).toBe(false);
    }
  });

  it('never fires when something else took the key, or while an input method composes', () => {
    expect(opensQuickSearch(press('/', { defaultPrevented: true }), false)).toBe(false);
    expect(opensQuickSearch(press('/', { isComposing: true }), false)).toBe(false);
  });
});

describe('isTypingTarget', () => {
  it('knows the fields that take text from those that do not', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'email' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'A' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindTextarea, diffText, mapPosition, mapSelection, type TextControl, type TextDelta } from './y-textarea';

/** Applies a change the way the binding does, to check that it really turns one string into the other. */
function apply(before: string, change: { index: number; remove: number; insert: string } | null): string {
  if (!change) return before;
  return before.slice(0, change.index) + change.insert + before.slice(change.index + change.remove);
}

describe('diffText', () => {
  it.each([
    ['typing in the middle', 'Drip plot', 'Drip on plot', 8, { index: 5, remove: 0, insert: 'on ' }],
    ['deleting', 'Drip on plot', 'Drip plot', 5, { index: 5, remove: 3, insert: '' }],
    ['replacing a selection', 'Drip on plot 3', 'Drip on field 3', 13, { index: 8, remove: 4, insert: 'field' }],
    ['typing into an empty field', '', 'Rain', 4, { index: 0, remove: 0, insert: 'Rain' }],
    ['clearing a field', 'Rain', '', 0, { index: 0, remove: 4, insert: '' }],
  ])('finds the smallest change when %s', (_case, before, after, caret, change) => {
    expect(diffText(before, after, caret)).toEqual(change);
  });

  it('gives null when nothing changed', () => {
    expect(diffText('same', 'same', 2)).toBeNull();
  });

  it('puts a change that could sit in several places where the caret says it was made', () => {
    // "a" typed at the start of "aaa": the caret is after it, at 1.
    expect(diffText('aaa', 'aaaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('aaa', 'aaaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' });
    // Delete pressed before the second "a" of "aab": the caret stays at 1.
    expect(diffText('aab', 'ab', 1)).toEqual({ index: 1, remove: 1, insert: '' });
    // Backspace after the first "a" of "aab", caret now at 0.
    expect(diffText('aab', 'ab', 0)).toEqual({ index: 0, remove: 1, insert: '' });
  });

  it('stays minimal when the caret is somewhere unrelated', () => {
    expect(diffText('abc', 'abcd', 0)).toEqual({ index: 3, remove: 0, insert: 'd' });
  });

  it('never splits a surrogate pair', () => {
    // Two emoji sharing their high surrogate: a naive diff would cut between its halves.
    expect(diffText('🌾', '🌽', 2)).toEqual({ index: 0, remove: 2, insert: '🌽' });
    // And two sharing their low surrogate.
    expect(diffText('🌾', '\u{1F73E}', 2)).toEqual({ index: 0, remove: 2, insert: '\u{1F73E}' });
    expect(diffText('a🌾', 'b🌾', 1)).toEqual({ index: 0, remove: 1, insert: 'b' });
    expect(diffText('x🌾y', 'x🌽y', 3)).toEqual({ index: 1, remove: 2, insert: '🌽' });
  });

  it('always turns the first string into the second', () => {
    const samples = ['', 'a', 'aa', 'ab', 'aba', 'bab', 'a🌾a', '🌾🌾', 'ééa'];
    for (const before of samples) {
      for (const after of samples) {
        for (let caret = 0; caret <= after.length; caret++) expect(apply(before, diffText(before, after, caret))).toBe(after);
      }
    }
  });
});

describe('mapPosition and mapSelection', () => {
  const insertAt = (index: number, text: string): TextDelta => (index > 0 ? [{ retain: index }, { insert: text }] : [{ insert: text }]);
  const deleteAt = (index: number, length: number): TextDelta =>
    index > 0 ? [{ retain: index }, { delete: length }] : [{ delete: length }];

  it('moves a position by what was inserted or deleted before it, not after it', () => {
    expect(mapPosition(5, insertAt(2, 'abc'), false)).toBe(8);
    expect(mapPosition(5, insertAt(7, 'abc'), false)).toBe(5);
    expect(mapPosition(5, deleteAt(1, 2), false)).toBe(3);
    expect(mapPosition(5, deleteAt(6, 2), false)).toBe(5);
  });

  it('sends a deleted position to where the deletion was', () => {
    expect(mapPosition(5, deleteAt(3, 4), true)).toBe(3);
  });

  it('puts text inserted exactly at the position before or after it as asked', () => {
    expect(mapPosition(5, insertAt(5, 'ab'), true)).toBe(7);
    expect(mapPosition(5, insertAt(5, 'ab'), false)).toBe(5);
  });

  it('follows several changes in one delta, and counts an embed as one', () => {
    const delta: TextDelta = [{ retain: 1 }, { delete: 2 }, { insert: 'xyz' }, { retain: 3 }, { insert: { image: 1 } }];
    expect(mapPosition(6, delta, false)).toBe(7);
    expect(mapPosition(7, delta, false)).toBe(9);
  });

  it('moves a caret past text inserted where it is, and keeps a selection from growing at its edges', () => {
    expect(mapSelection({ start: 4, end: 4, direction: 'none' }, insertAt(4, 'ab'))).toEqual({ start: 6, end: 6, direction: 'none' });
    expect(mapSelection({ start: 2, end: 4, direction: 'backward' }, insertAt(2, 'ab'))).toEqual({
      start: 4,
      end: 6,
      direction: 'backward',
    });
    expect(mapSelection({ start: 2, end: 4, direction: 'forward' }, insertAt(4, 'ab'))).toEqual({ start: 2, end: 4, direction: 'forward' });
    expect(mapSelection({ start: 2, end: 4, direction: 'forward' }, deleteAt(1, 5))).toEqual({ start: 1, end: 1, direction: 'forward' });
  });
});

/**
 * Just enough of a <textarea> for the binding: a value whose assignment
 * sends the caret to the end, as a browser's does, a selection, focus in
 * its own document, and events.
 */
class FakeTextarea extends EventTarget {
  selectionStart = 0;
  selectionEnd = 0;
  selectionDirection: 'forward' | 'backward' | 'none' = 'none';
  readonly ownerDocument: { activeElement: unknown } = { activeElement: null };
  /** How many times the selection was set. */
  selectionsSet = 0;
  #value = '';

  focus() {
    this.ownerDocument.activeElement = this;
  }

  blur() {
    this.ownerDocument.activeElement = null;
  }

  get value(): string {
    return this.#value;
  }

  set value(next: string) {
    this.#value = next;
    this.selectionStart = this.selectionEnd = next.length;
  }

  setSelectionRange(start: number, end: number, direction: 'forward' | 'backward' | 'none' = 'none') {
    this.selectionsSet++;
    this.selectionStart = start;
    this.selectionEnd = end;
    this.selectionDirection = direction;
  }

  /** What the user does: replace the selection with `text`, the caret after it. */
  type(text: string, options: { composing?: boolean } = {}) {
    const caret = this.selectionStart + text.length;
    this.value = this.#value.slice(0, this.selectionStart) + text + this.#value.slice(this.selectionEnd);
    this.setSelectionRange(caret, caret);
    this.dispatchEvent(Object.assign(new Event('input'), { isComposing: options.composing ?? false }));
  }
}

function bound(initial = '') {
  const doc = new Y.Doc();
  const text = doc.getText('field');
  text.insert(0, initial);
  const control = new FakeTextarea();
  control.focus();
  const unbind = bindTextarea(control as unknown as TextControl, text);
  const deltas: unknown[] = [];
  text.observe((event) => deltas.push(event.delta));
  return { doc, text, control, unbind, deltas };
}

describe('bindTextarea', () => {
  it('shows the text, and writes what is typed as the smallest change', () => {
    const { text, control, deltas } = bound('Drip plot');
    expect(control.value).toBe('Drip plot');
    control.setSelectionRange(5, 5);
    control.type('on ');
    expect(text.toString()).toBe('Drip on plot');
    expect(deltas).toEqual([[{ retain: 5 }, { insert: 'on ' }]]);
  });

  it('shows what others write and keeps the caret on the same words', () => {
    const { text, control } = bound('soil is dry');
    control.setSelectionRange(8, 8);
    text.insert(0, 'The ');
    expect(control.value).toBe('The soil is dry');
    expect([control.selectionStart, control.selectionEnd]).toEqual([12, 12]);
    text.delete(4, 5);
    expect(control.value).toBe('The is dry');
    expect([control.selectionStart, control.selectionEnd]).toEqual([7, 7]);
  });

  it('leaves the selection of a field the user is not in alone', () => {
    const { text, control } = bound('soil is dry');
    control.blur();
    const before = control.selectionsSet;
    text.insert(0, 'The ');
    expect(control.value).toBe('The soil is dry');
    expect(control.selectionsSet).toBe(before);
  });

  it('writes nothing during a composition and merges both sides when it ends', () => {
    const { text, control } = bound('rice');
    control.setSelectionRange(4, 4);
    control.dispatchEvent(new Event('compositionstart'));
    control.type(' 米', { composing: true });
    expect(text.toString()).toBe('rice');
    // Someone else writes meanwhile; the field is left alone so the composition goes on.
    text.insert(0, 'Wet ');
    expect(control.value).toBe('rice 米');
    control.dispatchEvent(new Event('compositionend'));
    expect(text.toString()).toBe('Wet rice 米');
    expect(control.value).toBe('Wet rice 米');
    expect([control.selectionStart, control.selectionEnd]).toEqual([10, 10]);
  });

  it('shows what others wrote during a composition that changed nothing', () => {
    const { text, control } = bound('rice');
    control.dispatchEvent(new Event('compositionstart'));
    text.insert(4, ' paddy');
    control.dispatchEvent(new Event('compositionend'));
    expect(control.value).toBe('rice paddy');
    expect(text.toString()).toBe('rice paddy');
  });

  it('merges with another copy edited at the same time', () => {
    const { doc, text, control } = bound('plot');
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getText('field').insert(4, ' 3');
    control.setSelectionRange(0, 0);
    control.type('The ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(text.toString()).toBe('The plot 3');
    expect(control.value).toBe('The plot 3');
    expect(control.selectionStart).toBe(4);
  });

  it('stops both ways once unbound', () => {
    const { text, control, unbind } = bound('a');
    unbind();
    control.type('b');
    text.insert(0, 'c');
    expect(text.toString()).toBe('ca');
    expect(control.value).toBe('ab');
  });

  it('refuses a text that is not part of a document', () => {
    expect(() => bindTextarea(new FakeTextarea() as unknown as TextControl, new Y.Text())).toThrow();
  });
});

import type * as Y from 'yjs';

/** A change to a string: at `index`, remove `remove` characters and put `insert` in their place. */
export interface TextChange {
  readonly index: number;
  readonly remove: number;
  readonly insert: string;
}

/** A Y.Text event's delta, as far as moving positions through it goes. */
export type TextDelta = ReadonlyArray<{ readonly insert?: unknown; readonly retain?: number; readonly delete?: number }>;

export interface TextSelection {
  readonly start: number;
  readonly end: number;
  readonly direction: 'forward' | 'backward' | 'none';
}

/** A text control that can be bound: a `<textarea>` or a text `<input>`. */
export type TextControl = HTMLTextAreaElement | HTMLInputElement;

/**
 * Keeps `control` and `text` the same, both ways, until the returned
 * function is called. What the user types becomes the smallest change to
 * the Y.Text, so what others type elsewhere in the field at the same time
 * survives; what others type moves the user's caret and selection with the
 * text around them. While an input method composes a word (Chinese, Korean,
 * accents on some keyboards) nothing is written and the field is not
 * touched, since changing it would break the composition: both sides are
 * merged when it ends.
 */
export function bindTextarea(control: TextControl, text: Y.Text): () => void {
  const doc = text.doc;
  if (!doc) throw new Error('bindTextarea needs a Y.Text that is part of a Y.Doc');
  // Marks our own writes, so that the observer does not write them back.
  const origin = {};
  /** What the control showed after it last agreed with the Y.Text. */
  let shown = text.toString();
  let composing = false;
  /** Others' changes that arrived during a composition, oldest first, still to be merged. */
  let missed: TextDelta[] = [];

  control.value = shown;

  const writeLocal = () => {
    const change = diffText(shown, control.value, control.selectionEnd ?? control.value.length);
    const deltas = missed;
    missed = [];
    if (!change && deltas.length === 0) return;
    if (change) {
      // Where the change falls in the Y.Text, which has others' changes the control has not shown.
      const start = deltas.reduce((at, delta) => mapPosition(at, delta, true), change.index);
      const end = deltas.reduce((at, delta) => mapPosition(at, delta, false), change.index + change.remove);
      doc.transact(() => {
        if (end > start) text.delete(start, end - start);
        if (change.insert) text.insert(start, change.insert);
      }, origin);
      if (deltas.length === 0) {
        shown = control.value;
        return;
      }
      show(text.toString(), { start: start + change.insert.length, end: start + change.insert.length, direction: 'none' });
    } else {
      show(text.toString(), deltas.reduce(mapSelection, selectionOf(control)));
    }
  };

  const show = (value: string, selection: TextSelection) => {
    shown = value;
    control.value = value;
    // Only where the user is: older iOS WebKit focuses and scrolls to a field whose selection is set.
    if (control.ownerDocument.activeElement === control) {
      control.setSelectionRange(selection.start, selection.end, selection.direction);
    }
  };

  const onInput = (event: Event) => {
    if (composing || (event as InputEvent).isComposing) return;
    writeLocal();
  };
  const onCompositionStart = () => {
    composing = true;
  };
  const onCompositionEnd = () => {
    composing = false;
    writeLocal();
  };
  const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return;
    if (composing) missed.push(event.delta);
    else show(text.toString(), mapSelection(selectionOf(control), event.delta));
  };

  control.addEventListener('input', onInput);
  control.addEventListener('compositionstart', onCompositionStart);
  control.addEventListener('compositionend', onCompositionEnd);
  text.observe(onChange);
  return () => {
    control.removeEventListener('input', onInput);
    control.removeEventListener('compositionstart', onCompositionStart);
    control.removeEventListener('compositionend', onCompositionEnd);
    text.unobserve(onChange);
  };
}

/**
 * The smallest change that turns `before` into `after`: what is left
 * between their common start and common end. When the change could sit at
 * several places ("aa" → "aaa"), `caret` (where the caret is in `after`)
 * picks the one the user made, so that it lands among others' edits where
 * it was typed. A surrogate pair (an emoji) is never split. Null when the
 * strings are the same.
 */
export function diffText(before: string, after: string, caret: number): TextChange | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;

  // An edit ends at the caret: keep the common end from reaching before it, if the change stays as small.
  const caretSuffix = Math.min(suffix, Math.max(0, after.length - caret));
  const caretPrefix = Math.min(prefix, shorter - caretSuffix);
  const minimal = Math.min(prefix + suffix, shorter);
  let start = caretPrefix + caretSuffix === minimal ? caretPrefix : Math.min(prefix, shorter);
  let end = minimal - start;

  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/**
 * Where `position` is after the changes in `delta`. A deleted position goes
 * to where the deletion was; text inserted exactly at the position comes
 * before it with `stickToRight` (the position follows the character after
 * it), after it without.
 */
export function mapPosition(position: number, delta: TextDelta, stickToRight: boolean): number {
  let index = 0;
  let mapped = position;
  for (const op of delta) {
    if (index > position) break;
    if (op.retain !== undefined) {
      index += op.retain;
    } else if (op.delete !== undefined) {
      if (index < position) mapped -= Math.min(op.delete, position - index);
      index += op.delete;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (index < position || (index === position && stickToRight)) mapped += length;
    }
  }
  return mapped;
}

/**
 * The selection after the changes in `delta`. A selection never grows to
 * take in text inserted at its edges; a caret moves past text inserted
 * where it is, like the character after it.
 */
export function mapSelection(selection: TextSelection, delta: TextDelta): TextSelection {
  if (selection.start === selection.end) {
    const caret = mapPosition(selection.start, delta, true);
    return { start: caret, end: caret, direction: selection.direction };
  }
  const start = mapPosition(selection.start, delta, true);
  const end = Math.max(start, mapPosition(selection.end, delta, false));
  return { start, end, direction: selection.direction };
}

function selectionOf(control: TextControl): TextSelection {
  const end = control.value.length;
  return {
    start: control.selectionStart ?? end,
    end: control.selectionEnd ?? end,
    direction: control.selectionDirection ?? 'none',
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

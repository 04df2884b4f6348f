import type { Editor } from '@tiptap/core';
import { ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { bindingOf, yPositionAt, type YBinding } from './anchors';

/** Items one Yjs client wrote, by their ids: the client id and the clocks from `clock` on. */
export interface WrittenItems {
  clientId: number;
  clock: number;
  length: number;
}

/** What `write` added under the Y.Doc's own client id; null when it added nothing (a deletion). */
export function ownWrites(doc: Y.Doc, write: () => void): WrittenItems | null {
  const before = Y.getState(doc.store, doc.clientID);
  write();
  const after = Y.getState(doc.store, doc.clientID);
  return after > before ? { clientId: doc.clientID, clock: before, length: after - before } : null;
}

/** The formatting (y-prosemirror's marks) of the character at `index`. */
function attributesAt(text: Y.XmlText, index: number): Record<string, unknown> {
  let offset = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    if (index < offset + length) return op.attributes ?? {};
    offset += length;
  }
  return {};
}

/**
 * Writes the replacement straight into the Y.XmlText the words are in, so
 * that the new items hold exactly `text`: going through ProseMirror, the
 * binding would diff the paragraph and keep the characters the old and new
 * words share. False when the words are not all in one text (they span
 * paragraphs), or not the expected ones.
 */
function replaceInText(binding: YBinding, from: number, to: number, expected: string, text: string): boolean {
  const start = yPositionAt(binding, from);
  const end = yPositionAt(binding, to);
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText)) return false;
  const target = start.type;
  if (target.toString().slice(start.index, end.index) !== expected) return false;
  const attributes = attributesAt(target, start.index);
  // Under the binding's origin, which the editor's undo manager tracks as it does typing.
  binding.doc.transact(() => {
    target.delete(start.index, end.index - start.index);
    if (text) target.insert(start.index, text, attributes);
  }, ySyncPluginKey);
  return true;
}

/**
 * Replaces the words between `from` and `to`, which read `expected`, with
 * `text` (taking the formatting of their first character), as one step of
 * the editor's undo history. Returns the items the editor's own Yjs client
 * wrote for it, null when none (no text, or no Yjs binding).
 */
export function replaceWords(editor: Editor, range: { from: number; to: number }, expected: string, text: string): WrittenItems | null {
  const binding = bindingOf(editor.state);
  const undoManager = (yUndoPluginKey.getState(editor.state) as { undoManager?: Y.UndoManager } | undefined)?.undoManager;
  const dispatch = () => editor.view.dispatch(editor.state.tr.insertText(text, range.from, range.to));
  if (!binding) {
    dispatch();
    return null;
  }
  // Its own step: neither merged into what was typed just before, nor with what is typed next.
  undoManager?.stopCapturing();
  // The binding writes a ProseMirror transaction to Yjs as it is dispatched, so the state after it is already there.
  const written = ownWrites(binding.doc, () => {
    if (!replaceInText(binding, range.from, range.to, expected, text)) dispatch();
  });
  undoManager?.stopCapturing();
  return written;
}

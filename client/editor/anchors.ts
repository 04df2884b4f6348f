import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import type { Thread } from '../../shared/annotations/discussion';

/**
 * Where annotated words are, in both models: the ProseMirror document the
 * editor shows and the Y.XmlFragment it is bound to. An anchor is a pair of
 * Yjs relative positions, which follow the words through everyone's edits;
 * a range is what the editor needs to draw or change them now.
 */

export type Anchor = Thread['anchor'];

export interface AnchorRange {
  from: number;
  to: number;
}

/** The binding between the two models, as y-tiptap's sync plugin keeps it: each Yjs type and the ProseMirror node it became. */
export interface YBinding {
  doc: Y.Doc;
  type: Y.XmlFragment;
  mapping: Map<Y.AbstractType<unknown>, ProseMirrorNode | ProseMirrorNode[]>;
}

/** The live binding of an editor with the Collaboration extension; null before its view has bound the Y.Doc. */
export function bindingOf(state: EditorState): YBinding | null {
  const sync = ySyncPluginKey.getState(state) as
    | { doc?: Y.Doc; type?: Y.XmlFragment; binding?: { mapping?: YBinding['mapping'] } | null }
    | undefined;
  if (!sync?.doc || !sync.type || !sync.binding?.mapping) return null;
  return { doc: sync.doc, type: sync.type, mapping: sync.binding.mapping };
}

/**
 * The binding ties a ProseMirror position to the character before it
 * (assoc -1) in every case. The start of an anchor is tied to its first
 * character instead (assoc 0), so words typed just before the anchor stay
 * outside it; the end keeps the character before, so words typed just after
 * stay outside too.
 */
const START_ASSOC = 0;
const END_ASSOC = -1;

/** The Yjs type and index a ProseMirror position falls on; null where the binding cannot place it. */
export function yPositionAt(binding: YBinding, pos: number): Y.AbsolutePosition | null {
  let bound: Y.RelativePosition;
  try {
    bound = absolutePositionToRelativePosition(pos, binding.type, binding.mapping) as Y.RelativePosition;
  } catch {
    // The binding throws on a position its mapping does not reach (a view mid-update).
    return null;
  }
  return Y.createAbsolutePositionFromRelativePosition(bound, binding.doc);
}

function relativeAt(binding: YBinding, pos: number, assoc: number): Y.RelativePosition | null {
  const absolute = yPositionAt(binding, pos);
  return absolute ? Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, assoc) : null;
}

const encode = (position: Y.RelativePosition) => toBase64(Y.encodeRelativePosition(position));

/** The anchor of the words between `from` and `to`; null for an empty range or one the binding cannot place. */
export function anchorFromRange(binding: YBinding, from: number, to: number): Anchor | null {
  if (from >= to) return null;
  const start = relativeAt(binding, from, START_ASSOC);
  const end = relativeAt(binding, to, END_ASSOC);
  return start && end ? { start: encode(start), end: encode(end) } : null;
}

function decode(encoded: string): Y.RelativePosition | null {
  try {
    const position = Y.decodeRelativePosition(fromBase64(encoded));
    // Yjs throws on a position that names neither a character nor a type.
    return position.item || position.type || position.tname !== null ? position : null;
  } catch {
    return null;
  }
}

/** A type removed from the document, or inside one that was: what pointed into it has nowhere left to be. */
function isRemoved(type: Y.AbstractType<unknown>): boolean {
  for (let item = type._item; item !== null; item = (item.parent as Y.AbstractType<unknown>)._item) {
    if (item.deleted) return true;
  }
  return false;
}

function absoluteAt(binding: YBinding, encoded: string): number | null {
  const position = decode(encoded);
  const absolute = position && Y.createAbsolutePositionFromRelativePosition(position, binding.doc);
  if (!absolute || isRemoved(absolute.type)) return null;
  // Said again as the binding writes positions (tied to the character
  // before): it takes one tied to the very first character of the document
  // for a misplaced block after a move, and would drop it.
  const canonical = Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, -1);
  return relativePositionToAbsolutePosition(binding.doc, binding.type, canonical, binding.mapping);
}

/**
 * Where the anchored words are now, or null when they are gone (deleted,
 * or not in this document): both ends then meet, or one has nowhere to be.
 */
export function rangeFromAnchor(binding: YBinding, anchor: Anchor, docSize: number): AnchorRange | null {
  const from = absoluteAt(binding, anchor.start);
  const to = absoluteAt(binding, anchor.end);
  if (from === null || to === null) return null;
  const range = { from: Math.max(0, from), to: Math.min(docSize, to) };
  return range.from < range.to ? range : null;
}

/**
 * Whether this device holds the text the anchor points into yet: a thread
 * can arrive before the content it is about, and is not detached for that.
 */
export function isAnchorKnown(doc: Y.Doc, anchor: Anchor): boolean {
  return [anchor.start, anchor.end].every((encoded) => {
    const position = decode(encoded);
    const id = position?.item ?? position?.type ?? null;
    if (!position) return false;
    return id === null || Y.getState(doc.store, id.client) > id.clock;
  });
}

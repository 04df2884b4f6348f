import type { Editor } from '@tiptap/core';
import { createEffect, on, onCleanup, type Accessor } from 'solid-js';
import type { Thread } from '../../shared/annotations/discussion';
import { anchorFromRange, bindingOf, isAnchorKnown, type Anchor } from '../editor/anchors';
import { annotationRanges } from '../editor/annotation-highlights';
import { locateThread } from '../editor/thread-location';
import { canRetryLater } from '../lib/discussion-outbox';

/** Quiet time after the last change before threads are re-anchored: typing goes on, and the content reaches the server meanwhile. */
const REANCHOR_DELAY_MS = 1500;

/**
 * Gives new anchors to the threads whose words are found only by their
 * quote (see locateThread), so that everyone's editor, and this one next
 * time, finds them by their anchor again. Done by those who may comment,
 * once per thread in a session, a little after the text settles; again only
 * if the new anchor held and later broke too. A refusal (the server no
 * longer sees those words) is left alone: the highlight still follows the
 * quote. Create it inside a component.
 */
export function createThreadReanchoring(options: {
  editor: Accessor<Editor | undefined>;
  threads: Accessor<readonly Thread[]>;
  canComment: () => boolean;
  reanchor(threadId: string, anchor: Anchor): Promise<void>;
}): void {
  // Threads re-anchored, or tried, since their anchor last held.
  const tried = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const reanchorAll = () => {
    timer = undefined;
    const editor = options.editor();
    const binding = editor && !editor.isDestroyed ? bindingOf(editor.state) : null;
    if (!editor || !binding || !options.canComment()) return;
    const { state } = editor;
    // Where the highlights are: after an edit here, they followed the words even where the anchor did not.
    const ranges = annotationRanges(state);
    for (const thread of options.threads()) {
      if (!isAnchorKnown(binding.doc, thread.anchor)) continue;
      const location = locateThread(state.doc, binding, thread, ranges.get(thread.id)?.from ?? null);
      if (location?.by === 'anchor') tried.delete(thread.id);
      if (location?.by !== 'quote' || tried.has(thread.id)) continue;
      const anchor = anchorFromRange(binding, location.from, location.to);
      if (!anchor) continue;
      tried.add(thread.id);
      options.reanchor(thread.id, anchor).catch((error: unknown) => {
        if (canRetryLater(error)) tried.delete(thread.id);
      });
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(reanchorAll, REANCHOR_DELAY_MS);
  };

  createEffect(() => {
    const editor = options.editor();
    if (!editor) return;
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) schedule();
    };
    editor.on('transaction', onTransaction);
    onCleanup(() => editor.off('transaction', onTransaction));
  });
  createEffect(on([options.threads, options.canComment], schedule));
  onCleanup(() => clearTimeout(timer));
}

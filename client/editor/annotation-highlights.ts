import { Extension, type Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Thread } from '../../shared/annotations/discussion';
import { bindingOf, isAnchorKnown, rangeFromAnchor, type Anchor, type AnchorRange } from './anchors';
import { locateThread, type ThreadLocation } from './thread-location';

/** What the highlights need of a thread. */
export type HighlightedThread = Pick<Thread, 'id' | 'kind' | 'status' | 'anchor' | 'quote'>;

export interface AnnotationHighlightsOptions {
  /** Read again on `refreshAnnotationHighlights` and whenever the content changes from Yjs. */
  threads: () => readonly HighlightedThread[];
  /** The thread whose words are drawn stronger, closed or not. */
  focused: () => string | null;
  /** The words an annotation is being written about, shown while the composer has the focus. */
  draft: () => Anchor | null;
  onFocusThread: (threadId: string) => void;
  /** ANNOTATE_SHORTCUT: annotate the selection. */
  onAnnotate?: () => void;
}

/** As in other editors with comments. */
export const ANNOTATE_SHORTCUT = 'Mod-Alt-m';

/**
 * Where each thread's words are now (see locateThread), or null when they
 * were deleted (detached). Threads whose text has not reached this device
 * yet are left out: they are neither placed nor detached.
 */
export type AnchorRanges = ReadonlyMap<string, ThreadLocation | null>;

interface HighlightState {
  ranges: AnchorRanges;
  /** Where each thread's words last started, kept while detached: of several places its quote is, the nearest is taken. */
  lastFrom: ReadonlyMap<string, number>;
  draft: AnchorRange | null;
  decorations: DecorationSet;
}

export const annotationHighlightsKey = new PluginKey<HighlightState>('annotationHighlights');

/** Whether a thread is drawn: open ones always, closed ones only while focused. */
const isShown = (thread: HighlightedThread, focused: string | null) => thread.status === 'open' || thread.id === focused;

/** The highlights of the threads at their ranges; the focused one last, so it is drawn on top. */
export function highlightDecorations(
  doc: ProseMirrorNode,
  threads: readonly HighlightedThread[],
  ranges: AnchorRanges,
  focused: string | null,
  draft: AnchorRange | null,
): DecorationSet {
  const decorations: Decoration[] = [];
  const shown = threads.filter((thread) => isShown(thread, focused));
  shown.sort((a, b) => Number(a.id === focused) - Number(b.id === focused));
  for (const thread of shown) {
    const range = ranges.get(thread.id);
    if (!range) continue;
    const isFocused = thread.id === focused;
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          class: `annotation-highlight annotation-kind-${thread.kind}${isFocused ? ' is-focused' : ''}${thread.status === 'open' ? '' : ' is-closed'}`,
          'data-testid': 'annotation-highlight',
          'data-thread-id': thread.id,
          'data-kind': thread.kind,
        },
        // Typing at either edge stays outside, as the anchor itself does.
        { inclusiveStart: false, inclusiveEnd: false, threadId: thread.id },
      ),
    );
  }
  if (draft) {
    decorations.push(Decoration.inline(draft.from, draft.to, { class: 'annotation-draft', 'data-testid': 'annotation-draft' }));
  }
  return DecorationSet.create(doc, decorations);
}

function locateAll(state: EditorState, threads: readonly HighlightedThread[], lastFrom: ReadonlyMap<string, number>): AnchorRanges {
  const ranges = new Map<string, ThreadLocation | null>();
  const binding = bindingOf(state);
  if (!binding) return ranges;
  for (const thread of threads) {
    if (isAnchorKnown(binding.doc, thread.anchor)) ranges.set(thread.id, locateThread(state.doc, binding, thread, lastFrom.get(thread.id) ?? null));
  }
  return ranges;
}

function draftRange(state: EditorState, anchor: Anchor | null): AnchorRange | null {
  const binding = bindingOf(state);
  if (!anchor || !binding || !isAnchorKnown(binding.doc, anchor)) return null;
  return rangeFromAnchor(binding, anchor, state.doc.content.size);
}

function mapRange<T extends AnchorRange>(range: T | null, tr: Transaction): T | null {
  if (!range) return null;
  const from = tr.mapping.map(range.from, 1);
  const to = tr.mapping.map(range.to, -1);
  return from < to ? { ...range, from, to } : null;
}

/** The starts known before, updated with those found now. */
function startsOf(ranges: AnchorRanges, before: ReadonlyMap<string, number>): Map<string, number> {
  const starts = new Map(before);
  for (const [id, range] of ranges) if (range) starts.set(id, range.from);
  return starts;
}

const REFRESH = 'refresh';

/** Asks the highlights to read the threads, the focus and the draft again. */
export function refreshAnnotationHighlights(editor: Editor): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(annotationHighlightsKey, REFRESH).setMeta('addToHistory', false));
}

/** Where each thread's words are in the editor now (see AnchorRanges). */
export function annotationRanges(state: EditorState): AnchorRanges {
  return annotationHighlightsKey.getState(state)?.ranges ?? new Map();
}

/** Where the words of the annotation being written are now; null when none is, or they are gone. */
export function annotationDraftRange(state: EditorState): AnchorRange | null {
  return annotationHighlightsKey.getState(state)?.draft ?? null;
}

/**
 * Each thread's words, highlighted in the colour of its kind. Positions
 * come from the anchors (Yjs relative positions), or the quotes where an
 * anchor no longer resolves (see locateThread), whenever the content
 * changes through Yjs (someone else's edit, undo, the first load) and when
 * the threads change; a local edit only moves them along, since Yjs hears
 * of it after this plugin.
 */
export const AnnotationHighlights = Extension.create<AnnotationHighlightsOptions>({
  name: 'annotationHighlights',

  addOptions() {
    return { threads: () => [], focused: () => null, draft: () => null, onFocusThread: () => {} };
  },

  addKeyboardShortcuts() {
    return {
      [ANNOTATE_SHORTCUT]: () => {
        if (!this.options.onAnnotate) return false;
        this.options.onAnnotate();
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    const compute = (state: EditorState, before: ReadonlyMap<string, number>): HighlightState => {
      const threads = options.threads();
      // A change from Yjs replaces the whole document: the starts known before it are the best guess of where words went.
      const ranges = locateAll(state, threads, before);
      const draft = draftRange(state, options.draft());
      return { ranges, lastFrom: startsOf(ranges, before), draft, decorations: highlightDecorations(state.doc, threads, ranges, options.focused(), draft) };
    };
    return [
      new Plugin<HighlightState>({
        key: annotationHighlightsKey,
        state: {
          init: (_config, state) => compute(state, new Map()),
          apply(tr, value, _old, state) {
            const fromYjs = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
            if (fromYjs || tr.getMeta(annotationHighlightsKey) === REFRESH) return compute(state, value.lastFrom);
            if (!tr.docChanged) return value;
            const ranges = new Map([...value.ranges].map(([id, range]) => [id, mapRange(range, tr)] as const));
            const lastFrom = new Map([...value.lastFrom].map(([id, from]) => [id, tr.mapping.map(from, 1)] as const));
            return { ranges, lastFrom, draft: mapRange(value.draft, tr), decorations: value.decorations.map(tr.mapping, tr.doc) };
          },
        },
        props: {
          decorations: (state) => annotationHighlightsKey.getState(state)?.decorations ?? null,
          handleClick: (_view, _pos, event) => {
            const target = event.target instanceof Element ? event.target.closest('[data-thread-id]') : null;
            const threadId = target?.getAttribute('data-thread-id');
            if (threadId) options.onFocusThread(threadId);
            // The click still places the cursor.
            return false;
          },
        },
      }),
    ];
  },
});

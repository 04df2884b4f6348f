import { createSignal, type Accessor } from 'solid-js';
import type { Thread } from '../../shared/annotations/discussion';
import type { Anchor } from '../editor/anchors';
import type { AnnotationHighlightsOptions } from '../editor/annotation-highlights';

/** The words an annotation is being written about. */
export interface AnnotationDraft {
  anchor: Anchor;
  quote: string;
}

/** Which thread has the attention, and where the person gave it: the other side follows. */
export interface ThreadFocus {
  threadId: string;
  from: 'text' | 'list';
}

/**
 * What the text and the discussion beside it share: the focused thread and
 * the annotation being written. The editor's highlights and the threads'
 * list both read it, so a click on either side shows the other.
 */
export interface AnnotationView {
  focus: Accessor<ThreadFocus | null>;
  focused: Accessor<string | null>;
  setFocus(focus: ThreadFocus | null): void;
  draft: Accessor<AnnotationDraft | null>;
  setDraft(draft: AnnotationDraft | null): void;
  /** Counts the requests to annotate the selection from the keyboard (Mod-Alt-M). */
  annotateRequests: Accessor<number>;
  /** What the editor's highlights are configured with. */
  highlights(threads: Accessor<readonly Thread[]>): AnnotationHighlightsOptions;
}

export function createAnnotationView(): AnnotationView {
  // Focusing the same thread again still scrolls to it.
  const [focus, setFocus] = createSignal<ThreadFocus | null>(null, { equals: false });
  const [draft, setDraft] = createSignal<AnnotationDraft | null>(null);
  const [annotateRequests, setAnnotateRequests] = createSignal(0);
  const focused = () => focus()?.threadId ?? null;
  return {
    focus,
    focused,
    setFocus,
    draft,
    setDraft,
    annotateRequests,
    highlights: (threads) => ({
      threads,
      focused,
      draft: () => draft()?.anchor ?? null,
      onFocusThread: (threadId) => setFocus({ threadId, from: 'text' }),
      onAnnotate: () => setAnnotateRequests((count) => count + 1),
    }),
  };
}

import { useLocation } from '@solidjs/router';
import type { Editor } from '@tiptap/core';
import { createEffect, createMemo, createResource, createSignal, on, onCleanup, Show, type JSX } from 'solid-js';
import { QUOTE_MAX_LENGTH, type ThreadCreatedResponse } from '../../shared/api/annotations';
import { anchorFromRange, bindingOf } from '../editor/anchors';
import { ANNOTATE_SHORTCUT, annotationDraftRange, annotationRanges } from '../editor/annotation-highlights';
import { ariaShortcut, formatShortcut, isApplePlatform } from '../editor/shortcut';
import type { AnnotationPermissions } from '../lib/annotation-permissions';
import { threadOfHash } from '../lib/paths';
import type { AnnotationView } from '../stores/annotation-view';
import { useApp } from '../stores/app-context';
import type { DiscussionOutboxStore } from '../stores/discussion-outbox';
import type { DiscussionSession } from '../stores/discussion-session';
import { createThreadReanchoring } from '../stores/thread-reanchoring';
import { createAnnotationActions } from './annotation-actions';
import type { ComposedAnnotation } from './annotation-composer';
import './annotations.css';
import { AnnotationsPanel } from './annotations-panel';
import type { MentionCandidate } from './mention-textarea';

/** From this width the threads sit in a margin beside the text; below it, in a panel opened on demand. */
const MARGIN_MEDIA = '(min-width: 1100px)';

function createMediaQuery(query: string) {
  const media = window.matchMedia(query);
  const [matches, setMatches] = createSignal(media.matches);
  const onChange = () => setMatches(media.matches);
  media.addEventListener('change', onChange);
  onCleanup(() => media.removeEventListener('change', onChange));
  return matches;
}

/**
 * The text with its discussion: wraps the editor (`children`), offers
 * "Annotate" on the selected words to those who may discuss, and shows the
 * threads beside the text or in a panel. Clicking a highlight opens its
 * thread; opening a thread brings its words into view; so does opening the
 * page at `#thread-<id>` (a notification's link).
 */
export function AnnotationsLayer(props: {
  documentId: string;
  editor: Editor | undefined;
  discussion: DiscussionSession;
  outbox: DiscussionOutboxStore;
  view: AnnotationView;
  projectId: string | undefined;
  permissions: AnnotationPermissions;
  children: JSX.Element;
}) {
  const { api, locale } = useApp();
  const wide = createMediaQuery(MARGIN_MEDIA);
  const [sheetOpen, setSheetOpen] = createSignal(false);
  const actions = createAnnotationActions({ outbox: props.outbox, editor: () => props.editor, api, documentId: props.documentId });
  createThreadReanchoring({
    editor: () => props.editor,
    threads: props.discussion.threads,
    canComment: () => props.permissions.canComment,
    reanchor: (threadId, anchor) => api.reanchorThread(props.documentId, threadId, { anchor }),
  });
  const isMac = isApplePlatform(navigator.userAgent);

  // ---- What the editor says: each transaction, and the text moving without one (a resize) ----
  const [revision, setRevision] = createSignal(0);
  const [textMoved, setTextMoved] = createSignal(0);
  createEffect(() => {
    const editor = props.editor;
    if (!editor) return;
    const bump = () => setRevision((count) => count + 1);
    editor.on('transaction', bump);
    const resizes = new ResizeObserver(() => setTextMoved((count) => count + 1));
    resizes.observe(editor.view.dom);
    onCleanup(() => {
      editor.off('transaction', bump);
      resizes.disconnect();
    });
  });
  const ranges = createMemo(() => {
    revision();
    return props.editor ? annotationRanges(props.editor.state) : new Map();
  });
  const draftRange = createMemo(() => {
    revision();
    return props.editor ? annotationDraftRange(props.editor.state) : null;
  });
  const topOf = (pos: number) => {
    try {
      return props.editor ? props.editor.view.coordsAtPos(pos).top : null;
    } catch {
      return null;
    }
  };

  // ---- Annotate: the selected words, while they are selected in the text ----
  let textArea!: HTMLDivElement;
  let toggleButton: HTMLButtonElement | undefined;
  const [domSelection, setDomSelection] = createSignal(0);
  const onSelectionChange = () => setDomSelection((count) => count + 1);
  document.addEventListener('selectionchange', onSelectionChange);
  onCleanup(() => document.removeEventListener('selectionchange', onSelectionChange));
  const [buttonFocused, setButtonFocused] = createSignal(false);
  const selectionInText = () => {
    domSelection();
    const selection = document.getSelection();
    return !!props.editor && !!selection && !selection.isCollapsed && props.editor.view.dom.contains(selection.anchorNode);
  };
  const annotatePosition = createMemo(() => {
    revision();
    textMoved();
    const editor = props.editor;
    if (!editor || !props.permissions.canComment || props.view.draft()) return null;
    const { from, to } = editor.state.selection;
    if (from >= to || !(selectionInText() || buttonFocused())) return null;
    let end: { bottom: number; left: number };
    try {
      end = editor.view.coordsAtPos(to);
    } catch {
      return null;
    }
    const box = textArea.getBoundingClientRect();
    return { top: end.bottom - box.top + 6, left: Math.min(Math.max(end.left - box.left - 48, 4), Math.max(4, box.width - 140)) };
  });

  const startAnnotating = () => {
    const editor = props.editor;
    if (!editor || !props.permissions.canComment) return;
    const { from, to } = editor.state.selection;
    const binding = bindingOf(editor.state);
    const anchor = binding && anchorFromRange(binding, from, to);
    if (!anchor) return;
    const words = editor.state.doc.textBetween(from, to, '\n');
    const quote = words.length > QUOTE_MAX_LENGTH ? `${words.slice(0, QUOTE_MAX_LENGTH - 1)}…` : words;
    props.view.setFocus(null);
    props.view.setDraft({ anchor, quote });
    // On narrow screens the panel stays open after posting, at the new thread.
    if (!wide()) setSheetOpen(true);
  };
  createEffect(on(props.view.annotateRequests, startAnnotating, { defer: true }));

  const finishComposing = () => {
    props.view.setDraft(null);
    if (props.editor?.isEditable) props.editor.view.focus();
  };
  const compose = async (value: ComposedAnnotation) => {
    const draft = props.view.draft();
    if (!draft) return;
    const result = await actions.create({ ...value, anchor: draft.anchor, quote: draft.quote });
    props.view.setDraft(null);
    if (result.status === 'sent') props.view.setFocus({ threadId: (result.response as ThreadCreatedResponse).threadId, from: 'list' });
  };

  // ---- A thread opened from the list brings its words into view ----
  createEffect(
    on(props.view.focus, (focus) => {
      if (focus?.from !== 'list' || !props.editor) return;
      const editor = props.editor;
      requestAnimationFrame(() => {
        const highlight = editor.view.dom.querySelector(`[data-thread-id="${CSS.escape(focus.threadId)}"]`);
        if (!highlight) return;
        const box = highlight.getBoundingClientRect();
        if (box.top < 0 || box.bottom > window.innerHeight * (wide() ? 1 : 0.4)) highlight.scrollIntoView({ block: wide() ? 'center' : 'start' });
      });
    }),
  );
  // A link to a thread (a notification's) opens it once the discussion has arrived, and again each time the hash changes.
  const location = useLocation();
  let followedHash: string | null = null;
  createEffect(() => {
    const hash = location.hash;
    const threadId = threadOfHash(hash);
    if (!threadId) followedHash = null;
    if (!threadId || hash === followedHash || !props.discussion.synced() || !props.editor) return;
    if (!props.discussion.threads().some((thread) => thread.id === threadId)) return;
    followedHash = hash;
    props.view.setFocus({ threadId, from: 'list' });
    if (!wide()) setSheetOpen(true);
  });
  // On narrow screens a click on a highlight opens the panel at its thread.
  createEffect(
    on(props.view.focus, (focus) => {
      if (focus?.from === 'text' && !wide()) setSheetOpen(true);
    }),
  );

  const [members] = createResource(
    () => props.projectId,
    async (projectId): Promise<MentionCandidate[]> => {
      try {
        return (await api.listMembers(projectId)).map((member) => ({
          id: member.userId,
          name: member.name,
          organisationName: member.organisation?.name ?? '',
        }));
      } catch {
        // Mentions are a help, not a need: offline, messages are written without the list.
        return [];
      }
    },
  );
  const openCount = () => props.discussion.threads().filter((thread) => thread.status === 'open').length;

  const panel = (mode: 'margin' | 'sheet') => (
    <AnnotationsPanel
      mode={mode}
      threads={props.discussion.threads()}
      ranges={ranges()}
      draft={props.view.draft()}
      draftRange={draftRange()}
      focus={props.view.focus()}
      waiting={props.outbox.waiting()}
      dropped={props.outbox.dropped()}
      synced={props.discussion.synced()}
      permissions={props.permissions}
      members={members() ?? []}
      actions={actions}
      topOf={topOf}
      textMoved={textMoved() + revision()}
      onFocus={(threadId) => props.view.setFocus({ threadId, from: 'list' })}
      onBlur={() => props.view.setFocus(null)}
      onCompose={compose}
      onCancelCompose={finishComposing}
      onDismissDropped={props.outbox.dismiss}
      onClose={() => {
        setSheetOpen(false);
        props.view.setDraft(null);
        toggleButton?.focus();
      }}
    />
  );

  return (
    <div class="annotated" classList={{ 'with-margin': wide() }}>
      <Show when={!wide()}>
        <div class="annotations-bar">
          <button
            ref={toggleButton}
            type="button"
            class="button annotations-toggle"
            data-testid="threads-toggle"
            aria-expanded={sheetOpen() || !!props.view.draft()}
            onClick={() => {
              const open = sheetOpen() || !!props.view.draft();
              setSheetOpen(!open);
              if (open) props.view.setDraft(null);
            }}
          >
            {locale.t('annotations.toggle')}
            <span class="annotations-toggle-count" data-testid="threads-open-count">
              {openCount()}
            </span>
            <span class="visually-hidden">{locale.tn('annotations.openCount', openCount())}</span>
          </button>
        </div>
      </Show>
      <div ref={textArea} class="annotated-text">
        {props.children}
        <Show when={annotatePosition()}>
          {(position) => (
            <button
              type="button"
              class="button primary annotate-button"
              data-testid="annotate"
              style={{ top: `${position().top}px`, left: `${position().left}px` }}
              title={locale.t('annotations.annotateHint', { shortcut: formatShortcut(ANNOTATE_SHORTCUT, isMac) })}
              aria-keyshortcuts={ariaShortcut(ANNOTATE_SHORTCUT, isMac)}
              // Keeps the selection in the text while the button is pressed.
              onMouseDown={(event) => event.preventDefault()}
              onFocus={() => setButtonFocused(true)}
              onBlur={() => setButtonFocused(false)}
              onClick={() => {
                setButtonFocused(false);
                startAnnotating();
              }}
            >
              {locale.t('annotations.annotate')}
            </button>
          )}
        </Show>
      </div>
      <Show when={wide()} fallback={<Show when={sheetOpen() || props.view.draft()}>{panel('sheet')}</Show>}>
        {panel('margin')}
      </Show>
    </div>
  );
}

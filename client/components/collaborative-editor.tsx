import { useNavigate } from '@solidjs/router';
import type { Editor } from '@tiptap/core';
import { createEffect, createSignal, on, onCleanup, onMount, Show, untrack, type Accessor } from 'solid-js';
import { refreshAnnotationHighlights, type AnnotationHighlightsOptions } from '../editor/annotation-highlights';
import { refreshAuthorship, type AuthorshipOptions } from '../editor/authorship';
import { createCollaborativeEditor, redrawEditor } from '../editor/create-editor';
import type { LinkCandidate } from '../editor/link-suggestions';
import type { Identity } from '../lib/identity';
import { documentPath } from '../lib/paths';
import { useApp } from '../stores/app-context';
import type { DocumentSession } from '../stores/document-session';
import { Toolbar } from './toolbar';

/**
 * The text, bound to the session's Y.Doc. With `editable` false it can be
 * read, selected and copied but not changed, and the formatting buttons go.
 * `searchDocuments` feeds the list `[[` opens (none without it); `titleOf`
 * names the linked documents, reactively (their label when made, without it).
 * `annotations` highlights the discussion's threads, following its
 * accessors; `authorship` colours the text by who wrote it, following its
 * switch and colours; `onReady` hands the editor to what works beside it.
 */
export function CollaborativeEditor(props: {
  session: DocumentSession;
  identity: Accessor<Identity>;
  editable: boolean;
  searchDocuments?: (query: string) => Promise<LinkCandidate[]>;
  titleOf?: (documentId: string) => string | undefined;
  annotations?: AnnotationHighlightsOptions;
  authorship?: AuthorshipOptions;
  onReady?: (editor: Editor) => void;
}) {
  const { locale } = useApp();
  const navigate = useNavigate();
  const [editor, setEditor] = createSignal<Editor>();
  /** Bumped on every editor transaction, so the toolbar re-reads what is active. */
  const [revision, setRevision] = createSignal(0);
  let host!: HTMLDivElement;

  onMount(() => {
    const instance = createCollaborativeEditor({
      element: host,
      ydoc: props.session.ydoc,
      provider: props.session.provider,
      // Later changes reach the others through the session's awareness state.
      user: untrack(props.identity),
      editable: untrack(() => props.editable),
      placeholder: () => locale.t('editor.placeholder'),
      label: () => locale.t('editor.label'),
      language: locale.locale,
      searchDocuments: (query) => props.searchDocuments?.(query) ?? Promise.resolve([]),
      titleOf: (documentId) => props.titleOf?.(documentId),
      onOpenDocument: (documentId) => navigate(documentPath(documentId)),
      annotations: untrack(() => props.annotations),
      authorship: untrack(() => props.authorship),
    });
    instance.on('transaction', () => setRevision((count) => count + 1));
    setEditor(instance);
    untrack(() => props.onReady?.(instance));
    onCleanup(() => instance.destroy());
  });

  createEffect(() => {
    const instance = editor();
    const annotations = props.annotations;
    if (!instance || !annotations) return;
    annotations.threads();
    annotations.focused();
    annotations.draft();
    refreshAnnotationHighlights(instance);
  });

  createEffect(() => {
    const instance = editor();
    const authorship = props.authorship;
    if (!instance || !authorship) return;
    authorship.enabled();
    authorship.authorsOf();
    refreshAuthorship(instance);
  });

  createEffect(() => {
    const instance = editor();
    if (instance && instance.isEditable !== props.editable) instance.setEditable(props.editable);
  });

  createEffect(
    on(locale.locale, () => {
      const instance = editor();
      if (instance) redrawEditor(instance);
    }, { defer: true }),
  );

  return (
    <div class="editor-frame" classList={{ 'read-only': !props.editable }}>
      <Show when={props.editable && editor()}>{(instance) => <Toolbar editor={instance()} revision={revision} />}</Show>
      <div ref={host} class="editor" data-testid="editor" data-editable={props.editable ? 'true' : 'false'} />
    </div>
  );
}

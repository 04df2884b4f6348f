import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import Placeholder from '@tiptap/extension-placeholder';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { Locale } from '../i18n/translate';
import { textColorOn } from '../lib/color';
import { parseIdentity, type Identity } from '../lib/identity';
import { AnnotationHighlights, type AnnotationHighlightsOptions } from './annotation-highlights';
import { Authorship, type AuthorshipOptions } from './authorship';
import { contentExtensions } from './content-extensions';
import './editor-extensions.css';
import type { LinkCandidate } from './link-suggestions';
import { SectionGuidance } from './section-guidance';

export interface CollaborativeEditorOptions {
  /** The editor's contenteditable is appended inside it. */
  element: HTMLElement;
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  user: Identity;
  /** False for people whose role only lets them read; `editor.setEditable` changes it later. */
  editable: boolean;
  /** Read on every redraw, so they follow the interface language. */
  placeholder: () => string;
  label: () => string;
  /** The interface language, read on every redraw: the sections' guidance and the list of documents to link follow it. */
  language: () => Locale;
  /** The documents `[[` offers to link to, for what was typed after it. */
  searchDocuments: (query: string) => Promise<LinkCandidate[]>;
  /** A linked document's current title, undefined while unknown; read reactively (see DocumentLinkOptions). */
  titleOf: (documentId: string) => string | undefined;
  /** Opens a linked document in the app (the router's navigate); without it, links load the page. */
  onOpenDocument?: (documentId: string) => void;
  /** The discussion's threads, highlighted on their words; none without it. */
  annotations?: AnnotationHighlightsOptions;
  /** Colours the text by who wrote it, when switched on; never without it. */
  authorship?: AuthorshipOptions;
}

/**
 * A Tiptap editor whose content is the Y.Doc's: it starts from what the
 * Y.Doc holds, and undo/redo only take back your own changes, never a
 * co-author's (Yjs's undo manager, not ProseMirror's history).
 */
export function createCollaborativeEditor(options: CollaborativeEditorOptions): Editor {
  return new Editor({
    element: options.element,
    extensions: [
      ...boundContent(options),
      CollaborationCaret.configure({ provider: options.provider, user: options.user, render: renderCaret }),
      // The generic hint, for an empty document; the sections of a template have their own guidance.
      Placeholder.configure({ placeholder: () => options.placeholder() }),
      SectionGuidance.configure({ language: options.language }),
      ...(options.annotations ? [AnnotationHighlights.configure(options.annotations)] : []),
      ...(options.authorship ? [Authorship.configure(options.authorship)] : []),
    ],
    editable: options.editable,
    editorProps: {
      attributes: () => ({ role: 'textbox', 'aria-multiline': 'true', 'aria-label': options.label() }),
    },
  });
}

/** The document's schema, bound to the Y.Doc's text (its XmlFragment 'default'). */
function boundContent(options: Pick<CollaborativeEditorOptions, 'ydoc' | 'titleOf' | 'searchDocuments' | 'language' | 'onOpenDocument'>) {
  return [
    ...contentExtensions({
      titleOf: options.titleOf,
      searchDocuments: options.searchDocuments,
      language: options.language,
      onOpenDocument: options.onOpenDocument,
    }),
    Collaboration.configure({ document: options.ydoc }),
  ];
}

export type VersionReaderOptions = Pick<CollaborativeEditorOptions, 'element' | 'ydoc' | 'label' | 'language' | 'titleOf' | 'onOpenDocument'>;

/**
 * The text of a document as it was at a version: the editor's schema and
 * look, bound to a Y.Doc of its own that nothing sends anywhere, never
 * editable.
 */
export function createVersionReader(options: VersionReaderOptions): Editor {
  return new Editor({
    element: options.element,
    // No guidance in the empty sections: it is shown to those who can write there.
    extensions: boundContent({ ...options, searchDocuments: async () => [] }),
    editable: false,
    editorProps: {
      attributes: () => ({ role: 'document', 'aria-label': options.label() }),
    },
  });
}

/**
 * Another person's caret, labelled with their name on their organisation's
 * colour; organisations pick light colours too, so the label's text is
 * white or dark, whichever reads.
 */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const identity = parseIdentity(user);
  const color = identity?.color ?? '#6b7280';
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = color;
  const label = document.createElement('div');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.style.color = textColorOn(color);
  label.textContent = identity?.name ?? '';
  caret.append(label);
  return caret;
}

/** Redraws the placeholder, the sections' guidance and the labels after the language changed, without touching the content. */
export function redrawEditor(editor: Editor): void {
  editor.view.dispatch(editor.state.tr);
}

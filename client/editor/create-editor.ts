import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import Placeholder from '@tiptap/extension-placeholder';
import StarterKit from '@tiptap/starter-kit';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { textColorOn } from '../lib/color';
import { parseIdentity, type Identity } from '../lib/identity';

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
      StarterKit.configure({ undoRedo: false }),
      Collaboration.configure({ document: options.ydoc }),
      CollaborationCaret.configure({ provider: options.provider, user: options.user, render: renderCaret }),
      Placeholder.configure({ placeholder: () => options.placeholder() }),
    ],
    editable: options.editable,
    editorProps: {
      attributes: () => ({ role: 'textbox', 'aria-multiline': 'true', 'aria-label': options.label() }),
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

/** Redraws the placeholder and the labels after the language changed, without touching the content. */
export function redrawEditor(editor: Editor): void {
  editor.view.dispatch(editor.state.tr);
}

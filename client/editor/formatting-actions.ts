import type { Editor } from '@tiptap/core';
import type { MessageKey } from '../i18n/en';

export type FormattingActionId = 'bold' | 'italic' | 'heading' | 'bulletList' | 'orderedList' | 'undo' | 'redo';

export interface FormattingAction {
  id: FormattingActionId;
  label: MessageKey;
  /** The shortcut Tiptap already binds, in its notation: shown, not bound, here. */
  shortcut: string;
  /** The toolbar draws a separator between groups. */
  group: 'text' | 'block' | 'history';
  run(editor: Editor): boolean;
  canRun(editor: Editor): boolean;
  /** Only for actions that toggle something on and off. */
  isActive?(editor: Editor): boolean;
}

/** The toolbar, in order. Undo and redo are the Collaboration extension's (Yjs). */
export const FORMATTING_ACTIONS: readonly FormattingAction[] = [
  {
    id: 'bold',
    label: 'toolbar.bold',
    shortcut: 'Mod-b',
    group: 'text',
    run: (editor) => editor.chain().focus().toggleBold().run(),
    canRun: (editor) => editor.can().toggleBold(),
    isActive: (editor) => editor.isActive('bold'),
  },
  {
    id: 'italic',
    label: 'toolbar.italic',
    shortcut: 'Mod-i',
    group: 'text',
    run: (editor) => editor.chain().focus().toggleItalic().run(),
    canRun: (editor) => editor.can().toggleItalic(),
    isActive: (editor) => editor.isActive('italic'),
  },
  {
    id: 'heading',
    label: 'toolbar.heading',
    shortcut: 'Mod-Alt-2',
    group: 'block',
    run: (editor) => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    canRun: (editor) => editor.can().toggleHeading({ level: 2 }),
    isActive: (editor) => editor.isActive('heading', { level: 2 }),
  },
  {
    id: 'bulletList',
    label: 'toolbar.bulletList',
    shortcut: 'Mod-Shift-8',
    group: 'block',
    run: (editor) => editor.chain().focus().toggleBulletList().run(),
    canRun: (editor) => editor.can().toggleBulletList(),
    isActive: (editor) => editor.isActive('bulletList'),
  },
  {
    id: 'orderedList',
    label: 'toolbar.orderedList',
    shortcut: 'Mod-Shift-7',
    group: 'block',
    run: (editor) => editor.chain().focus().toggleOrderedList().run(),
    canRun: (editor) => editor.can().toggleOrderedList(),
    isActive: (editor) => editor.isActive('orderedList'),
  },
  {
    id: 'undo',
    label: 'toolbar.undo',
    shortcut: 'Mod-z',
    group: 'history',
    run: (editor) => editor.chain().focus().undo().run(),
    canRun: (editor) => editor.can().undo(),
  },
  {
    id: 'redo',
    label: 'toolbar.redo',
    shortcut: 'Mod-Shift-z',
    group: 'history',
    run: (editor) => editor.chain().focus().redo().run(),
    canRun: (editor) => editor.can().redo(),
  },
];

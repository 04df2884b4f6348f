import type { AnyExtension } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { DocumentLink, type DocumentLinkOptions } from './document-link';
import { SectionHeading } from './section-heading';

/**
 * The extensions that decide what a document can hold: its schema, which
 * the server's templates (shared/knowledge/template.ts) and links are
 * written against. Undo and redo are left to the Collaboration extension.
 */
export function contentExtensions(links: Partial<DocumentLinkOptions> = {}): AnyExtension[] {
  // Tables as a document holds them (imported, pasted): cells of paragraphs, no resizing handles.
  return [StarterKit.configure({ undoRedo: false }), TableKit.configure({ table: { resizable: false } }), SectionHeading, DocumentLink.configure(links)];
}

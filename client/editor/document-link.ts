import { mergeAttributes, Node } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { createRenderEffect, createRoot, createSignal } from 'solid-js';
import { NODE_DOCUMENT_LINK } from '../../shared/knowledge/kinds';
import { translate, type Locale } from '../i18n/translate';
import { documentPath } from '../lib/paths';
import { linkSuggestionsPlugin, type LinkCandidate } from './link-suggestions';

export interface DocumentLinkOptions {
  /**
   * The linked document's current title, or undefined while it is not known.
   * Read in a Solid tracking scope: when it reads signals, the links follow
   * renames as they happen.
   */
  titleOf: (documentId: string) => string | undefined;
  /** See LinkSuggestionsOptions. */
  searchDocuments: (query: string) => Promise<LinkCandidate[]>;
  language: () => Locale;
  /** Opens the linked document inside the app; without it, the link is an ordinary link. */
  onOpenDocument: ((documentId: string) => void) | undefined;
}

/**
 * A link to another document of the platform: an inline atom holding the
 * document's id, and its title when the link was made as a fallback. The
 * chip shows the document's current title, so links follow renames. Typing
 * `[[` offers the documents to link to (see link-suggestions.ts).
 */
export const DocumentLink = Node.create<DocumentLinkOptions>({
  name: NODE_DOCUMENT_LINK,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  // Above StarterKit's keymaps, so Enter on a selected link opens it instead of replacing it.
  priority: 200,

  addOptions() {
    return { titleOf: () => undefined, searchDocuments: async () => [], language: () => 'en', onOpenDocument: undefined };
  },

  addAttributes() {
    return {
      documentId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-document-id'),
        renderHTML: (attributes) => ({ 'data-document-id': attributes.documentId }),
      },
      label: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-label') ?? element.textContent ?? '',
        renderHTML: (attributes) => ({ 'data-label': attributes.label }),
      },
    };
  },

  parseHTML() {
    // Before the Link mark's `a[href]`, so a link copied from a document stays a document link.
    return [{ tag: 'a[data-document-id]', priority: 60 }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'a',
      mergeAttributes(HTMLAttributes, { href: documentPath(node.attrs.documentId), class: 'document-chip' }),
      this.options.titleOf(node.attrs.documentId) || node.attrs.label,
    ];
  },

  renderText({ node }) {
    return this.options.titleOf(node.attrs.documentId) || node.attrs.label;
  },

  addNodeView() {
    const { titleOf, language, onOpenDocument } = this.options;
    return ({ node }) => {
      const [attrs, setAttrs] = createSignal<{ documentId: string; label: string }>({ documentId: node.attrs.documentId, label: node.attrs.label });
      const chip = document.createElement('a');
      chip.className = 'document-chip';
      chip.contentEditable = 'false';
      const dispose = createRoot((dispose) => {
        createRenderEffect(() => {
          const { documentId, label } = attrs();
          chip.href = documentPath(documentId);
          chip.textContent = titleOf(documentId) || label || translate(language(), 'document.untitled');
        });
        return dispose;
      });
      chip.addEventListener('click', (event) => {
        // A modified click opens a new tab the browser's way.
        if (!onOpenDocument || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        onOpenDocument(attrs().documentId);
      });
      return {
        dom: chip,
        update: (next) => {
          if (next.type !== node.type) return false;
          setAttrs({ documentId: next.attrs.documentId, label: next.attrs.label });
          return true;
        },
        // The click is the chip's own: ProseMirror would select the node, and the Link mark's handler open a window.
        stopEvent: (event) => event.type === 'mousedown' || event.type === 'mouseup' || event.type === 'click',
        destroy: dispose,
      };
    };
  },

  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const { selection } = editor.state;
        if (!(selection instanceof NodeSelection) || selection.node.type.name !== this.name) return false;
        const { documentId } = selection.node.attrs;
        if (this.options.onOpenDocument) this.options.onOpenDocument(documentId);
        else window.location.assign(documentPath(documentId));
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    return [linkSuggestionsPlugin({ searchDocuments: this.options.searchDocuments, language: this.options.language })];
  },
});

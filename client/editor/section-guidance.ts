import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { DOCUMENT_KINDS, NODE_SECTION_HEADING, TEMPLATE_SECTIONS, type TemplateSection } from '../../shared/knowledge/kinds';
import { translate, type Locale } from '../i18n/translate';

export interface SectionGuidanceOptions {
  /** The interface language, read on every transaction: the guidance follows it, whatever the document's language. */
  language: () => Locale;
}

const SECTION_IDS: ReadonlySet<string> = new Set(DOCUMENT_KINDS.flatMap((kind): readonly string[] => TEMPLATE_SECTIONS[kind]));

function isTemplateSection(id: string): id is TemplateSection {
  return SECTION_IDS.has(id);
}

/**
 * The guidance of a section, found by its id alone, as a heading in the
 * editor carries it (ids are unique across kinds); undefined for an id no
 * template has (pasted from elsewhere, or from a newer version).
 */
export function sectionGuidance(section: string, language: Locale): string | undefined {
  return isTemplateSection(section) ? translate(language, `editor.guidance.${section}`) : undefined;
}

/** An empty paragraph right after a section heading: where that section's guidance shows. */
export interface GuidedParagraph {
  pos: number;
  node: ProseMirrorNode;
  section: string;
}

/** The empty paragraphs of `doc` that directly follow a heading with a section id. */
export function guidedParagraphs(doc: ProseMirrorNode): GuidedParagraph[] {
  const found: GuidedParagraph[] = [];
  let section: string | null = null;
  doc.forEach((node, pos) => {
    if (section && node.type.name === 'paragraph' && node.childCount === 0) found.push({ pos, node, section });
    section = node.type.name === NODE_SECTION_HEADING && typeof node.attrs.section === 'string' ? node.attrs.section : null;
  });
  return found;
}

interface GuidanceState {
  language: Locale;
  decorations: DecorationSet;
}

export function guidanceDecorations(doc: ProseMirrorNode, language: Locale): DecorationSet {
  const decorations = guidedParagraphs(doc).flatMap(({ pos, node, section }) => {
    const guidance = sectionGuidance(section, language);
    return guidance
      ? [Decoration.node(pos, pos + node.nodeSize, { class: 'section-guidance', 'data-guidance': guidance })]
      : [];
  });
  return DecorationSet.create(doc, decorations);
}

const guidanceKey = new PluginKey<GuidanceState>('sectionGuidance');

/**
 * Shows each section's guidance in the empty paragraph under its heading, on
 * every such paragraph at once, until someone writes there; it comes back
 * when the paragraph is emptied. Unlike the Placeholder extension (which
 * keeps the generic hint for an empty document), it looks at each
 * paragraph's neighbour, and it redraws when the language changes, on the
 * empty transaction `redrawEditor` sends. Like the placeholder, it shows
 * only to people who can write.
 */
export const SectionGuidance = Extension.create<SectionGuidanceOptions>({
  name: 'sectionGuidance',

  addOptions() {
    return { language: () => 'en' };
  },

  addProseMirrorPlugins() {
    const { editor, options } = this;
    return [
      new Plugin<GuidanceState>({
        key: guidanceKey,
        state: {
          init: (_config, state) => ({ language: options.language(), decorations: guidanceDecorations(state.doc, options.language()) }),
          apply: (tr, previous, _oldState, state) => {
            const language = options.language();
            // A document has a few dozen top-level blocks: scanning them all is cheaper than tracking what moved.
            if (!tr.docChanged && language === previous.language) return previous;
            return { language, decorations: guidanceDecorations(state.doc, language) };
          },
        },
        props: {
          decorations: (state) => (editor.isEditable ? guidanceKey.getState(state)?.decorations : DecorationSet.empty),
        },
      }),
    ];
  },
});

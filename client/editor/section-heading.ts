import { Extension } from '@tiptap/core';
import { NODE_SECTION_HEADING } from '../../shared/knowledge/kinds';

/**
 * Gives StarterKit's heading a `section` attribute: the id of the template
 * section it opens (see TEMPLATE_SECTIONS), null for a heading someone
 * added. The id, not the heading's text, is what the guidance and the server
 * go by, so renaming a section keeps both working. It is stored as the
 * heading's `section` attribute in the Y.Doc and written `data-section` in
 * HTML, so copying a section between documents keeps it.
 */
export const SectionHeading = Extension.create({
  name: 'sectionHeading',

  addGlobalAttributes() {
    return [
      {
        types: [NODE_SECTION_HEADING],
        attributes: {
          section: {
            default: null,
            // Splitting a heading in two leaves the section with the first half only.
            keepOnSplit: false,
            parseHTML: (element) => element.getAttribute('data-section'),
            renderHTML: (attributes) => (attributes.section ? { 'data-section': attributes.section } : {}),
          },
        },
      },
    ];
  },
});

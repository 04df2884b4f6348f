/** Messages of the editor part of the interface; spread into the English dictionary. */
export const editorEn = {
  'editor.linkList': 'Link to a document',
  'editor.linkSearching': 'Searching…',
  'editor.linkNoMatch': 'No document matches',
  'editor.linkSearchFailed': 'The documents could not be searched. Keep typing to try again.',
};

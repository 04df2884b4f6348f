import type { editorEn } from './en';

export const editorFr: Record<keyof typeof editorEn, string> = {
  'editor.linkList': 'Lier à un document',
  'editor.linkSearching': 'Recherche…',
  'editor.linkNoMatch': 'Aucun document ne correspond',
  'editor.linkSearchFailed': 'La recherche de documents a échoué. Continuez à taper pour réessayer.',
};

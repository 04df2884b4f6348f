import type { editorEn } from './en';

export const editorEs: Record<keyof typeof editorEn, string> = {
  'editor.linkList': 'Enlazar con un documento',
  'editor.linkSearching': 'Buscando…',
  'editor.linkNoMatch': 'Ningún documento coincide',
  'editor.linkSearchFailed': 'No se pudieron buscar los documentos. Siga escribiendo para volver a intentarlo.',
};

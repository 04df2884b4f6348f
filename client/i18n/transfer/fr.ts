import type { transferEn } from './en';

// French typography puts a non-breaking space (\u00a0) before ? ! : ;
export const transferFr: Record<keyof typeof transferEn, string> = {
  'transfer.export.title': 'Exporter',
  'transfer.export.format': 'Format',
  'transfer.format.md': 'Markdown (.md)',
  'transfer.format.html': 'Page web (.html)',
  'transfer.format.docx': 'Word (.docx)',
  'transfer.format.pdf': 'PDF (.pdf)',
  'transfer.export.annotations': 'Inclure les annotations en notes de bas de page',
  'transfer.export.download': 'Télécharger',
  'transfer.export.preparing': 'Préparation du fichier…',
  'transfer.export.error': 'Le document n’a pas pu être exporté. {reason}',

  'transfer.project.title': 'Exporter et importer',
  'transfer.project.exportIntro':
    'Téléchargez tous les documents du projet en Markdown, avec leurs métadonnées, leur historique et les contributions, dans une seule archive\u00a0: une sauvegarde que votre organisation peut garder.',
  'transfer.project.export': 'Exporter le projet',
  'transfer.project.progress': 'Préparation de l’archive\u00a0: {completed} documents sur {total}…',
  'transfer.project.progressLabel': 'Avancement de l’archive',
  'transfer.project.ready': 'L’archive est prête\u00a0: {size}.',
  'transfer.project.download': 'Télécharger l’archive',
  'transfer.project.failures.one': '{count} document n’a pas pu être mis dans l’archive\u00a0:',
  'transfer.project.failures.other': '{count} documents n’ont pas pu être mis dans l’archive\u00a0:',
  'transfer.project.failure': '{title}\u00a0: {error}',
  'transfer.project.error': 'L’archive n’a pas pu être préparée. {reason}',

  'transfer.import.title': 'Importer un document',
  'transfer.import.intro':
    'Un fichier Markdown (.md) ou Word (.docx) de {size} Mo au plus devient un nouveau document du projet. Ses titres, listes, mises en valeur, liens et tableaux sont conservés\u00a0; les images deviennent des liens.',
  'transfer.import.choose': 'Choisir un fichier',
  'transfer.import.drop': 'ou le déposer ici',
  'transfer.import.importing': 'Import de {name}…',
  'transfer.import.error': 'Le fichier n’a pas pu être importé. {reason}',
  'transfer.import.tooLarge': '{name} dépasse {size} Mo.',
  'transfer.import.unsupported': '{name} n’est pas un fichier Markdown (.md) ou Word (.docx).',

  'error.file_too_large': 'Le fichier est trop volumineux pour être importé.',
  'error.unsupported_file': 'Seuls les fichiers Markdown (.md) et Word (.docx) peuvent être importés.',
  'error.unreadable_file': 'Le fichier n’a pas pu être lu\u00a0: il est peut-être abîmé, ou n’est pas ce que son nom indique.',
  'error.export_not_ready': 'L’archive n’est pas encore prête.',
};

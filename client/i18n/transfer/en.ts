/** Messages of exports and imports; spread into the English dictionary. */
export const transferEn = {
  'transfer.export.title': 'Export',
  'transfer.export.format': 'Format',
  'transfer.format.md': 'Markdown (.md)',
  'transfer.format.html': 'Web page (.html)',
  'transfer.format.docx': 'Word (.docx)',
  'transfer.format.pdf': 'PDF (.pdf)',
  'transfer.export.annotations': 'Include the annotations as footnotes',
  'transfer.export.download': 'Download',
  'transfer.export.preparing': 'Preparing the file…',
  'transfer.export.error': 'The document could not be exported. {reason}',

  'transfer.project.title': 'Export and import',
  'transfer.project.exportIntro':
    'Download every document of the project as Markdown, with its metadata, history and contributions, in one archive: a backup your organisation can keep.',
  'transfer.project.export': 'Export the project',
  'transfer.project.progress': 'Preparing the archive: {completed} of {total} documents…',
  'transfer.project.progressLabel': 'Progress of the archive',
  'transfer.project.ready': 'The archive is ready: {size}.',
  'transfer.project.download': 'Download the archive',
  'transfer.project.failures.one': '{count} document could not be put in the archive:',
  'transfer.project.failures.other': '{count} documents could not be put in the archive:',
  'transfer.project.failure': '{title}: {error}',
  'transfer.project.error': 'The archive could not be made. {reason}',

  'transfer.import.title': 'Import a document',
  'transfer.import.intro':
    'A Markdown (.md) or Word (.docx) file of up to {size} MB becomes a new document of the project. Its headings, lists, emphasis, links and tables are kept; images become links.',
  'transfer.import.choose': 'Choose a file',
  'transfer.import.drop': 'or drop it here',
  'transfer.import.importing': 'Importing {name}…',
  'transfer.import.error': 'The file could not be imported. {reason}',
  'transfer.import.tooLarge': '{name} is larger than {size} MB.',
  'transfer.import.unsupported': '{name} is not a Markdown (.md) or Word (.docx) file.',

  'error.file_too_large': 'The file is too large to import.',
  'error.unsupported_file': 'Only Markdown (.md) and Word (.docx) files can be imported.',
  'error.unreadable_file': 'The file could not be read: it may be damaged, or not what its name says.',
  'error.export_not_ready': 'The archive is not ready yet.',
} as const;

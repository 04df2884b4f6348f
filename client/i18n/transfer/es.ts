import type { transferEn } from './en';

export const transferEs: Record<keyof typeof transferEn, string> = {
  'transfer.export.title': 'Exportar',
  'transfer.export.format': 'Formato',
  'transfer.format.md': 'Markdown (.md)',
  'transfer.format.html': 'Página web (.html)',
  'transfer.format.docx': 'Word (.docx)',
  'transfer.format.pdf': 'PDF (.pdf)',
  'transfer.export.annotations': 'Incluir las anotaciones como notas al pie',
  'transfer.export.download': 'Descargar',
  'transfer.export.preparing': 'Preparando el archivo…',
  'transfer.export.error': 'No se pudo exportar el documento. {reason}',

  'transfer.project.title': 'Exportar e importar',
  'transfer.project.exportIntro':
    'Descargue todos los documentos del proyecto en Markdown, con sus metadatos, su historial y las contribuciones, en un solo archivo: una copia de seguridad que su organización puede conservar.',
  'transfer.project.export': 'Exportar el proyecto',
  'transfer.project.progress': 'Preparando el archivo: {completed} de {total} documentos…',
  'transfer.project.progressLabel': 'Avance del archivo',
  'transfer.project.ready': 'El archivo está listo: {size}.',
  'transfer.project.download': 'Descargar el archivo',
  'transfer.project.failures.one': '{count} documento no se pudo incluir en el archivo:',
  'transfer.project.failures.other': '{count} documentos no se pudieron incluir en el archivo:',
  'transfer.project.failure': '{title}: {error}',
  'transfer.project.error': 'No se pudo preparar el archivo. {reason}',

  'transfer.import.title': 'Importar un documento',
  'transfer.import.intro':
    'Un archivo Markdown (.md) o Word (.docx) de hasta {size} MB se convierte en un nuevo documento del proyecto. Se conservan sus títulos, listas, énfasis, enlaces y tablas; las imágenes se convierten en enlaces.',
  'transfer.import.choose': 'Elegir un archivo',
  'transfer.import.drop': 'o soltarlo aquí',
  'transfer.import.importing': 'Importando {name}…',
  'transfer.import.error': 'No se pudo importar el archivo. {reason}',
  'transfer.import.tooLarge': '{name} supera los {size} MB.',
  'transfer.import.unsupported': '{name} no es un archivo Markdown (.md) ni Word (.docx).',

  'error.file_too_large': 'El archivo es demasiado grande para importarlo.',
  'error.unsupported_file': 'Solo se pueden importar archivos Markdown (.md) y Word (.docx).',
  'error.unreadable_file': 'No se pudo leer el archivo: puede estar dañado o no ser lo que indica su nombre.',
  'error.export_not_ready': 'El archivo aún no está listo.',
};

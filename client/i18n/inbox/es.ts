import type { inboxEn } from './en';

export const inboxEs: Record<keyof typeof inboxEn, string> = {
  'inbox.title': 'Notificaciones',
  'inbox.unreadCount.one': '{count} notificación sin leer',
  'inbox.unreadCount.other': '{count} notificaciones sin leer',
  'inbox.close': 'Cerrar las notificaciones',
  'inbox.markAll': 'Marcar todo como leído',
  'inbox.loading': 'Cargando sus notificaciones…',
  'inbox.loadError': 'No se pudieron cargar sus notificaciones. {reason}',
  'inbox.markError': 'No se pudieron marcar sus notificaciones como leídas. {reason}',
  'inbox.empty':
    'Todavía no hay notificaciones: aquí sabrá cuándo alguien le menciona o responde a sus anotaciones.',
  'inbox.kind.mention': '{name} le mencionó',
  'inbox.kind.reply': '{name} respondió a su conversación',
  'inbox.kind.suggestion_accepted': '{name} aceptó su sugerencia',
  'inbox.inDocument': 'en {title}',
  'inbox.untitled': 'un documento sin título',
  'inbox.unreadMarker': 'Sin leer',
  'inbox.timeAgo': '{when}',
  'inbox.timeOn': '{date}',

  'inbox.mention.list': 'Personas para mencionar',
  'inbox.mention.matches.one': '{count} persona encontrada. Elija con las flechas y Intro.',
  'inbox.mention.matches.other': '{count} personas encontradas. Elija con las flechas y Intro.',
};

import type { inboxEn } from './en';

// French typography puts a non-breaking space (\u00a0) before ? ! : ;
export const inboxFr: Record<keyof typeof inboxEn, string> = {
  'inbox.title': 'Notifications',
  'inbox.unreadCount.one': '{count}\u00a0notification non lue',
  'inbox.unreadCount.other': '{count}\u00a0notifications non lues',
  'inbox.close': 'Fermer les notifications',
  'inbox.markAll': 'Tout marquer comme lu',
  'inbox.loading': 'Chargement de vos notifications…',
  'inbox.loadError': 'Vos notifications n’ont pas pu être chargées. {reason}',
  'inbox.markError': 'Vos notifications n’ont pas pu être marquées comme lues. {reason}',
  'inbox.empty':
    'Aucune notification pour l’instant\u00a0: c’est ici que vous saurez quand quelqu’un vous mentionne ou répond à vos annotations.',
  'inbox.kind.mention': '{name} vous mentionne',
  'inbox.kind.reply': '{name} a répondu à votre discussion',
  'inbox.kind.suggestion_accepted': '{name} a accepté votre suggestion',
  'inbox.inDocument': 'dans {title}',
  'inbox.untitled': 'un document sans titre',
  'inbox.unreadMarker': 'Non lue',
  'inbox.timeAgo': '{when}',
  'inbox.timeOn': '{date}',

  'inbox.mention.list': 'Personnes à mentionner',
  'inbox.mention.matches.one': '{count}\u00a0personne trouvée. Choisissez avec les flèches et Entrée.',
  'inbox.mention.matches.other': '{count}\u00a0personnes trouvées. Choisissez avec les flèches et Entrée.',
};

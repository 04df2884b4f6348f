/** Messages of the inbox part of the interface; spread into the English dictionary. */
export const inboxEn = {
  'inbox.title': 'Notifications',
  'inbox.unreadCount.one': '{count} unread notification',
  'inbox.unreadCount.other': '{count} unread notifications',
  'inbox.close': 'Close the notifications',
  'inbox.markAll': 'Mark all as read',
  'inbox.loading': 'Loading your notifications…',
  'inbox.loadError': 'Your notifications could not be loaded. {reason}',
  'inbox.markError': 'Your notifications could not be marked as read. {reason}',
  'inbox.empty': 'No notifications yet: you’ll hear here when someone mentions you or replies to your annotations.',
  'inbox.kind.mention': '{name} mentioned you',
  'inbox.kind.reply': '{name} replied to your thread',
  'inbox.kind.suggestion_accepted': '{name} accepted your suggestion',
  'inbox.inDocument': 'in {title}',
  'inbox.untitled': 'an untitled document',
  'inbox.unreadMarker': 'Unread',
  'inbox.timeAgo': '{when}',
  'inbox.timeOn': '{date}',

  'inbox.mention.list': 'People to mention',
  'inbox.mention.matches.one': '{count} person found. Choose with the arrow keys and Enter.',
  'inbox.mention.matches.other': '{count} people found. Choose with the arrow keys and Enter.',
};

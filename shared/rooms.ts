import { documentIdSchema } from './api/documents';
import { DISCUSSION_ROOM_SUFFIX } from './annotations/discussion';

/**
 * What a websocket connects to: a document's content, or its discussion.
 * Both are Yjs documents kept and synced alike, under the room's id; access
 * to either is access to the document.
 */
export interface Room {
  /** `<documentId>` or `<documentId>/discussion`: the key of its storage and of its loaded session. */
  id: string;
  documentId: string;
  channel: 'content' | 'discussion';
}

/** The room a collaboration path names (the part after `/collab/`), or null for anything else. */
export function parseRoom(path: string): Room | null {
  const channel = path.endsWith(DISCUSSION_ROOM_SUFFIX) ? 'discussion' : 'content';
  const documentId = documentIdSchema.safeParse(channel === 'discussion' ? path.slice(0, -DISCUSSION_ROOM_SUFFIX.length) : path);
  return documentId.success ? { id: path, documentId: documentId.data, channel } : null;
}

import { documentIdSchema } from './api/documents';
import { DISCUSSION_ROOM_SUFFIX } from './annotations/discussion';
import { BOARD_ROOM_SUFFIX } from './workshops/board';

/**
 * What a websocket connects to: a document's content, its discussion, or
 * (for a workshop) its board. Each is a Yjs document kept and synced alike,
 * under the room's id; access to any is access to the document.
 */
export interface Room {
  /** `<documentId>`, `<documentId>/discussion` or `<documentId>/board`: the key of its storage and of its loaded session. */
  id: string;
  documentId: string;
  channel: RoomChannel;
}

export type RoomChannel = 'content' | 'discussion' | 'board';

/** What follows a document's id in the id of each of its rooms. */
const SUFFIXES: Readonly<Record<RoomChannel, string>> = { content: '', discussion: DISCUSSION_ROOM_SUFFIX, board: BOARD_ROOM_SUFFIX };

export const ROOM_CHANNELS = Object.keys(SUFFIXES) as RoomChannel[];

/** The id of a document's room on `channel`. */
export const roomId = (documentId: string, channel: RoomChannel) => `${documentId}${SUFFIXES[channel]}`;

/** The room a collaboration path names (the part after `/collab/`), or null for anything else. */
export function parseRoom(path: string): Room | null {
  const channel = ROOM_CHANNELS.find((c) => SUFFIXES[c] !== '' && path.endsWith(SUFFIXES[c])) ?? 'content';
  const suffix = SUFFIXES[channel];
  const documentId = documentIdSchema.safeParse(path.slice(0, path.length - suffix.length));
  return documentId.success ? { id: path, documentId: documentId.data, channel } : null;
}

import { parseRoom, type RoomChannel } from '../../shared/rooms';
import type { DocumentStore } from './document-store';

/**
 * The store of every collaboration room, keyed by room id: a document's
 * content goes to one store, its discussion to another, a workshop's board
 * to a third, each under the document's id.
 */
export function createRoomStore(stores: Record<RoomChannel, DocumentStore>): DocumentStore {
  const route = (roomId: string) => {
    const room = parseRoom(roomId);
    if (!room) throw new Error(`not a room: ${roomId}`);
    return { store: stores[room.channel], documentId: room.documentId };
  };
  return {
    load: (roomId) => {
      const { store, documentId } = route(roomId);
      return store.load(documentId);
    },
    append: (roomId, update) => {
      const { store, documentId } = route(roomId);
      return store.append(documentId, update);
    },
    discard: (roomId, seq) => {
      const { store, documentId } = route(roomId);
      return store.discard(documentId, seq);
    },
    compact: (roomId, snapshot, throughSeq) => {
      const { store, documentId } = route(roomId);
      return store.compact(documentId, snapshot, throughSeq);
    },
    flush: async () => {
      await Promise.all(Object.values(stores).map((store) => store.flush()));
    },
  };
}

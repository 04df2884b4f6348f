import { parseRoom } from '../../shared/rooms';
import { documentClients, recordClients } from '../storage/attribution-repository';
import { recordContributors, replaceMentions } from '../storage/documents-repository';
import type { Copied } from '../history/authorship';
import type { SearchEntry } from '../search/entries';
import { creditCopies } from './attribution';
import type { ServiceDeps } from './context';

/** What happened in a document since the last report. */
export interface ActivityReport {
  /** People whose updates were stored, and how many of them. */
  editors: ReadonlyMap<string, number>;
  /** Documents the content links to now; null when the content did not change. */
  linkedDocumentIds: string[] | null;
  /** Characters written as copies of the document's own text (moved or pasted). */
  copies: Copied[];
  /** What search should find in the room now; null when it did not change. */
  searchable: SearchEntry[] | null;
}

/**
 * Where the collaboration layer reports who edits a document and what it
 * links to, for the metadata around it (contributing organisations,
 * backlinks).
 */
export interface DocumentActivity {
  report(roomId: string, report: ActivityReport): Promise<void>;
}

/** Records who edited a document, what its text links to and what search finds in it, as the collaboration layer reports it. */
export function documentActivityRecorder(deps: Pick<ServiceDeps, 'db' | 'clock' | 'search'>): DocumentActivity {
  return {
    async report(roomId, { editors, linkedDocumentIds, copies, searchable }) {
      const room = parseRoom(roomId);
      if (!room) return;
      const { documentId } = room;
      if (room.channel === 'content') {
        await recordContributors(deps.db, documentId, editors, deps.clock());
        if (linkedDocumentIds) await replaceMentions(deps.db, documentId, linkedDocumentIds);
        await creditCopies(deps.db, documentId, copies);
      }
      if (searchable) await deps.search.replace(documentId, room.channel, searchable);
    },
  };
}

/** Where the collaboration layer keeps whose each Yjs client id of a document is. */
export interface ClientRecords {
  /** The recorded owner of each client id of the room's document (none for a discussion). */
  load(roomId: string): Promise<Map<number, string>>;
  /** Records them as `userId`'s where nobody has them yet; answers each one's owner. */
  record(roomId: string, clientIds: number[], userId: string): Promise<Map<number, string>>;
}

export function clientRecorder(deps: Pick<ServiceDeps, 'db' | 'clock'>): ClientRecords {
  // Only a document's content has authors; the server alone writes its discussion.
  const contentOf = (roomId: string) => {
    const room = parseRoom(roomId);
    return room?.channel === 'content' ? room.documentId : null;
  };
  return {
    async load(roomId) {
      const documentId = contentOf(roomId);
      const rows = documentId ? await documentClients(deps.db, [documentId]) : [];
      return new Map(rows.map((r) => [r.client_id, r.user_id]));
    },
    async record(roomId, clientIds, userId) {
      const documentId = contentOf(roomId);
      return documentId ? recordClients(deps.db, documentId, clientIds, userId, deps.clock()) : new Map(clientIds.map((id) => [id, userId]));
    },
  };
}

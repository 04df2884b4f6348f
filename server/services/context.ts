import type * as Y from 'yjs';
import type { Db, UserRow } from '../storage/database';
import type { SearchIndex } from '../search/search-index';
import type { DocumentStore } from '../storage/document-store';
import type { AccessEvents } from './access-events';
import type { LoginThrottle } from './login-throttle';

/** What every use case may need; built once at start and passed in. */
export interface ServiceDeps {
  db: Db;
  /** Document content: new documents start with their template stored. */
  documentStore: DocumentStore;
  /** Where the server writes into a collaboration room (a document's discussion), live for everyone in it. */
  rooms: RoomWriter;
  /** Milliseconds since the epoch; tests move it to expire sessions and invitations. */
  clock: () => number;
  events: AccessEvents;
  /** Full-text search over what documents hold, kept up to date as they change. */
  search: SearchIndex;
  throttle: LoginThrottle;
  sessionTtlMs: number;
}

/** The collaboration rooms as the server reads and writes them. */
export interface RoomWriter {
  /** A change stored before anyone sees it, then sent to everyone connected; `write` may throw to change nothing. */
  changeAsServer<T>(roomId: string, write: (doc: Y.Doc) => T): Promise<T>;
  /** Reads a room as it is, kept loaded until `read` (which may be async) is done. */
  read<T>(roomId: string, read: (doc: Y.Doc) => T | Promise<T>): Promise<T>;
}

/** The signed-in person making a request. */
export type Actor = UserRow;

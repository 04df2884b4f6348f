import type { Db, UserRow } from '../storage/database';
import type { DocumentStore } from '../storage/document-store';
import type { AccessEvents } from './access-events';
import type { LoginThrottle } from './login-throttle';

/** What every use case may need; built once at start and passed in. */
export interface ServiceDeps {
  db: Db;
  /** Document content: new documents start with their template stored. */
  documentStore: DocumentStore;
  /** Milliseconds since the epoch; tests move it to expire sessions and invitations. */
  clock: () => number;
  events: AccessEvents;
  throttle: LoginThrottle;
  sessionTtlMs: number;
}

/** The signed-in person making a request. */
export type Actor = UserRow;

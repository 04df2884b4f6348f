import type { UserRow } from '../storage/database';

/** Per-request values set by the session middleware. */
export interface AppEnv {
  Variables: {
    user: UserRow | null;
    /** The session cookie's token, when one was presented and valid. */
    sessionToken: string | null;
    /** Where the request came from, past any trusted proxies (`clientAddress`). */
    clientAddress: string;
  };
}

import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../server/config';
import type { DocumentResponse, ProjectResponse, SignUpInput } from '../../shared/api';
import { launchTarget } from './launch';
import type { DocumentAccess, StartOptions, Target } from './target';

const SESSION_COOKIE = /ensemble_session=[^;]*/;
const REQUEST_TIMEOUT_MS = 10_000;
/**
 * The per-address and per-session limits guard a server against one client
 * crowding out the others; here every client is on one address under one
 * login, by design, and the peers have no such limits: they are raised out
 * of reach. They are still counted on every connection and message.
 */
const UNLIMITED = '1000000000';
export const LIMITS = {
  MAX_CONNECTIONS_PER_ADDRESS: UNLIMITED,
  MAX_CONNECTIONS_PER_SESSION: UNLIMITED,
  CONNECTION_RATE_PER_ADDRESS: UNLIMITED,
  MESSAGE_RATE_PER_SESSION: UNLIMITED,
  MESSAGE_RATE_PER_ADDRESS: UNLIMITED,
  WRITE_RATE_PER_SESSION: UNLIMITED,
};
/** What the server reads from the environment besides its defaults. */
export const ENSEMBLE_ENV = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...LIMITS };
const defaults = loadConfig({ ...process.env, ...ENSEMBLE_ENV });

/** The line Ensemble prints once it listens; its group is the port. */
export const ENSEMBLE_READY = /^Ensemble listening on http:\/\/127\.0\.0\.1:(\d+) /m;

export const ensembleWsUrl = (port: number) => `ws://127.0.0.1:${port}/collab`;

/**
 * Ensemble's own server, as `npm start` runs it (`node --import tsx
 * server/index.ts`), with its defaults: a SQLite file in WAL mode. Named
 * `ensemble-normal`, the same with `SQLITE_SYNCHRONOUS=NORMAL`: every update
 * still written to the log before it is relayed, so that a crash of the
 * process loses none, but not synced to the disk first.
 */
function ensembleSqliteTarget(synchronous: 'default' | 'NORMAL'): Target {
  const name = synchronous === 'default' ? 'ensemble' : 'ensemble-normal';
  const env: Record<string, string> = synchronous === 'default' ? {} : { SQLITE_SYNCHRONOUS: synchronous };
  return {
    name,
    protocol: 'ensemble',
    durability: {
      storage: 'SQLite (better-sqlite3, WAL): one row per update, group-committed once per event-loop turn, folded into a snapshot',
      storedBeforeBroadcast: true,
      settings: {
        SQLITE_SYNCHRONOUS: synchronous === 'default' ? defaults.sqliteSynchronous : synchronous,
        COMPACT_AFTER_UPDATES: defaults.compactAfterUpdates,
        UNLOAD_GRACE_MS: defaults.unloadGraceMs,
        ...LIMITS,
      },
    },
    start: ({ nodeArgs = [], storageDir }: StartOptions = {}) =>
      launchTarget({
        name,
        storageDir,
        nodeArgs,
        script: () => ['server/index.ts'],
        env: (storage) => ({ ...ENSEMBLE_ENV, ...env, DATA_DIR: storage }),
        ready: ENSEMBLE_READY,
        wsUrl: ensembleWsUrl,
        createDocument: (port) => {
          const api = new EnsembleApi(`http://127.0.0.1:${port}/api/v1`);
          return (title) => api.createDocument(title);
        },
      }),
  };
}

export const ensembleTarget = ensembleSqliteTarget('default');
export const ensembleNormalTarget = ensembleSqliteTarget('NORMAL');

/**
 * The few API calls the benchmark needs. Every client acts as one person,
 * the owner of the project: the server checks the session and the role once
 * per connection, so one account or fifty costs it the same during the run.
 */
export class EnsembleApi {
  #cookie: Promise<string> | null = null;
  #projectId: Promise<string> | null = null;

  constructor(private readonly baseUrl: string) {}

  async createDocument(title: string): Promise<DocumentAccess> {
    this.#cookie ??= this.#signUp();
    const cookie = await this.#cookie;
    this.#projectId ??= this.#request('POST', '/projects', { title: 'Benchmark' }, cookie).then(
      (body) => (body as ProjectResponse).project.id,
    );
    const created = (await this.#request('POST', `/projects/${await this.#projectId}/documents`, { title }, cookie)) as DocumentResponse;
    return { documentId: created.document.id, wsHeaders: { cookie } };
  }

  async #signUp(): Promise<string> {
    const unique = randomBytes(4).toString('hex');
    const input: SignUpInput = {
      name: 'Benchmark',
      email: `bench-${unique}@example.org`,
      password: `bench password ${unique}`,
      newOrganisation: { name: 'Benchmark', kind: 'ngo', country: 'SN' },
    };
    const res = await this.#send('POST', '/auth/signup', input);
    const cookie = SESSION_COOKIE.exec(res.headers.get('set-cookie') ?? '')?.[0];
    if (!cookie) throw new Error('signing up gave no session cookie');
    return cookie;
  }

  async #request(method: string, route: string, body: unknown, cookie: string): Promise<unknown> {
    return (await this.#send(method, route, body, cookie)).json();
  }

  async #send(method: string, route: string, body: unknown, cookie?: string): Promise<Response> {
    const res = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`${method} ${route} answered ${res.status}: ${await res.text()}`);
    return res;
  }
}

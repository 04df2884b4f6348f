import type { Protocol } from '../providers';

/**
 * A collaboration server the benchmark can drive: Ensemble, Hocuspocus or
 * the reference y-websocket server. Every target runs in its own process so
 * that its CPU time and memory can be read from /proc, apart from the
 * clients'.
 */
export interface Target {
  /** Short name used in tables and result files, e.g. `ensemble`. */
  readonly name: string;
  /** How its clients connect. */
  readonly protocol: Protocol;
  /** How it keeps documents, written into the results beside its figures. */
  readonly durability: Durability;
  /** Starts a server; resolves once it accepts connections. */
  start(options?: StartOptions): Promise<RunningTarget>;
}

export interface Durability {
  /** Where and how documents are stored. */
  storage: string;
  /** Whether an update is on storage before any other client receives it. */
  storedBeforeBroadcast: boolean;
  /** Settings that bear on the figures, at the values the benchmark runs them with. */
  settings: Record<string, string | number | boolean>;
}

/** What a client needs to open a document on a target. */
export interface DocumentAccess {
  documentId: string;
  /** Headers of the websocket upgrade, e.g. a session cookie; empty if the target asks for none. */
  wsHeaders: Record<string, string>;
}

export interface StartOptions {
  /** Extra flags for the server's `node`, e.g. `--cpu-prof` to profile it. */
  nodeArgs?: string[];
  /**
   * Folder for the server's storage, which the server leaves in place when it
   * stops: starting again on it is a restart. Without it the server gets an
   * empty temporary folder, removed when it stops.
   */
  storageDir?: string;
}

export interface RunningTarget {
  readonly name: string;
  /** Base URL of the websocket endpoint of each instance (one for most targets); the provider appends the document. */
  readonly wsUrls: readonly string[];
  /** Pid of each process that runs the server itself (not a launcher in front of it), one per instance. */
  readonly pids: readonly number[];
  /** Processes of the services the server relies on (PostgreSQL, Redis), if it runs its own: their CPU is reported apart. */
  readonly supportPids?: readonly number[];
  /** Makes a document the clients may join; targets without a document API just name one. */
  createDocument(title: string): Promise<DocumentAccess>;
  /** The tail of what the server wrote to stderr: its warnings and errors during the run. */
  stderr(): string;
  /** Stops the server as an operator would (SIGTERM: it may flush first); safe to call more than once. */
  stop(): Promise<void>;
  /** Kills the server with SIGKILL, as a crash would. */
  kill(): Promise<void>;
}

/** Runs `use` on a server started for it, and stops the server after, whatever happens. */
export async function withServer<T>(target: Target, options: StartOptions, use: (server: RunningTarget) => Promise<T>): Promise<T> {
  const server = await target.start(options);
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}

/** Documents created at once through an API. */
const CREATE_CONCURRENCY = 8;

/** Creates documents a few at a time, in order. */
export async function createDocuments(server: RunningTarget, count: number, title: string): Promise<DocumentAccess[]> {
  const created: DocumentAccess[] = new Array(count);
  let next = 0;
  const createNext = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) created[i] = await server.createDocument(`${title} ${i + 1}`);
  };
  await Promise.all(Array.from({ length: Math.min(CREATE_CONCURRENCY, count) }, createNext));
  return created;
}

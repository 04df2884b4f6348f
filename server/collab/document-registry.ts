import type * as Y from 'yjs';
import { DocumentSession, type SessionDeps, type SessionOptions } from './document-session';

export interface RegistryOptions extends SessionOptions {
  /** How long a document with no connection stays loaded, in ms. */
  unloadGraceMs: number;
}

/**
 * The documents this instance has in memory. A document is loaded once however
 * many connections ask for it at the same moment, kept while anyone is
 * connected, and compacted and freed a grace period after the last one leaves.
 */
export class DocumentRegistry {
  #sessions = new Map<string, Promise<DocumentSession>>();
  /** Holders of each document: acquired and not yet released. */
  #holders = new Map<string, number>();
  #unloadTimers = new Map<string, NodeJS.Timeout>();
  #unloading = new Map<string, Promise<void>>();

  constructor(
    private readonly deps: SessionDeps,
    private readonly options: RegistryOptions,
  ) {}

  get loadedCount(): number {
    return this.#sessions.size;
  }

  /** Loads the document if needed; every acquire must be paired with one `release`. */
  async acquire(documentId: string): Promise<DocumentSession> {
    this.#cancelUnload(documentId);
    this.#holders.set(documentId, (this.#holders.get(documentId) ?? 0) + 1);
    let session = this.#sessions.get(documentId);
    if (!session) {
      const loading = this.#load(documentId);
      session = loading;
      this.#sessions.set(documentId, loading);
      loading.catch(() => {
        if (this.#sessions.get(documentId) === loading) this.#sessions.delete(documentId);
      });
    }
    try {
      return await session;
    } catch (error) {
      this.release(documentId);
      throw error;
    }
  }

  async #load(documentId: string): Promise<DocumentSession> {
    // A document being written out must finish before it is read back in.
    await this.#unloading.get(documentId);
    return DocumentSession.load(documentId, this.deps, this.options);
  }

  /** Called when a holder is done; the last one schedules the unload. */
  release(documentId: string): void {
    const holders = (this.#holders.get(documentId) ?? 1) - 1;
    if (holders > 0) {
      this.#holders.set(documentId, holders);
      return;
    }
    this.#holders.delete(documentId);
    this.#cancelUnload(documentId);
    this.#unloadTimers.set(
      documentId,
      setTimeout(() => void this.#unload(documentId), this.options.unloadGraceMs),
    );
  }

  #cancelUnload(documentId: string): void {
    const timer = this.#unloadTimers.get(documentId);
    if (timer) clearTimeout(timer);
    this.#unloadTimers.delete(documentId);
  }

  async #unload(documentId: string): Promise<void> {
    this.#cancelUnload(documentId);
    const loading = this.#sessions.get(documentId);
    if (!loading || this.#holders.has(documentId)) return;
    this.#sessions.delete(documentId);
    const done = loading
      .then((session) => session.close())
      .catch((error: unknown) => this.deps.logger.error('unloading a document failed', { documentId, error }))
      .finally(() => this.#unloading.delete(documentId));
    this.#unloading.set(documentId, done);
    await done;
  }

  /** Makes a change to a room as the server, loading the room for it if nobody has it open. */
  async changeAsServer<T>(roomId: string, write: (doc: Y.Doc) => T): Promise<T> {
    const session = await this.acquire(roomId);
    try {
      return await session.changeAsServer(write);
    } finally {
      this.release(roomId);
    }
  }

  /** Reads a room as it is now, loading it for that if nobody has it open. */
  async read<T>(roomId: string, read: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    const session = await this.acquire(roomId);
    try {
      return await read(session.doc);
    } finally {
      this.release(roomId);
    }
  }

  /** Compacts and frees every document, for shutdown. Connections must be closed first. */
  async unloadAll(): Promise<void> {
    this.#holders.clear();
    await Promise.all([...this.#sessions.keys()].map((id) => this.#unload(id)));
    await Promise.all([...this.#unloading.values()]);
  }
}

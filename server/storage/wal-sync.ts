import fs from 'node:fs';

/**
 * Brings SQLite's write-ahead log to the disk off the event loop.
 *
 * With `synchronous = FULL` SQLite syncs the log inside every commit, and
 * better-sqlite3 runs on the event loop: the whole server stood still for
 * each sync (0.2 ms on the benchmark machine's disk, milliseconds on slow
 * ones). Appends therefore commit with `synchronous = NORMAL` (written to the
 * log, not yet synced) and wait here, in libuv's thread pool, for a sync of
 * the log that began after their commit. Meanwhile the loop relays what is
 * already durable and commits the next batch, which the following sync
 * covers. An edit still reaches nobody before it would survive a power loss.
 *
 * SQLite keeps the log file (same inode) for as long as the connection is
 * open, so one descriptor serves the connection's whole life.
 *
 * A failed sync fails every later one: the disk may have dropped what it
 * held, and the commits after it sit behind those frames in the log, so
 * none of them can be called durable until a restart has recovered the log.
 */
export class WalSync {
  #fd: number | undefined;
  /** The sync running now, if any. */
  #running: Promise<void> | undefined;
  /** The sync that starts once the running one ends: it covers commits made while that one ran. */
  #next: Promise<void> | undefined;
  #closed = false;
  #failed: Error | undefined;

  constructor(private readonly walPath: string) {}

  /** Resolves once everything committed before this call is on the disk. */
  sync(): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('the database is closed'));
    if (this.#failed) return Promise.reject(this.#failed);
    if (!this.#running) return this.#start();
    this.#next ??= this.#running.then(
      () => this.#startNext(),
      () => this.#startNext(),
    );
    return this.#next;
  }

  #startNext(): Promise<void> {
    this.#next = undefined;
    return this.#start();
  }

  #start(): Promise<void> {
    if (this.#failed) return Promise.reject(this.#failed);
    const fd = (this.#fd ??= fs.openSync(this.walPath, 'r'));
    const running = new Promise<void>((resolve, reject) => {
      fs.fdatasync(fd, (error) => {
        if (this.#running === running) this.#running = undefined;
        if (error) {
          this.#failed ??= new Error('the write-ahead log could not be synced to the disk: restart the server', { cause: error });
          reject(this.#failed);
        } else {
          resolve();
        }
      });
    });
    this.#running = running;
    return running;
  }

  /** Call once the database is closed; syncs already asked for still run. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const fd = this.#fd;
    if (fd === undefined) return;
    const last = this.#next ?? this.#running ?? Promise.resolve();
    void last.catch(() => {}).finally(() => fs.closeSync(fd));
  }
}

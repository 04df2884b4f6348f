import type * as Y from 'yjs';
import type { Logger } from '../logger';
import type { DocumentVersions } from '../services/versions';

export interface VersionSchedule {
  /** A version is taken once nobody has edited for this long… */
  afterPauseMs: number;
  /** …and at the latest after this many accepted updates. */
  everyUpdates: number;
}

/**
 * Takes a loaded document's automatic versions: after a pause in editing,
 * every so many updates, and when the document is unloaded with edits not
 * yet in a version. Never on the sync path: a version is taken after the
 * update that prompts it is stored and applied.
 */
export class VersionScheduler {
  #updates = 0;
  #timer: NodeJS.Timeout | null = null;
  #taking: Promise<void> = Promise.resolve();

  constructor(
    private readonly roomId: string,
    private readonly doc: Y.Doc,
    private readonly versions: DocumentVersions,
    private readonly logger: Logger,
    private readonly schedule: VersionSchedule,
    /** Runs first, so the version knows everyone whose edits it holds. */
    private readonly beforeTaking: () => Promise<void>,
  ) {}

  noteEdit(): void {
    this.#updates += 1;
    if (this.#updates >= this.schedule.everyUpdates) {
      void this.take();
      return;
    }
    if (this.#timer) this.#timer.refresh();
    else this.#timer = setTimeout(() => void this.take(), this.schedule.afterPauseMs);
  }

  /** Takes a version if anything was edited since the last; resolves once every version asked for is stored. */
  take(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#updates === 0) return this.#taking;
    this.#updates = 0;
    this.#taking = this.#taking
      .then(() => this.beforeTaking())
      .then(() => this.versions.capture(this.roomId, this.doc))
      .catch((error: unknown) => {
        // The edits are stored; only this point of the history is missing.
        this.logger.error('could not take a version', { roomId: this.roomId, error });
      });
    return this.#taking;
  }
}

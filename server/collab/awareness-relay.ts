import * as awarenessProtocol from 'y-protocols/awareness';
import type { AwarenessChange } from '../../shared/protocol';
import { encodeAwareness } from './protocol';

/** How often a document's presence goes out to its connections. */
export interface AwarenessPacing {
  /** A change (someone joins, leaves, moves their cursor) waits at most this long after the previous frame. */
  changeIntervalMs: number;
  /** An entry renewed with nothing changed waits at most this long, to leave with others. */
  renewalHoldMs: number;
}

/**
 * Every provider renews its entry each 15 s, and drops another's after 30 s
 * without one: renewals held 5 s still arrive with 10 s to spare. Changes go
 * out at once when none went in the last 50 ms, else together at the end of it.
 */
export const DEFAULT_AWARENESS_PACING: AwarenessPacing = { changeIntervalMs: 50, renewalHoldMs: 5_000 };

/**
 * Sends a document's awareness changes to its connections, several entries
 * per frame.
 *
 * Relayed one by one, presence costs the room the square of its size: each
 * of N people renews every 15 s, and each frame reaches all N; the stock
 * y-websocket provider then sends back every entry it applies, so each frame
 * relayed also returns N times. With 200 people in a workshop, every phone
 * received 13 renewal frames a second, and renewals made at the same moment
 * (everyone joined when the facilitator said so) stalled every client for
 * about a second. Gathered, a frame carries every entry changed since the
 * last one, always in its latest state.
 */
export class AwarenessRelay {
  readonly #pending = new Set<number>();
  #timer: NodeJS.Timeout | null = null;
  /** When the scheduled frame goes out (`performance.now()`); Infinity when none is. */
  #dueAt = Number.POSITIVE_INFINITY;
  #lastSentAt = Number.NEGATIVE_INFINITY;
  /** Whether the change being reported is more than renewals: Awareness says so ('change') just before it reports it ('update'). */
  #changed = false;
  readonly #onChange = () => {
    this.#changed = true;
  };
  readonly #onUpdate = ({ added, updated, removed }: AwarenessChange) => {
    const changed = this.#changed;
    this.#changed = false;
    for (const id of [...added, ...updated, ...removed]) this.#pending.add(id);
    const now = performance.now();
    this.#schedule(changed ? Math.max(now, this.#lastSentAt + this.pacing.changeIntervalMs) : now + this.pacing.renewalHoldMs, now);
  };

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly pacing: AwarenessPacing,
    private readonly send: (frame: Uint8Array) => void,
  ) {
    awareness.on('change', this.#onChange);
    awareness.on('update', this.#onUpdate);
  }

  /** Stops listening; whatever is pending is dropped with the document. */
  destroy(): void {
    this.#cancel();
    this.awareness.off('change', this.#onChange);
    this.awareness.off('update', this.#onUpdate);
  }

  /** Sends every pending entry now. */
  #flush(): void {
    this.#cancel();
    if (this.#pending.size === 0) return;
    const clients = [...this.#pending];
    this.#pending.clear();
    this.#lastSentAt = performance.now();
    this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
  }

  /** Brings the next frame forward to `dueAt` if that is sooner. */
  #schedule(dueAt: number, now: number): void {
    if (dueAt >= this.#dueAt) return;
    if (dueAt <= now) return this.#flush();
    this.#cancel();
    this.#dueAt = dueAt;
    this.#timer = setTimeout(() => this.#flush(), dueAt - now);
  }

  #cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#dueAt = Number.POSITIVE_INFINITY;
  }
}

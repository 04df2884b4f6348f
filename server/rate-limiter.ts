/**
 * Token buckets by key (a session, an address): each key may spend `burst`
 * at once and regains `perSecond` per second. Keys whose bucket is full
 * again are forgotten, so memory follows the active keys only.
 */
export class RateLimiter {
  #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Spends `cost` tokens of `key`; false, spending nothing, when there are not enough. */
  take(key: string, cost = 1): boolean {
    const now = this.clock();
    const bucket = this.#buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    if (bucket.tokens < cost) {
      this.#buckets.set(key, bucket);
      return false;
    }
    bucket.tokens -= cost;
    this.#buckets.set(key, bucket);
    return true;
  }

  /** Drops buckets that have refilled; call now and then. */
  sweep(): void {
    const now = this.clock();
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.burst) this.#buckets.delete(key);
    }
  }

  get size(): number {
    return this.#buckets.size;
  }
}

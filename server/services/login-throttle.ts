import { tooManyAttempts } from '../errors';

export interface ThrottleLimits {
  /** Failed logins allowed per account within the window. */
  perAccount: number;
  /** Failed logins allowed per client address within the window. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 };

/**
 * Counts failed logins per account and per address in a sliding window. Once
 * either is over its limit, further attempts are refused before any password
 * is checked, until the oldest failure leaves the window.
 */
export class LoginThrottle {
  #failures = new Map<string, number[]>();

  constructor(
    private readonly limits: ThrottleLimits,
    private readonly clock: () => number,
  ) {}

  /**
   * Admits one log-in attempt, or throws `too_many_attempts` when this account
   * or address is locked out. The attempt counts as a failure from now on, so
   * that attempts arriving together cannot all pass before any has failed;
   * `succeeded` takes it back and forgets the account's failures.
   */
  begin(email: string, address: string): { succeeded(): void } {
    const retryAfter = Math.max(
      this.#retryAfter(`account:${email}`, this.limits.perAccount),
      this.#retryAfter(`address:${address}`, this.limits.perAddress),
    );
    if (retryAfter > 0) throw tooManyAttempts(Math.ceil(retryAfter / 1000));
    const at = this.clock();
    for (const key of [`account:${email}`, `address:${address}`]) this.#failures.set(key, [...this.#recent(key), at]);
    return {
      succeeded: () => {
        this.#failures.delete(`account:${email}`);
        const list = this.#failures.get(`address:${address}`) ?? [];
        const index = list.indexOf(at);
        if (index >= 0) list.splice(index, 1);
        if (list.length === 0) this.#failures.delete(`address:${address}`);
      },
    };
  }

  #recent(key: string): number[] {
    const since = this.clock() - this.limits.windowMs;
    const list = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) this.#failures.delete(key);
    return list;
  }

  /** Milliseconds until a new attempt is allowed; 0 when it is allowed now. */
  #retryAfter(key: string, limit: number): number {
    const list = this.#recent(key);
    if (list.length < limit) return 0;
    return list[list.length - limit]! + this.limits.windowMs - this.clock();
  }
}

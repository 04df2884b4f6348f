/**
 * A clock for `startServer`'s `clock` override that a test moves forward:
 * real time plus an offset, so timestamps still advance between requests.
 */
export function adjustableClock() {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    advance(ms: number): void {
      offsetMs += ms;
    },
  };
}

export const MINUTE_MS = 60 * 1000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

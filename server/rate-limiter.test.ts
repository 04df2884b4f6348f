import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('allows a burst, then refills at the steady rate', () => {
    let now = 0;
    const limiter = new RateLimiter(10, 5, () => now);
    expect(Array.from({ length: 6 }, () => limiter.take('a'))).toEqual([true, true, true, true, true, false]);
    now += 100; // one token back
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
  });

  it('keeps keys apart and forgets full buckets', () => {
    let now = 0;
    const limiter = new RateLimiter(10, 2, () => now);
    limiter.take('a', 2);
    expect(limiter.take('b', 2)).toBe(true);
    expect(limiter.take('a')).toBe(false);
    now += 1000;
    limiter.sweep();
    expect(limiter.size).toBe(0);
    expect(limiter.take('a', 2)).toBe(true);
  });

  it('refuses a cost larger than the burst without spending anything', () => {
    const limiter = new RateLimiter(10, 3, () => 0);
    expect(limiter.take('a', 4)).toBe(false);
    expect(limiter.take('a', 3)).toBe(true);
  });
});

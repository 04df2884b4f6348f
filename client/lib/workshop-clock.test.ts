import { describe, expect, it } from 'vitest';
import { clockOffset, formatCountdown, remainingMs } from './workshop-clock';

describe('clockOffset', () => {
  it('reads the server time as taken halfway through the round trip', () => {
    // Sent at 1000, answered at 1200 (device clock); the server said 5100 in between.
    expect(clockOffset(5100, 1000, 1200)).toBe(4000);
  });

  it('is negative when the device runs ahead of the server', () => {
    expect(clockOffset(1000, 3000, 3000)).toBe(-2000);
  });
});

describe('remainingMs', () => {
  it('counts a running timer down to the server’s moment, whatever this device’s clock says', () => {
    const timer = { status: 'running', endsAt: 100_000, durationMs: 300_000 } as const;
    // Two devices, one 30 s ahead of the server and one 5 s behind, at the same real instant (server 40 000).
    expect(remainingMs(timer, -30_000, 70_000)).toBe(60_000);
    expect(remainingMs(timer, 5_000, 35_000)).toBe(60_000);
  });

  it('stops at zero once the time is over', () => {
    expect(remainingMs({ status: 'running', endsAt: 10, durationMs: 60_000 }, 0, 99)).toBe(0);
  });

  it('shows what is left of a paused timer, and the whole timebox of an idle one', () => {
    expect(remainingMs({ status: 'paused', remainingMs: 42_000, durationMs: 60_000 }, 123, 456)).toBe(42_000);
    expect(remainingMs({ status: 'idle', durationMs: 480_000 }, 123, 456)).toBe(480_000);
  });
});

describe('formatCountdown', () => {
  it('writes minutes and seconds', () => {
    expect(formatCountdown(300_000)).toBe('5:00');
    expect(formatCountdown(65_000)).toBe('1:05');
  });

  it('rounds seconds up, so 0:00 means the time is over', () => {
    expect(formatCountdown(299_001)).toBe('5:00');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-500)).toBe('0:00');
  });

  it('adds hours to long timeboxes', () => {
    expect(formatCountdown(2 * 3600_000 + 5 * 60_000)).toBe('2:05:00');
  });
});

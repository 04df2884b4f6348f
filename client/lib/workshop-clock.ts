import { timeLeft, type TimerState } from '../../shared/workshops/board';

/**
 * How far the server's clock is ahead of this device's (negative: behind),
 * from one answer carrying the server's time: taken as read halfway through
 * the round trip, so a slow link skews it by at most half its latency.
 */
export function clockOffset(serverTime: number, sentAt: number, receivedAt: number): number {
  return Math.round(serverTime - (sentAt + receivedAt) / 2);
}

/** Milliseconds left on the timer, on this device's clock corrected by `offset`: the same on every screen. */
export function remainingMs(timer: TimerState, offset: number, localNow: number): number {
  return timeLeft(timer, localNow + offset);
}

/**
 * "4:05" or "1:02:00". Seconds are rounded up, so the display reads 0:00
 * exactly when the time is over and a fresh 5-minute timer starts at 5:00.
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

import { describe, expect, it } from 'vitest';
import { formatDay, formatMonth, formatPastTime } from './format-time';

const now = new Date('2025-03-20T12:00:00Z');
const ago = (milliseconds: number) => new Date(now.getTime() - milliseconds);
const MINUTE = 60_000;

describe('formatPastTime', () => {
  it('says "now" under a minute, and for a timestamp in the future', () => {
    expect(formatPastTime(ago(30_000), now, 'en')).toEqual({ kind: 'relative', text: 'now' });
    expect(formatPastTime(ago(-5 * MINUTE), now, 'en')).toEqual({ kind: 'relative', text: 'now' });
  });

  it('counts whole minutes, hours and days', () => {
    expect(formatPastTime(ago(5 * MINUTE + 59_000), now, 'en').text).toBe('5 minutes ago');
    expect(formatPastTime(ago(3 * 60 * MINUTE), now, 'fr').text).toBe('il y a 3 heures');
    expect(formatPastTime(ago(24 * 60 * MINUTE), now, 'es').text).toBe('ayer');
  });

  it('gives the date after a week', () => {
    const result = formatPastTime(new Date('2025-03-01T09:00:00Z'), now, 'en');
    expect(result).toEqual({ kind: 'date', text: 'Mar 1, 2025' });
  });
});

describe('formatDay and formatMonth', () => {
  it('give a day in full or short, whatever the time zone', () => {
    expect(formatDay('2024-03-01', 'medium', 'en')).toBe('Mar 1, 2024');
    expect(formatDay('2024-03-01', 'short', 'fr')).toBe('1 mars');
    expect(formatDay('2024-12-31', 'short', 'es')).toBe('31 dic');
  });

  it('give a month with its year', () => {
    expect(formatMonth('2024-03', 'en')).toBe('March 2024');
    expect(formatMonth('2024-03', 'fr')).toBe('mars 2024');
  });
});

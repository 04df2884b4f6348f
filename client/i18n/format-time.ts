import type { Locale } from './translate';

/** A relative time reads "Updated 5 minutes ago", a date "Updated on 3 March": the sentence differs. */
export interface FormattedTime {
  kind: 'relative' | 'date';
  text: string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Past this, "12 days ago" says less than the date itself. */
const RELATIVE_LIMIT = 7 * DAY;

const UNITS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
];

/**
 * "5 minutes ago" for the last week, the date before that. A timestamp in
 * the future (the server's clock ahead of the phone's) reads as "now".
 */
export function formatPastTime(date: Date, now: Date, locale: Locale): FormattedTime {
  const elapsed = Math.max(0, now.getTime() - date.getTime());
  if (elapsed >= RELATIVE_LIMIT) {
    return { kind: 'date', text: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date) };
  }
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, length] of UNITS) {
    if (elapsed >= length) {
      return { kind: 'relative', text: relative.format(-Math.floor(elapsed / length), unit) };
    }
  }
  return { kind: 'relative', text: relative.format(0, 'second') };
}

/** The full date and time, for a tooltip beside a relative time. */
export function formatDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** "12 March 2024" ('medium') or "12 Mar" ('short'), for a 'YYYY-MM-DD' day (read in UTC, so no time zone shifts it). */
export function formatDay(date: string, style: 'medium' | 'short', locale: Locale): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'medium' ? { dateStyle: 'medium', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(new Date(`${date}T00:00:00Z`));
}

/** "March 2024", for a 'YYYY-MM' month. */
export function formatMonth(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

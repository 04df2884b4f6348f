import type { Version } from '../../shared/api/versions';

/** The versions taken on one day, in the order given (newest first, as the server lists them). */
export interface VersionDay {
  /** 'YYYY-MM-DD', in the reader's time zone. */
  day: string;
  versions: Version[];
}

/** The calendar day of a moment, 'YYYY-MM-DD', in `timeZone` (the device's when left out). */
export function dayKey(at: string | Date, timeZone?: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(new Date(at));
}

/** The versions, one group per day, keeping their order; a day comes back only if the list does. */
export function groupByDay(versions: readonly Version[], timeZone?: string): VersionDay[] {
  const days: VersionDay[] = [];
  for (const version of versions) {
    const day = dayKey(version.createdAt, timeZone);
    const last = days.at(-1);
    if (last?.day === day) last.versions.push(version);
    else days.push({ day, versions: [version] });
  }
  return days;
}

/** The day before a 'YYYY-MM-DD' day. */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** How a day's heading reads, given today's key: "Today", "Yesterday", or its date. */
export function dayName(day: string, today: string): 'today' | 'yesterday' | 'date' {
  if (day === today) return 'today';
  return day === dayBefore(today) ? 'yesterday' : 'date';
}

/** The versions one may compare a version with: every other one, newest first. */
export function otherVersions(versions: readonly Version[], id: string): Version[] {
  return versions.filter((version) => version.id !== id);
}

import { describe, expect, it } from 'vitest';
import type { Version } from '../../shared/api/versions';
import { dayBefore, dayKey, dayName, groupByDay, otherVersions } from './version-history';

function version(id: string, createdAt: string): Version {
  return { id, number: 1, kind: 'auto', name: null, createdAt, createdBy: null, editors: [], restoredFrom: null, characters: 0, bytes: 0 };
}

describe('dayKey', () => {
  it('reads the calendar day in the given time zone', () => {
    expect(dayKey('2025-03-10T23:30:00Z', 'UTC')).toBe('2025-03-10');
    expect(dayKey('2025-03-10T23:30:00Z', 'Africa/Lagos')).toBe('2025-03-11');
    expect(dayKey('2025-03-11T02:00:00Z', 'America/Bogota')).toBe('2025-03-10');
  });
});

describe('groupByDay', () => {
  it('groups the newest-first list by day, keeping the order within each day', () => {
    const versions = [
      version('d', '2025-03-11T09:00:00Z'),
      version('c', '2025-03-10T18:00:00Z'),
      version('b', '2025-03-10T08:00:00Z'),
      version('a', '2025-03-08T12:00:00Z'),
    ];
    expect(groupByDay(versions, 'UTC').map((group) => [group.day, group.versions.map((v) => v.id)])).toEqual([
      ['2025-03-11', ['d']],
      ['2025-03-10', ['c', 'b']],
      ['2025-03-08', ['a']],
    ]);
  });

  it('reads the days where the reader is: one day in UTC can be two elsewhere', () => {
    const versions = [version('b', '2025-03-10T23:30:00Z'), version('a', '2025-03-10T17:00:00Z')];
    expect(groupByDay(versions, 'UTC').map((group) => group.day)).toEqual(['2025-03-10']);
    expect(groupByDay(versions, 'Asia/Kolkata').map((group) => group.day)).toEqual(['2025-03-11', '2025-03-10']);
  });

  it('has no group for no versions', () => {
    expect(groupByDay([])).toEqual([]);
  });
});

describe('dayName', () => {
  it('says today and yesterday, across months and years, and a date otherwise', () => {
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
    expect(dayBefore('2024-01-01')).toBe('2023-12-31');
    expect(dayName('2025-03-11', '2025-03-11')).toBe('today');
    expect(dayName('2025-02-28', '2025-03-01')).toBe('yesterday');
    expect(dayName('2025-02-27', '2025-03-01')).toBe('date');
  });
});

describe('otherVersions', () => {
  it('leaves out the version itself', () => {
    const versions = [version('b', '2025-03-10T23:30:00Z'), version('a', '2025-03-10T20:00:00Z')];
    expect(otherVersions(versions, 'b').map((v) => v.id)).toEqual(['a']);
  });
});

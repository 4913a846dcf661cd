import { describe, expect, test } from 'vitest';
import { daysInMonth, formatInstant, formatZonedInstant, getStartOfZonedDay, getZonedParts, isValidTimeZone } from '#lib/time/zoned-time.ts';

describe('getStartOfZonedDay', () => {
  test.each([
    ['Europe/Moscow', 2025, 9, 1, '2025-08-31T21:00:00.000Z'],
    ['UTC', 2025, 9, 1, '2025-09-01T00:00:00.000Z'],
    ['Pacific/Kiritimati', 2025, 1, 1, '2024-12-31T10:00:00.000Z'],
    ['America/Adak', 2025, 7, 4, '2025-07-04T09:00:00.000Z'],
    ['America/Adak', 2025, 1, 4, '2025-01-04T10:00:00.000Z'],
    ['Asia/Kolkata', 2025, 3, 1, '2025-02-28T18:30:00.000Z'],
    // Moscow was UTC+4 between 2011 and 2014: the zone database, not a fixed offset, decides.
    ['Europe/Moscow', 2012, 6, 1, '2012-05-31T20:00:00.000Z'],
  ])('in %s, %i-%i-%i starts at %s', (zone, year, month, day, expected) => {
    expect(formatInstant(getStartOfZonedDay(year, month, day, zone))).toBe(expected);
  });

  test('on a day whose midnight is skipped by DST, the day starts at 01:00', () => {
    // Chile moved clocks from 00:00 to 01:00 on 2024-09-08.
    const start = getStartOfZonedDay(2024, 9, 8, 'America/Santiago');
    expect(formatInstant(start)).toBe('2024-09-08T04:00:00.000Z');
    expect(getZonedParts(start, 'America/Santiago')).toMatchObject({ day: 8, hour: 1, minute: 0 });
    expect(getZonedParts(start - 1000, 'America/Santiago')).toMatchObject({ day: 7, hour: 23, minute: 59 });
  });

  test('on a day with a backward DST jump, midnight is still the start', () => {
    expect(formatInstant(getStartOfZonedDay(2025, 11, 2, 'America/New_York'))).toBe('2025-11-02T04:00:00.000Z');
  });
});

describe('isValidTimeZone', () => {
  test('knows IANA zones and refuses made-up ones', () => {
    expect(isValidTimeZone('Europe/Moscow')).toBe(true);
    expect(isValidTimeZone('Europe/Mordor')).toBe(false);
  });
});

describe('daysInMonth', () => {
  test('follows the proleptic Gregorian calendar, years 0000 to 0099 included (which Date.UTC would read as 19xx)', () => {
    expect([2024, 2025, 1900, 2000, 0, 4, 100].map((year) => daysInMonth(year, 2))).toEqual([29, 28, 28, 29, 29, 29, 28]);
    expect(Array.from({ length: 12 }, (_, month) => daysInMonth(2025, month + 1))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    // Every day count agrees with Date's own calendar where Date reads the year as written.
    for (let year = 1600; year <= 2400; year += 1) {
      for (let month = 1; month <= 12; month += 1) expect(daysInMonth(year, month)).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
    }
  });
});

describe('formatZonedInstant', () => {
  test.each([
    ['2025-08-31T21:00:00.000Z', 'Europe/Moscow', '2025-09-01T00:00:00+03:00', '2025-09-01T00:00:00.000+03:00'],
    ['2025-03-09T10:00:00.250Z', 'America/New_York', '2025-03-09T06:00:00.250-04:00', '2025-03-09T06:00:00.250-04:00'],
    ['2025-01-01T00:00:00.000Z', 'Asia/Kolkata', '2025-01-01T05:30:00+05:30', '2025-01-01T05:30:00.000+05:30'],
    ['2025-01-01T00:00:00.000Z', 'UTC', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00.000+00:00'],
  ])('writes %s on the wall clock of %s, shortest for messages and fixed for a table', (instant, zone, message, fixed) => {
    expect(formatZonedInstant(Date.parse(instant), zone)).toBe(message);
    expect(formatZonedInstant(Date.parse(instant), zone, { fixed: true })).toBe(fixed);
  });
});

import { describe, expect, test } from 'vitest';
import { daysInMonth, formatInstant, formatZonedInstant, getStartOfZonedDay, getZonedParts, getZoneOffsetMs, isValidTimeZone } from '#lib/time/zoned-time.ts';

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

describe('getZonedParts and getZoneOffsetMs, read once per zone and hour', () => {
  /** Intl's own reading of the wall clock, the slow way: what the cached offsets must reproduce exactly. */
  const formats = new Map<string, Intl.DateTimeFormat>();
  function intlParts(epochMs: number, timeZone: string) {
    let format = formats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
      formats.set(timeZone, format);
    }
    const parts = Object.fromEntries(format.formatToParts(epochMs).map((part) => [part.type, part.value]));
    const year = Number(parts['year']);
    return { year: parts['era'] === 'BC' ? 1 - year : year, month: Number(parts['month']), day: Number(parts['day']), hour: Number(parts['hour']), minute: Number(parts['minute']), second: Number(parts['second']) };
  }

  /** The instants where a zone's offset changes between two instants a step apart, found by bisection to the millisecond. */
  function transitions(timeZone: string, from: number, to: number, step: number): number[] {
    const offset = (ms: number) => {
      const p = intlParts(ms, timeZone);
      return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - (ms - (((ms % 1000) + 1000) % 1000));
    };
    const found: number[] = [];
    for (let at = from; at < to; at += step) {
      if (offset(at) === offset(at + step)) continue;
      let lo = at;
      let hi = at + step;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offset(mid) === offset(lo)) lo = mid;
        else hi = mid;
      }
      found.push(hi);
    }
    return found;
  }

  // Moscow's local mean time (+02:30:17) and its changes of 1919–1930 and 2011–2014; half-hour DST on Lord Howe; Samoa skipping a day; St John's at -03:30; a zone with no change.
  test.each(['Europe/Moscow', 'Australia/Lord_Howe', 'Pacific/Apia', 'America/St_Johns', 'Asia/Kolkata', 'UTC'])('agree with Intl to the second around every transition of %s', (zone) => {
    const from = Date.UTC(1915, 0, 1);
    const to = Date.UTC(2030, 0, 1);
    const changes = transitions(zone, from, to, 5 * 86_400_000);
    if (zone !== 'UTC') expect(changes.length).toBeGreaterThan(0);
    const instants = changes.flatMap((at) => [-3_600_001, -1001, -1000, -1, 0, 1, 999, 1000, 3_599_999].map((delta) => at + delta));
    // And instants between them, a prime step apart so they fall at every minute and second of the hour.
    for (let at = from; at < to; at += 7_919_000_017) instants.push(at);
    for (const at of instants) {
      const expected = intlParts(at, zone);
      expect(getZonedParts(at, zone), `${zone} at ${at}`).toEqual(expected);
      expect(getZoneOffsetMs(at, zone), `${zone}'s offset at ${at}`).toBe(
        Date.UTC(expected.year, expected.month - 1, expected.day, expected.hour, expected.minute, expected.second) - (at - (((at % 1000) + 1000) % 1000)),
      );
      // Twice: the second answer comes from the cache.
      expect(getZonedParts(at, zone), `${zone} at ${at}, cached`).toEqual(expected);
    }
  });

  test('years 0000 and before read as ISO numbers them, and instants out of range fail as Intl does', () => {
    const yearZero = -62_167_219_200_000; // 0000-01-01T00:00:00Z
    expect(getZonedParts(yearZero, 'UTC')).toEqual({ year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
    expect(getZonedParts(yearZero - 1, 'UTC')).toEqual({ year: -1, month: 12, day: 31, hour: 23, minute: 59, second: 59 });
    expect(() => getZonedParts(Number.NaN, 'UTC')).toThrow(RangeError);
    expect(() => getZonedParts(8.64e15 + 1, 'UTC')).toThrow(RangeError);
  });
});

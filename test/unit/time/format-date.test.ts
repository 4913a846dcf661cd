import { describe, expect, test } from 'vitest';
import { formatCalendarDate, formatEffectiveDate, formatZonedDateTime, getLanguageName, getPeriodBounds, getZoneAbbreviation, isStartOfDay } from '#lib/time/format-date.ts';

const t = (iso: string) => Date.parse(iso);
// Written out so a test shows where Russian typography binds words: «2025 г.», «1 сентября».
const NB = '\u00a0';

describe('formatEffectiveDate', () => {
  test.each([
    ['ru', '2025-08-31T21:00:00Z', `1${NB}сентября 2025${NB}г.`],
    ['en', '2025-08-31T21:00:00Z', '1 September 2025'],
    ['ru', '2026-02-14T21:00:00Z', `15${NB}февраля 2026${NB}г.`],
  ])('shows a start-of-day instant in %s as a date: %s → %s', (locale, instant, expected) => {
    expect(formatEffectiveDate(t(instant), locale, 'Europe/Moscow')).toBe(expected);
  });

  test('adds the time and the zone as people write it when a version starts during the day', () => {
    expect(formatEffectiveDate(t('2017-06-09T23:41:00Z'), 'ru', 'Europe/Moscow')).toBe(`10${NB}июня 2017${NB}г., 02:41${NB}МСК`);
    expect(formatEffectiveDate(t('2017-06-09T23:41:00Z'), 'en', 'Europe/Moscow')).toBe(`10 June 2017, 02:41${NB}MSK`);
    expect(formatEffectiveDate(t('2017-06-09T23:41:00Z'), 'en', 'UTC')).toBe(`9 June 2017, 23:41${NB}UTC`);
  });

  test('keeps the seconds of an effective instant that has them: versions seconds apart must not look simultaneous', () => {
    expect(formatEffectiveDate(t('2019-07-02T21:35:44Z'), 'ru', 'Europe/Moscow')).toBe(`3${NB}июля 2019${NB}г., 00:35:44${NB}МСК`);
  });

  test('uses the site time zone, not the machine one', () => {
    // The suite runs in UTC+14 and UTC−10; the date must still be Moscow's.
    expect(formatEffectiveDate(t('2025-08-31T21:00:00Z'), 'ru', 'Europe/Moscow')).toBe(`1${NB}сентября 2025${NB}г.`);
  });
});

describe('formatZonedDateTime', () => {
  test('writes a recorded instant to the minute, never with seconds', () => {
    expect(formatZonedDateTime(t('2026-12-07T06:36:16Z'), 'ru', 'Europe/Moscow')).toBe(`7${NB}декабря 2026${NB}г., 09:36${NB}МСК`);
    expect(formatZonedDateTime(t('2026-12-07T06:36:16Z'), 'en', 'Europe/Moscow')).toBe(`7 December 2026, 09:36${NB}MSK`);
  });
});

describe('getZoneAbbreviation', () => {
  test.each([
    ['Europe/Moscow', 'ru', 'МСК'],
    ['Asia/Yekaterinburg', 'ru', 'МСК+2'],
    ['Europe/Kaliningrad', 'ru', 'МСК−1'],
    ['Europe/Moscow', 'en', 'MSK'],
    ['UTC', 'ru', 'UTC'],
    ['Europe/Berlin', 'en', 'CET'],
    ['Europe/Berlin', 'ru', 'UTC+1'],
    ['Asia/Kolkata', 'en', 'UTC+5:30'],
    ['America/New_York', 'ru', 'UTC−5'],
  ])('names %s in %s as %s (a short name people use, else the offset from UTC)', (zone, locale, expected) => {
    expect(getZoneAbbreviation(t('2026-12-07T06:36:16Z'), locale, zone)).toBe(expected);
  });
});

describe('getPeriodBounds', () => {
  test('a period that ends where a day begins ends, inclusive, on the day before', () => {
    expect(getPeriodBounds(t('2025-08-31T21:00:00Z'), t('2026-02-14T21:00:00Z'), 'ru', 'Europe/Moscow')).toEqual({
      from: { text: `1${NB}сентября 2025${NB}г.`, datetime: '2025-08-31T21:00:00.000Z' },
      until: { text: `14${NB}февраля 2026${NB}г.`, datetime: '2026-02-14' },
      inclusive: true,
    });
  });

  test('one that ends mid-day ends at that instant, exclusive', () => {
    expect(getPeriodBounds(t('2019-07-01T21:00:00Z'), t('2019-07-02T21:35:44Z'), 'en', 'Europe/Moscow')).toEqual({
      from: { text: '2 July 2019', datetime: '2019-07-01T21:00:00.000Z' },
      until: { text: `3 July 2019, 00:35:44${NB}MSK`, datetime: '2019-07-02T21:35:44.000Z' },
      inclusive: false,
    });
  });

  test('an open period has no end; the last day of a month rolls back across months and years', () => {
    expect(getPeriodBounds(t('2026-02-14T21:00:00Z'), null, 'ru', 'Europe/Moscow').until).toBeNull();
    expect(getPeriodBounds(t('2025-08-31T21:00:00Z'), t('2026-12-31T21:00:00Z'), 'en', 'Europe/Moscow').until).toEqual({ text: '31 December 2026', datetime: '2026-12-31' });
    expect(getPeriodBounds(t('2025-08-31T21:00:00Z'), t('2026-03-01T00:00:00Z'), 'en', 'UTC').until).toEqual({ text: '28 February 2026', datetime: '2026-02-28' });
  });
});

describe('formatCalendarDate', () => {
  test('writes a YYYY-MM-DD day the local way', () => {
    expect(formatCalendarDate('2026-12-01', 'ru')).toBe(`1${NB}декабря 2026${NB}г.`);
    expect(formatCalendarDate('2026-12-01', 'en')).toBe('1 December 2026');
  });
});

describe('isStartOfDay', () => {
  test('is true at local midnight only', () => {
    expect(isStartOfDay(t('2025-08-31T21:00:00Z'), 'Europe/Moscow')).toBe(true);
    expect(isStartOfDay(t('2025-08-31T21:00:00.001Z'), 'Europe/Moscow')).toBe(false);
    expect(isStartOfDay(t('2025-09-01T00:00:00Z'), 'Europe/Moscow')).toBe(false);
  });
});

describe('getLanguageName', () => {
  test('names a language in itself, capitalized', () => {
    expect(getLanguageName('ru')).toBe('Русский');
    expect(getLanguageName('en')).toBe('English');
    expect(getLanguageName('pt-br')).toBe('Português (Brasil)');
  });
});

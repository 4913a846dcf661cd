import { describe, expect, test } from 'vitest';
import { formatEffectiveDate, getLanguageName, isStartOfDay } from '#lib/time/format-date.ts';

const t = (iso: string) => Date.parse(iso);

describe('formatEffectiveDate', () => {
  test.each([
    ['ru', '2025-08-31T21:00:00Z', '1 сентября 2025 г.'],
    ['en', '2025-08-31T21:00:00Z', 'September 1, 2025'],
    ['ru', '2026-02-14T21:00:00Z', '15 февраля 2026 г.'],
  ])('shows a start-of-day instant in %s as a date: %s → %s', (locale, instant, expected) => {
    expect(formatEffectiveDate(t(instant), locale, 'Europe/Moscow')).toBe(expected);
  });

  test('adds the time and zone when a version starts during the day', () => {
    expect(formatEffectiveDate(t('2017-06-09T23:41:00Z'), 'ru', 'Europe/Moscow')).toBe('10 июня 2017 г. в 02:41 GMT+3');
    expect(formatEffectiveDate(t('2017-06-09T23:41:00Z'), 'en', 'UTC')).toBe('June 9, 2017 at 23:41 UTC');
  });

  test('uses the site time zone, not the machine one', () => {
    // The suite runs in UTC+14 and UTC−10; the date must still be Moscow's.
    expect(formatEffectiveDate(t('2025-08-31T21:00:00Z'), 'ru', 'Europe/Moscow')).toBe('1 сентября 2025 г.');
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

import { describe, expect, test } from 'vitest';
import { parseEffective, parseInstant, resolveEffective } from '#lib/time/effective-instant.ts';
import { formatInstant } from '#lib/time/zoned-time.ts';

const iso = (text: string) => Date.parse(text);

describe('parseEffective', () => {
  test('reads a calendar date', () => {
    expect(parseEffective('2025-09-01')).toEqual({ ok: true, value: { kind: 'date', year: 2025, month: 9, day: 1 } });
  });

  test.each([
    ['2025-09-01T00:00:00+03:00', '2025-08-31T21:00:00.000Z'],
    ['2025-09-01T00:00:00Z', '2025-09-01T00:00:00.000Z'],
    ['2025-09-01T12:30+05:30', '2025-09-01T07:00:00.000Z'],
    ['2025-09-01T23:59:59.999-10:00', '2025-09-02T09:59:59.999Z'],
    ['2017-06-09T23:41:00Z', '2017-06-09T23:41:00.000Z'],
  ])('reads the date-time %s as the instant %s', (text, expected) => {
    const result = parseEffective(text);
    expect(result.ok && result.value.kind === 'date-time' && formatInstant(result.value.epochMs)).toBe(expected);
  });

  test('accepts February 29 of a leap year only', () => {
    expect(parseEffective('2024-02-29').ok).toBe(true);
    expect(parseEffective('2025-02-29')).toMatchObject({ ok: false, error: { message: '"2025-02-29" is not a real date: February 2025 has 28 days' } });
  });

  test.each([
    ['2025-02-30', '"2025-02-30" is not a real date: February 2025 has 28 days', 'Use a day from 01 to 28.'],
    ['2025-04-31', '"2025-04-31" is not a real date: April 2025 has 30 days', 'Use a day from 01 to 30.'],
    ['2025-13-01', '"2025-13-01" has month 13, which does not exist', 'Write the date as YYYY-MM-DD with a month from 01 to 12, e.g. 2025-09-01.'],
    ['2025-09-01T25:00:00+03:00', '"2025-09-01T25:00:00+03:00" has a time of day that does not exist', 'Use hours 00–23, minutes and seconds 00–59 (a day that starts at midnight is written 00:00:00).'],
  ])('refuses the impossible %s', (text, message, hint) => {
    // Exactly this message and hint; `text` (its catalog message) is pinned by test/unit/messages/.
    expect(parseEffective(text)).toEqual({ ok: false, error: { message, hint, text: expect.anything() } });
  });

  test.each([
    ['2025-09-01T24:00:00+03:00', '"2025-09-01T24:00:00+03:00" writes midnight as 24:00', 'Write the next day at 00:00:00 (a day starts at 00:00).'],
    ['2016-12-31T23:59:60Z', '"2016-12-31T23:59:60Z" names a leap second', 'Write the last millisecond of that minute (…:59.999) or the first instant of the next one.'],
    ['2025-09-01T10:00:00,5+03:00', '"2025-09-01T10:00:00,5+03:00" writes the fraction of a second with a comma', 'Write a full stop before the fraction, as RFC 3339 does: 2025-09-01T10:00:00.5+03:00.'],
    ['2025-09-01t10:00:00z', '"2025-09-01t10:00:00z" writes "t" or "z" in lower case', 'Write T and Z in upper case: 2025-09-01T10:00:00Z.'],
  ])('refuses %s, which ISO 8601 or RFC 3339 allows and this grammar does not, saying so', (text, message, hint) => {
    expect(parseEffective(text)).toMatchObject({ ok: false, error: { message, hint } });
  });

  test.each([
    ['0000-02-29T00:00:00Z', '0000-02-29T00:00:00.000Z'],
    ['0000-03-01T00:00:00Z', '0000-03-01T00:00:00.000Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
    ['0099-12-31T23:59:59.999Z', '0099-12-31T23:59:59.999Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ])('reads the year of %s as written (proleptic Gregorian, year 0 a leap year)', (text, expected) => {
    const result = parseEffective(text);
    expect(result.ok && result.value.kind === 'date-time' && formatInstant(result.value.epochMs)).toBe(expected);
  });

  test('resolves a bare date of year 0 in a zone to that day, not to 1900', () => {
    const date = parseEffective('0000-02-29');
    expect(date.ok && formatInstant(resolveEffective(date.value, 'UTC'))).toBe('0000-02-29T00:00:00.000Z');
  });

  test('refuses a date-time without an offset, and says how to fix it', () => {
    expect(parseEffective('2025-09-01T00:00:00')).toEqual({
      ok: false,
      error: {
        message: '"2025-09-01T00:00:00" has a time but no UTC offset, so the instant it names is ambiguous',
        hint: "Add the offset, e.g. 2025-09-01T00:00:00+03:00 or 2025-09-01T00:00:00Z, or write just the date 2025-09-01 to mean the start of that day in the site's time zone.",
        text: { id: 'noOffset', params: { value: '2025-09-01T00:00:00', date: '2025-09-01' } },
      },
    });
  });

  test.each(['1 сентября 2025', '01.09.2025', '2025/09/01', '2025-9-1', '', 'tomorrow'])('refuses %j as neither form', (text) => {
    const result = parseEffective(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toContain('is not a date (YYYY-MM-DD) nor an ISO 8601 date-time with an offset');
  });

  test('suggests the T separator for a date and time written with a space', () => {
    const result = parseEffective('2025-09-01 10:00');
    expect(!result.ok && result.error.hint).toBe('Put a "T" between the date and the time and add the offset, e.g. 2025-09-01T10:00:00+03:00.');
  });
});

describe('resolveEffective', () => {
  test('applies the zone to a date and ignores it for a date-time', () => {
    const date = parseEffective('2025-09-01');
    const dateTime = parseEffective('2025-09-01T00:00:00Z');
    if (!date.ok || !dateTime.ok) throw new Error('fixtures must parse');
    expect(resolveEffective(date.value, 'Europe/Moscow')).toBe(iso('2025-08-31T21:00:00Z'));
    expect(resolveEffective(date.value, 'America/Adak')).toBe(iso('2025-09-01T09:00:00Z'));
    expect(resolveEffective(dateTime.value, 'Europe/Moscow')).toBe(iso('2025-09-01T00:00:00Z'));
  });
});

describe('parseInstant', () => {
  test('reads instants with offsets and bare dates in the site zone, or returns null', () => {
    expect(parseInstant('2025-09-01T10:00:00+03:00', 'UTC')).toBe(iso('2025-09-01T07:00:00Z'));
    expect(parseInstant('2025-09-01', 'Europe/Moscow')).toBe(iso('2025-08-31T21:00:00Z'));
    expect(parseInstant('2025-09-01T10:00:00', 'UTC')).toBeNull();
  });
});

import { describe, expect, test } from 'vitest';
import { findStatedDates, hasDateTable } from '#lib/lint/stated-dates.ts';

const found = (text: string, locale: string) => findStatedDates(text, locale).map(({ kind, text: written, year, month, day, valid }) => ({ kind, written, date: [year, month, day], valid }));

describe('findStatedDates', () => {
  test.each([
    ['ru', 'Дата вступления в силу: 1 сентября 2025 г.', 'effective', '1 сентября 2025', [2025, 9, 1]],
    ['ru', 'Настоящая Политика вступает в силу с «1» сентября 2025 года.', 'effective', '«1» сентября 2025', [2025, 9, 1]],
    ['ru', 'Редакция от 01.09.2025', 'updated', '01.09.2025', [2025, 9, 1]],
    ['ru', 'В редакции от 2025-09-01', 'updated', '2025-09-01', [2025, 9, 1]],
    ['ru', 'Последнее обновление: сентябрь 2025 г.', 'updated', 'сентябрь 2025', [2025, 9, null]],
    ['ru', 'Дата\u00a0вступления в\u00a0силу: 1\u00a0сентября 2025\u00a0г.', 'effective', '1\u00a0сентября 2025', [2025, 9, 1]],
    ['en', 'Effective date: September 1, 2025', 'effective', 'September 1, 2025', [2025, 9, 1]],
    ['en', 'This Policy is effective as of 1 September 2025.', 'effective', '1 September 2025', [2025, 9, 1]],
    ['en', 'Last updated on January 23rd, 2018', 'updated', 'January 23rd, 2018', [2018, 1, 23]],
    ['en', 'Last modified: 2018-01-23', 'updated', '2018-01-23', [2018, 1, 23]],
    ['en', 'Last revised: 09/01/2025', 'updated', '09/01/2025', [2025, 9, 1]],
    ['en', 'Effective Date: Sep 1, 2025', 'effective', 'Sep 1, 2025', [2025, 9, 1]],
  ])('reads %s "%s"', (locale, text, kind, written, date) => {
    expect(found(text, locale)).toEqual([{ kind, written, date, valid: true }]);
  });

  test('knows every Russian month in the genitive and the nominative from Intl, not from a list typed here', () => {
    for (let month = 1; month <= 12; month++) {
      const genitive = new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(2025, month - 1, 1));
      const nominative = new Intl.DateTimeFormat('ru', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2025, month - 1, 1));
      expect(found(`Дата вступления в силу: ${genitive} 2025 г.`, 'ru').map((date) => date.date)).toEqual([[2025, month, 1]]);
      expect(found(`Последнее обновление: ${nominative} 2025 г.`, 'ru').map((date) => date.date)).toEqual([[2025, month, null]]);
    }
  });

  test('marks a day that does not exist', () => {
    expect(found('Редакция от 31.09.2025', 'ru')).toEqual([{ kind: 'updated', written: '31.09.2025', date: [2025, 9, 31], valid: false }]);
  });

  test.each([
    ['ru', 'a label without a date', 'Новая редакция вступает в силу с даты, указанной в ней.'],
    ['ru', 'the date a law takes effect', 'Федеральный закон № 156-ФЗ вступает в силу 1 марта 2025 г.'],
    ['en', 'the date an Act took effect', 'The California Consumer Privacy Act, effective as of January 1, 2020, gives rights.'],
    ['ru', 'a date without a label', 'Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных».'],
    ['en', 'a date in another language', 'Дата вступления в силу: 1 сентября 2025 г.'],
  ])('finds nothing in %s: %s', (locale, _case, text) => {
    expect(found(text, locale)).toEqual([]);
  });

  test('checks the languages it has labels for, and no other', () => {
    expect([hasDateTable('ru'), hasDateTable('en-gb'), hasDateTable('de')]).toEqual([true, true, false]);
    expect(found('Inkrafttreten: 1. September 2025', 'de')).toEqual([]);
  });
});

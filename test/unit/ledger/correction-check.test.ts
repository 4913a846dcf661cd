import { describe, expect, test } from 'vitest';
import { checkCorrection, MAX_CHANGED_WORD_SHARE } from '#lib/ledger/correction-check.ts';
import { renderPublishedText } from '#lib/timeline/published-text.ts';
import { makeVersion } from '../../helpers/versions.ts';

// A text of about 400 words, so that a one-word fix is well under the share of words allowed.
const FILLER = 'Слово '.repeat(200);
const text = (body: string, title = 'Политика') => renderPublishedText(makeVersion({ version: 'v1', effective: '2025-01-01T00:00:00Z', title, body: `${body} ${FILLER}\n` }));
const check = (before: string, after: string, title?: string) => checkCorrection(text(before), text(after, title), 'ru');

describe('checkCorrection', () => {
  test('a typo fix is editorial', () => {
    expect(check('1.1. Опечтака тут.', '1.1. Опечатка тут.')).toMatchObject({ editorial: true, reasons: [], changedWords: 2 });
  });

  test.each([
    ['a time limit', 'Срок ответа 10 дней.', 'Срок ответа 30 дней.', 'it touches a number: "10", "30"'],
    ['a date', 'Действует с 1 сентября.', 'Действует с 1 октября.', 'it touches a date: "сентября", "октября"'],
    ['an amount', 'Штраф 100 ₽.', 'Штраф 1000 ₽.', 'it touches a number: "100", "1000"'],
    ['an amount in words', 'Цена в рублях.', 'Цена в долларах.', 'it touches an amount: "рублях"'],
    ['an e-mail address', 'Пишите на privacy@alljus.ru.', 'Пишите на support@alljus.ru.', 'it touches an e-mail address: "privacy@alljus.ru", "support@alljus.ru"'],
    ['a URL in the text', 'См. https://alljus.ru/a.', 'См. https://alljus.ru/b.', 'it touches a URL'],
    ['a link target only', 'См. [правила](https://a.example.com).', 'См. [правила](https://b.example.com).', 'it touches a URL: "https://a.example.com → https://b.example.com"'],
  ])('touching %s is not editorial', (_name, before, after, reason) => {
    const result = check(before, after);
    expect(result.editorial).toBe(false);
    expect(result.reasons.join('; ')).toContain(reason);
  });

  test(`changing more than ${MAX_CHANGED_WORD_SHARE * 100}% of the words is not editorial, even without a number`, () => {
    const result = checkCorrection(text('Один два три четыре пять.'), text('Шесть семь восемь девять десять.'), 'ru');
    expect(result.editorial).toBe(true);
    const rewrite = checkCorrection(text(`Исходный абзац. ${'старое '.repeat(30)}`), text(`Исходный абзац. ${'новое '.repeat(30)}`), 'ru');
    expect(rewrite.editorial).toBe(false);
    expect(rewrite.reasons.at(-1)).toMatch(/^it changes 60 of \d+ words \([\d.]+%, more than 5%\)$/);
  });

  test('the title counts as text', () => {
    expect(check('Текст.', 'Текст.', 'Политика 2')).toMatchObject({ editorial: false, reasons: ['it touches a number: "2"'] });
  });
});

import { describe, expect, test } from 'vitest';
import { checkPublishedChange } from '#lib/ledger/correction-check.ts';
import { formatMaterialPassages } from '#lib/redline/editorial-change.ts';
import { renderPublishedText } from '#lib/timeline/published-text.ts';
import { makeVersion } from '../../helpers/versions.ts';

// A text of about 400 words: under the old rule, changing a few words of it passed as editorial (less than 5% of the words).
const FILLER = 'Слово '.repeat(200);
const text = (body: string, title = 'Политика') => renderPublishedText(makeVersion({ version: 'v1', effective: '2025-01-01T00:00:00Z', title, body: `${body} ${FILLER}\n` }));
const check = (before: string, after: string, title?: string) => checkPublishedChange(text(before), text(after, title), 'ru');

describe('checkPublishedChange', () => {
  test('a typo fix is editorial', () => {
    expect(check('1.1. Опечтака тут.', '1.1. Опечатка тут.')).toEqual({ editorial: true, passages: [] });
  });

  test.each([
    ['a time limit', 'Срок ответа 10 дней.', 'Срок ответа 30 дней.', 'changes a number: «10» → «30»'],
    ['a date', 'Действует с 1 сентября.', 'Действует с 1 октября.', 'changes a date or duration: «сентября» → «октября»'],
    ['an amount', 'Штраф 100 ₽.', 'Штраф 1000 ₽.', 'changes a number: «100» → «1000»'],
    ['an amount in words', 'Цена в рублях.', 'Цена в долларах.', 'replaces words: «рублях» → «долларах»'],
    ['an e-mail address', 'Пишите на privacy@alljus.ru.', 'Пишите на support@alljus.ru.', 'replaces words: «privacy» → «support»'],
    ['a URL in the text', 'См. https://alljus.ru/a.', 'См. https://alljus.ru/b.', 'replaces words: «a» → «b»'],
    ['a link target only', 'См. [правила](https://a.example.com).', 'См. [правила](https://b.example.com).', 'changes the target of the link «правила»: https://a.example.com → https://b.example.com'],
    // Each passed as an editorial correction under the old rule (no number, under 5% of the words).
    [
      'both negations of 3.1',
      'Согласие не является частью Политики и не может быть выражено путём использования Сайта.',
      'Согласие является частью Политики и может быть выражено путём использования Сайта.',
      'removes a negation: «не»',
    ],
    ['the sentence on cookies', 'Текст. Пользователь может отключить возможность использования файлов cookies в настройках браузера.', 'Текст.', 'removes a sentence (10 words)'],
    ['consent to advertising appended', '3.1. Пользователь дает согласие.', '3.1. Пользователь дает согласие, а также соглашается на получение рекламных рассылок.', 'adds words: «а», «также»'],
    ['five words replaced', 'Один два три четыре пять.', 'Шесть семь восемь девять десять.', 'changes a number: «один», «два», «три», «четыре», «пять» → «шесть», «семь», «восемь», «девять», «десять»'],
  ])('changing %s is not editorial', (_name, before, after, reason) => {
    const result = check(before, after);
    expect(result.editorial).toBe(false);
    expect(formatMaterialPassages(result.passages)).toContain(reason);
  });

  test('the title counts as text', () => {
    expect(formatMaterialPassages(check('Текст.', 'Текст.', 'Политика 2').passages)).toBe('Политика{+ 2+} (adds a number: «2»)');
  });
});

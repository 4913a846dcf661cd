import { describe, expect, test } from 'vitest';
import { getNoteText, getReasonLanguage, getReasonView } from '#lib/views/reason-language.ts';

describe('getReasonLanguage', () => {
  test.each([
    ['Опечатка в п. 2.1', 'en', 'ru'],
    ['Опечатка в п. 2.1', 'ru', null],
    ['A typo in clause 2.1', 'ru', 'en'],
    ['A typo in clause 2.1', 'en', null],
    // Mostly Cyrillic with a Latin term: still Russian.
    ['Исправлен адрес электронной почты support@example.com', 'en', 'ru'],
    // No letters: nothing to tell, nothing to mark.
    ['2.1 → 2.2', 'en', null],
  ])('%s on a %s page is in %s', (reason, page, expected) => {
    expect(getReasonLanguage(reason, page, ['ru', 'en'])).toBe(expected);
  });

  test('cannot tell two languages of one script apart, and does not guess', () => {
    expect(getReasonLanguage('Ein Tippfehler', 'en', ['ru', 'en', 'de'])).toBeNull();
  });
});

describe('getReasonView', () => {
  test('says which language the reason is in, in the page language', () => {
    expect(getReasonView('Опечатка', 'en', ['ru', 'en'])).toEqual({ label: 'Reason (in Russian)', text: 'Опечатка', lang: 'ru' });
    expect(getReasonView('A typo', 'ru', ['ru', 'en'])).toEqual({ label: 'Причина (язык: английский)', text: 'A typo', lang: 'en' });
  });
});

describe('getNoteText', () => {
  test('joins the sentence and its reason for a plain-text feed', () => {
    expect(getNoteText({ text: 'Text corrected on 1 March 2026.', reason: { label: 'Reason (in Russian)', text: 'Опечатка', lang: 'ru' } })).toBe('Text corrected on 1 March 2026. Reason (in Russian): Опечатка.');
    expect(getNoteText({ text: 'It never took effect and never will.', reason: null })).toBe('It never took effect and never will.');
  });
});

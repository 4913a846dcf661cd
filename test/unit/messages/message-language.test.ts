import { describe, expect, test } from 'vitest';
import { getSystemLanguage, resolveMessageLanguage, takeLanguageOption } from '#lib/messages/message-language.ts';

describe('getSystemLanguage', () => {
  test.each([
    [{ LANG: 'ru_RU.UTF-8' }, 'ru'],
    [{ LANG: 'ru' }, 'ru'],
    [{ LANG: 'ru_UA.KOI8-U' }, 'ru'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'C' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'rus' }, 'en'],
    [{}, 'en'],
    // POSIX order: LC_ALL over LC_MESSAGES over LANG; an empty value does not count.
    [{ LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'ru_RU.UTF-8' }, 'en'],
    [{ LC_ALL: '', LC_MESSAGES: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' }, 'ru'],
    [{ LC_MESSAGES: 'C', LANG: 'ru_RU.UTF-8' }, 'en'],
    [{ LC_ALL: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' }, 'ru'],
  ])('%j is %s', (env, language) => {
    expect(getSystemLanguage(env)).toBe(language);
  });
});

describe('resolveMessageLanguage', () => {
  test('--lang over POLICY_PRESS_LANG over the system locale', () => {
    expect(resolveMessageLanguage('en', { POLICY_PRESS_LANG: 'ru', LANG: 'ru_RU.UTF-8' })).toBe('en');
    expect(resolveMessageLanguage('ru', { POLICY_PRESS_LANG: 'en', LANG: 'en_US.UTF-8' })).toBe('ru');
    expect(resolveMessageLanguage(undefined, { POLICY_PRESS_LANG: 'en', LANG: 'ru_RU.UTF-8' })).toBe('en');
    expect(resolveMessageLanguage(undefined, { POLICY_PRESS_LANG: 'ru', LC_ALL: 'C' })).toBe('ru');
    expect(resolveMessageLanguage(undefined, { POLICY_PRESS_LANG: '', LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(resolveMessageLanguage(undefined, { LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(resolveMessageLanguage(undefined, {})).toBe('en');
  });

  test('refuses an unknown --lang, naming the flag and the values, in the language the rest resolves to', () => {
    expect(() => resolveMessageLanguage('de', {})).toThrow('--lang is "ru" or "en", not "de".');
    expect(() => resolveMessageLanguage('RU', { LANG: 'ru_RU.UTF-8' })).toThrow('Параметр --lang принимает значения «ru» или «en», а указано «RU».');
    expect(() => resolveMessageLanguage('', {})).toThrow('--lang is "ru" or "en", not "".');
  });

  test('refuses an unknown POLICY_PRESS_LANG instead of guessing, even under a good --lang', () => {
    expect(() => resolveMessageLanguage(undefined, { POLICY_PRESS_LANG: 'ru_RU.UTF-8' })).toThrow(
      'POLICY_PRESS_LANG is "ru" or "en", not "ru_RU.UTF-8". Set it to one of them, or unset it to follow the system\'s language.',
    );
    expect(() => resolveMessageLanguage('en', { POLICY_PRESS_LANG: 'fr', LANG: 'ru_RU.UTF-8' })).toThrow('Переменная POLICY_PRESS_LANG принимает значения «ru» или «en», а указано «fr».');
  });
});

describe('takeLanguageOption', () => {
  test('takes --lang X and --lang=X anywhere before --, and leaves the rest in order', () => {
    expect(takeLanguageOption(['privacy', '--lang', 'ru', '--format', 'github'])).toEqual({ lang: 'ru', rest: ['privacy', '--format', 'github'] });
    expect(takeLanguageOption(['--lang=en', 'x'])).toEqual({ lang: 'en', rest: ['x'] });
    expect(takeLanguageOption(['x', '--', '--lang', 'ru'])).toEqual({ lang: undefined, rest: ['x', '--', '--lang', 'ru'] });
    expect(takeLanguageOption(['x', '--lang'])).toEqual({ lang: '', rest: ['x'] });
  });
});

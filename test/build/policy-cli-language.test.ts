/**
 * The language of the commands legal staff run, through the real CLI: the
 * system's locale (`LANG=ru_RU.UTF-8`) gives Russian, `--lang` and
 * `POLICY_PRESS_LANG` choose, the tests' own runs are pinned to English
 * whatever the machine's locale, and what tools read stays as it was.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { OUTPUT, ROOT } from '../helpers/build-site.ts';
import { runPolicyCli } from '../helpers/run-cli.ts';

const POLICIES = join(OUTPUT, 'cli-language', 'policies');
const BROKEN = join(POLICIES, 'privacy/ru/2027-01-01.md');
const SHOWN = `test/.output/cli-language/policies/privacy/ru/2027-01-01.md`;
// As a Russian machine has it, with the tests' pin taken away (an empty value counts as unset).
const RUSSIAN_MACHINE = { LANG: 'ru_RU.UTF-8', POLICY_PRESS_LANG: '' };

beforeAll(() => {
  rmSync(POLICIES, { recursive: true, force: true });
  cpSync(join(ROOT, 'test/fixtures/corpus-basic'), POLICIES, { recursive: true });
  writeFileSync(BROKEN, '---\ntitle: Политика конфиденциальности\nefective: 2027-01-01\n---\n\nТекст.\n');
});

describe('check on a broken file', () => {
  test('LANG=ru_RU.UTF-8 prints Russian; places, fields and exit status as in English', () => {
    const result = runPolicyCli(['check'], { policiesDir: POLICIES, env: RUSSIAN_MACHINE });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stdout).toBe(
      [
        `${SHOWN}:1: effective: не заполнено`,
        '    Добавьте в блок полей строку «effective: …».',
        `${SHOWN}:3: efective: такого поля нет`,
        '    Возможно, имелось в виду «effective»? Исправьте написание названия поля.',
        '',
        '2 ошибки в 1 файле. Исправьте их и снова запустите npm run policy -- check.',
        '',
      ].join('\n'),
    );
  });

  test('the tests\' runs stay English on a machine set to Russian (the helper pins POLICY_PRESS_LANG=en)', () => {
    const result = runPolicyCli(['check'], { policiesDir: POLICIES, env: { LANG: 'ru_RU.UTF-8', LC_ALL: 'ru_RU.UTF-8', LC_MESSAGES: 'ru_RU.UTF-8' } });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${SHOWN}:3: efective: is not a known field\n    Did you mean "effective"? Fix the spelling of the key.`);
    expect(result.stdout).toContain('2 problems in 1 file. Fix them and run npm run policy -- check again.');
  });

  test('--lang chooses over the locale, before or after the options', () => {
    expect(runPolicyCli(['check', '--lang', 'en'], { policiesDir: POLICIES, env: RUSSIAN_MACHINE }).stdout).toContain('2 problems in 1 file.');
    expect(runPolicyCli(['check', '--lang=ru'], { policiesDir: POLICIES }).stdout).toContain('2 ошибки в 1 файле.');
    expect(runPolicyCli(['check'], { policiesDir: POLICIES, env: { POLICY_PRESS_LANG: 'ru' } }).stdout).toContain('2 ошибки в 1 файле.');
  });

  test('--format github stays English in any language: tools read it', () => {
    const result = runPolicyCli(['check', '--format', 'github'], { policiesDir: POLICIES, env: RUSSIAN_MACHINE });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`::error file=${SHOWN},line=3,title=efective::is not a known field%0ADid you mean "effective"? Fix the spelling of the key.`);
    expect(result.stdout).not.toMatch(/[а-яё]/i);
  });
});

describe('an unknown language', () => {
  test('--lang de is refused, naming the flag and the values, exit 1, nothing checked', () => {
    const result = runPolicyCli(['check', '--lang', 'de'], { policiesDir: POLICIES });
    expect(result).toEqual({ status: 1, stdout: '', stderr: '--lang is "ru" or "en", not "de".\n' });
  });

  test('POLICY_PRESS_LANG=russian is refused in the language of the locale', () => {
    const result = runPolicyCli(['check'], { policiesDir: POLICIES, env: { LANG: 'ru_RU.UTF-8', POLICY_PRESS_LANG: 'russian' } });
    expect(result).toEqual({ status: 1, stdout: '', stderr: 'Переменная POLICY_PRESS_LANG принимает значения «ru» или «en», а указано «russian». Укажите одно из них или удалите переменную, чтобы язык определялся настройками системы.\n' });
  });
});

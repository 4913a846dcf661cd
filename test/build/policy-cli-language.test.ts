/**
 * The language of the commands legal staff run, through the real CLI: the
 * system's locale (`LANG=ru_RU.UTF-8`) gives Russian, `--lang` and
 * `POLICY_PRESS_LANG` choose, the tests' own runs are pinned to English
 * whatever the machine's locale, and what tools read stays as it was.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  test("the tests' runs stay English on a machine set to Russian (the helper pins POLICY_PRESS_LANG=en)", () => {
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

  test("an option mistake is said in the reader's language by the commands legal staff run, in Node's English by the others", () => {
    const speaking = runPolicyCli(['withdraw', '--bogus'], { policiesDir: POLICIES, env: RUSSIAN_MACHINE });
    expect(speaking.status).toBe(1);
    expect(speaking.stderr).toContain('У команды нет параметра «--bogus». Какие параметры у неё есть, показывает --help.');
    const english = runPolicyCli(['verify', '--bogus'], { policiesDir: POLICIES, env: RUSSIAN_MACHINE });
    expect(english.status).toBe(1);
    expect(english.stderr).toContain("Unknown option '--bogus'");
    expect(english.stderr).not.toMatch(/[а-яё]/i);
  });

  test('--format github stays English in any language: tools read it', () => {
    const result = runPolicyCli(['check', '--format', 'github'], { policiesDir: POLICIES, env: RUSSIAN_MACHINE });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`::error file=${SHOWN},line=3,title=efective::is not a known field%0ADid you mean "effective"? Fix the spelling of the key.`);
    expect(result.stdout).not.toMatch(/[а-яё]/i);
  });
});

/** A copy of the basic corpus with one new version, not yet published, taking effect on 1 February 2027. */
function copyWithUnpublished(name: string): string {
  const folder = join(OUTPUT, 'cli-language', name);
  rmSync(folder, { recursive: true, force: true });
  cpSync(join(ROOT, 'test/fixtures/corpus-basic'), folder, { recursive: true });
  writeFileSync(
    join(folder, 'privacy/ru/2027-02-01.md'),
    '---\ntitle: Политика конфиденциальности\neffective: 2027-02-01\nsummary: Новый раздел о сроках хранения.\n---\n\n## 1. Общие положения\n\n1.1. Новая редакция.\n',
  );
  return folder;
}

describe('publishing in Russian', () => {
  const FOLDER = join(OUTPUT, 'cli-language', 'unpublished');
  beforeAll(() => void copyWithUnpublished('unpublished'));

  test('check names the unpublished version in the words of the site; publish --dry-run says what it would record, without "tree size"', () => {
    const check = runPolicyCli(['check', '--lang', 'ru'], { policiesDir: FOLDER });
    expect(check.status, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain('privacy/ru/2027-02-01.md:1: редакции privacy/ru/2027-02-01 нет в журнале публикаций\n    Опубликуйте её командой npm run policy -- publish');
    const publish = runPolicyCli(['publish', '--dry-run', '--lang', 'ru'], { policiesDir: FOLDER });
    expect(publish.status, publish.stdout + publish.stderr).toBe(0);
    expect(publish.stdout).toMatch(/^было бы сделано: в публичный журнал внесена запись \d+ \(всего в журнале \d+ запис(ь|и|ей)\)$/m);
    const english = runPolicyCli(['publish', '--dry-run'], { policiesDir: FOLDER });
    expect(english.stdout).toMatch(/^would have logged entry \d+ in the public log \(\d+ entries in all\)$/m);
  });
});

describe('publish and withdraw in Russian', () => {
  const FOLDER = join(OUTPUT, 'cli-language', 'publish-withdraw');
  beforeAll(() => void copyWithUnpublished('publish-withdraw'));

  test('publish says what it published, withdraw what it would withdraw and why it refuses; instants and hashes as they are', () => {
    const publish = runPolicyCli(['publish', '--lang', 'ru'], { policiesDir: FOLDER });
    expect(publish.status, publish.stdout + publish.stderr).toBe(0);
    expect(publish.stdout).toMatch(/^опубликована редакция privacy\/ru\/2027-02-01 \(вступает в силу 2027-02-01T00:00:00\+03:00\), SHA-256 [0-9a-f]{64}$/m);
    const planned = runPolicyCli(['withdraw', 'privacy', '2027-02-01', '--reason', 'Закон отложен', '--dry-run', '--lang', 'ru'], { policiesDir: FOLDER });
    expect(planned.status, planned.stdout + planned.stderr).toBe(0);
    expect(planned.stdout).toContain('была бы отозвана редакция privacy/ru/2027-02-01 (должна была вступить в силу 2027-02-01T00:00:00+03:00): Закон отложен\n');
    const noReason = runPolicyCli(['withdraw', 'privacy', '2027-02-01', '--reason', ' ', '--lang', 'ru'], { policiesDir: FOLDER });
    expect(noReason.status).toBe(1);
    expect(noReason.stderr).toContain('published.lock.json: для отзыва нужна причина\n    Укажите причину простыми словами: --reason "<причина>".');
    expect(noReason.stderr).toContain('\n\nНичего не отозвано.');
    const english = runPolicyCli(['withdraw', 'privacy', '2027-02-01', '--reason', ' '], { policiesDir: FOLDER });
    expect(english.stderr).toContain('published.lock.json: withdraw needs a reason\n    Write why, in plain words: --reason "<reason>".');
  });
});

describe('new and diff in Russian', () => {
  test('new says what it created and the next steps in Russian; diff of the unchanged copy says there are no changes', () => {
    const folder = join(OUTPUT, 'cli-language', 'new');
    rmSync(folder, { recursive: true, force: true });
    cpSync(join(ROOT, 'test/fixtures/corpus-basic'), folder, { recursive: true });
    const created = runPolicyCli(['new', 'privacy', '--locale', 'ru', '--effective', '2030-01-01', '--lang', 'ru'], { policiesDir: folder });
    expect(created.status, created.stderr).toBe(0);
    const lines = created.stdout.split('\n');
    expect(lines[0]).toMatch(/^Создан файл \S+privacy\/ru\/2030-01-01\.md на основе редакции 2026-06-01 \(новая редакция вступает в силу 2030-01-01T00:00:00\+03:00\)\.$/);
    expect(lines).toContain('Что дальше:');
    expect(lines).toContain('  2. Посмотрите изменения: npm run policy -- diff privacy 2026-06-01 2030-01-01 --locale ru   (npm run dev тоже показывает редакцию, с пометкой «ЧЕРНОВИК»)');
    const diff = runPolicyCli(['diff', 'privacy', '2026-06-01', '2030-01-01', '--locale', 'ru', '--lang', 'ru'], { policiesDir: folder });
    expect(diff.stdout, diff.stderr).toBe('privacy (ru): 2026-06-01 → 2030-01-01\nВ тексте изменений нет.\n');
  });
});

describe('at in Russian', () => {
  test('says which version was in force in Russian; the instants, hashes and addresses as in English', () => {
    const folder = join(ROOT, 'test/fixtures/corpus-basic');
    const russian = runPolicyCli(['at', 'privacy', '2025-10-01', '--locale', 'ru', '--lang', 'ru'], { policiesDir: folder });
    const english = runPolicyCli(['at', 'privacy', '2025-10-01', '--locale', 'ru'], { policiesDir: folder });
    expect(russian.status, russian.stderr).toBe(0);
    const [header, period, ...rest] = russian.stdout.split('\n');
    const [enHeader, enPeriod, ...enRest] = english.stdout.split('\n');
    expect(header).toBe(enHeader?.replace(' at ', ' на ').replace(': version ', ': редакция '));
    expect(period).toBe(enPeriod?.replace('  in force  from ', '  действует с ').replace(' until ', ' до '));
    expect(rest.join('\n')).toMatch(/^ {2}языки {5}en, ru\n {2}SHA-256 {3}[0-9a-f]{64}\n {2}адрес {5}\S+\n {2}Markdown {2}\S+\n$/);
    expect(enRest.join('\n')).toMatch(/^ {2}languages en, ru\n {2}sha256 {4}[0-9a-f]{64}\n {2}url {7}\S+\n {2}markdown {2}\S+\n$/);
  });
});

describe('an unknown language', () => {
  test('--lang de is refused, naming the flag and the values, exit 1, nothing checked', () => {
    const result = runPolicyCli(['check', '--lang', 'de'], { policiesDir: POLICIES });
    expect(result).toEqual({ status: 1, stdout: '', stderr: '--lang is "ru" or "en", not "de".\n' });
  });

  test('POLICY_PRESS_LANG=russian is refused in the language of the locale', () => {
    const result = runPolicyCli(['check'], { policiesDir: POLICIES, env: { LANG: 'ru_RU.UTF-8', POLICY_PRESS_LANG: 'russian' } });
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr: 'Переменная POLICY_PRESS_LANG принимает значения «ru» или «en», а указано «russian». Укажите одно из них или удалите переменную, чтобы язык определялся настройками системы.\n',
    });
  });
});

describe("the commands' own refusals and notes in Russian", () => {
  const FOLDER = join(ROOT, 'test/fixtures/corpus-basic');

  test('new: a misspelled policy is refused with the close name in Russian, exit 1, nothing created; English as before', () => {
    const russian = runPolicyCli(['new', 'privac', '--effective', '2030-01-01', '--lang', 'ru'], { policiesDir: FOLDER });
    expect(russian).toEqual({
      status: 1,
      stdout: '',
      stderr: `В test/fixtures/corpus-basic нет документа «privac». Возможно, имелось в виду «privacy»? Чтобы начать новый документ, укажите его название: --title "…" (текст будет пустым).\n`,
    });
    const english = runPolicyCli(['new', 'privac', '--effective', '2030-01-01'], { policiesDir: FOLDER });
    expect(english.stderr).toBe('There is no policy "privac" in test/fixtures/corpus-basic. Did you mean "privacy"? To start a new policy, give its title: --title "…" (the text starts empty).\n');
  });

  test('notice: a version that does not exist is refused in Russian with the close one, exit 1, nothing printed; English as before', () => {
    const russian = runPolicyCli(['notice', 'privacy', '2025-09-0', '--lang', 'ru'], { policiesDir: FOLDER });
    expect(russian).toEqual({ status: 1, stdout: '', stderr: 'У документа privacy нет редакции «2025-09-0». Возможно, имелось в виду «2025-09-01»? Редакции: 2024-01-01, 2025-09-01, 2026-06-01.\n' });
    const english = runPolicyCli(['notice', 'privacy', '2025-09-0'], { policiesDir: FOLDER });
    expect(english.stderr).toBe('privacy has no version "2025-09-0". Did you mean "2025-09-01"? Versions: 2024-01-01, 2025-09-01, 2026-06-01.\n');
  });

  test('check --history: each finding in a published text in Russian, its place and rule as they are; English as before', () => {
    const russian = runPolicyCli(['check', '--history', '--lang', 'ru'], { policiesDir: 'policies' });
    expect(russian.status, russian.stderr).toBe(0);
    expect(russian.stdout).toContain('policies/consent/ru/2025-09-01.md:12:73: в опубликованном тексте: ссылка «Политика конфиденциальности» (/ru/privacy/) ведёт на постоянный адрес документа privacy');
    expect(russian.stdout).not.toContain('history:');
    const english = runPolicyCli(['check', '--history'], { policiesDir: 'policies' });
    expect(english.stdout).toContain('policies/consent/ru/2025-09-01.md:12:73: history: the link "Политика конфиденциальности" (/ru/privacy/) leads to the stable URL of privacy');
  });

  test('check: an event not yet in the public log is named by a Russian phrase, not by the kind id; English as before', () => {
    const folder = copyWithUnpublished('not-logged');
    expect(runPolicyCli(['publish'], { policiesDir: folder }).status).toBe(0);
    cpSync(join(ROOT, 'test/fixtures/corpus-basic/log.lock.json'), join(folder, 'log.lock.json'));
    const russian = runPolicyCli(['check', '--lang', 'ru'], { policiesDir: folder });
    expect(russian.status).toBe(1);
    expect(russian.stdout).toContain('1 событие журнала публикаций ещё не внесено в публичный журнал (первое: публикация редакции privacy/ru/2027-02-01)');
    expect(runPolicyCli(['check'], { policiesDir: folder }).stdout).toContain('1 ledger event is not in the public log yet (first: published privacy/ru/2027-02-01)');
  });

  test("check: a ledger edited by hand says in Russian which field is wrong and how, not in the schema's English", () => {
    const folder = join(OUTPUT, 'cli-language', 'damaged-ledger');
    rmSync(folder, { recursive: true, force: true });
    cpSync(join(ROOT, 'test/fixtures/corpus-basic'), folder, { recursive: true });
    const ledgerFile = join(folder, 'published.lock.json');
    writeFileSync(ledgerFile, readFileSync(ledgerFile, 'utf8').replace(/"sha256": "[0-9a-f]{64}"/, '"sha256": "ABC"'));
    const russian = runPolicyCli(['check', '--lang', 'ru'], { policiesDir: folder });
    expect(russian.status).toBe(1);
    expect(russian.stdout).toContain(
      'published.lock.json:5: privacy/en/2025-09-01: versions.0.sha256: значение «ABC» записано не так, как его записывает publish (нужна контрольная сумма SHA-256: 64 знака, цифры и строчные латинские буквы a–f)\n    Журнал публикаций правили вручную или он повреждён.',
    );
    expect(russian.stdout).not.toContain('must be 64');
    expect(runPolicyCli(['check'], { policiesDir: folder }).stdout).toContain('published.lock.json:5: privacy/en/2025-09-01: versions.0.sha256: must be 64 lowercase hexadecimal characters');
  });

  test('--help of the commands legal staff run is Russian in a Russian run, and the list of commands too; verify stays English', () => {
    const usage = runPolicyCli(['--help'], { env: RUSSIAN_MACHINE });
    expect(usage.status).toBe(0);
    expect(usage.stdout.split('\n')[0]).toBe('Как запускать: npm run policy -- <команда> [параметры]');
    const check = runPolicyCli(['check', '--help', '--lang', 'ru']);
    expect(check.stdout).toContain('  Проверяет каждый файл в папке документов по правилам сборки');
    expect(runPolicyCli(['check', '--help']).stdout).toContain('  Checks every file in the policies folder with the rules of the build');
    expect(runPolicyCli(['verify', '--help', '--lang', 'ru']).stdout).not.toMatch(/[а-яё]/i);
    expect(runPolicyCli(['withdraw', 'privacy', '--lang', 'ru']).stderr.split('\n')[0]).toBe('Команде withdraw нужно указать документ и редакцию.');
  });
});

describe('a published text changed without a correction', () => {
  test("check shows what changed with the redline in the reader's language", () => {
    const policies = join(OUTPUT, 'cli-language', 'edited-sample');
    rmSync(policies, { recursive: true, force: true });
    cpSync(join(ROOT, 'policies'), policies, { recursive: true });
    const file = join(policies, 'privacy/ru/2023-03-01.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('устанавливает правила использования', 'устанавливает правила обработки'));
    const russian = runPolicyCli(['check'], { policiesDir: policies, env: { POLICY_PRESS_LANG: 'ru' } });
    expect(russian.status).toBe(1);
    expect(russian.stdout).toContain('* изменено: Настоящая Политика конфиденциальности (далее – Политика) устанавливает правила [-использования-]{+обработки+}');
    expect(russian.stdout).not.toContain('* changed:');
    const english = runPolicyCli(['check'], { policiesDir: policies });
    expect(english.stdout).toContain('* changed: Настоящая Политика конфиденциальности (далее – Политика) устанавливает правила [-использования-]{+обработки+}');
  });
});

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, OUTPUT } from '../helpers/build-site.ts';
import { createGitFixture, git, type FixtureCommit } from '../helpers/git-fixture.ts';
import { runPolicyCli } from '../helpers/run-cli.ts';

// A policy's history as a team keeps it: one Markdown file in git, built here commit by commit with fixed dates.
const clauses = (retention: string, typo = 'персональных') =>
  [
    '## 1. Общие положения',
    '',
    `1.1. Оператор обрабатывает ${typo} данные Пользователей.`,
    '',
    `1.2. Срок хранения данных — ${retention}.`,
    '',
    '## 2. Права Пользователя',
    '',
    '2.1. Пользователь вправе получить сведения об обработке его данных.',
    '',
    '2.2. Пользователь вправе отозвать согласие на обработку данных.',
    '',
    '2.3. Пользователь вправе обжаловать действия Оператора.',
    '',
  ].join('\n');
const policy = (stated: string | null, body: string) => `# Политика конфиденциальности\n\n${stated === null ? '' : `Дата вступления в силу: ${stated}\n\n`}${body}`;

const HISTORY: FixtureCommit[] = [
  { date: '2023-03-01T07:00:00Z', message: 'Первая редакция Политики', write: { 'policy.md': policy('1 марта 2023 г.', clauses('30 дней')) } },
  // Windows line endings and trailing spaces: the same text once normalized.
  { date: '2023-05-10T09:00:00Z', message: 'Пробелы', write: { 'policy.md': `${policy('1 марта 2023 г.', clauses('30 дней'))}   \n`.replace(/\n/g, '\r\n') } },
  { date: '2023-06-15T09:00:00Z', message: 'Срок хранения сокращён', write: { 'policy.md': policy(null, clauses('20 дней')) } },
  { date: '2023-06-15T15:00:00Z', message: 'Срок хранения уточнён\n\nCo-authored-by: Юрист <lawyer@example.com>', write: { 'policy.md': policy(null, clauses('21 день')) } },
  { date: '2024-01-20T08:00:00Z', message: 'Новая редакция в docs/', move: ['policy.md', 'docs/privacy.md'], write: { 'docs/privacy.md': policy('1 февраля 2024 г.', clauses('10 дней')) } },
  // A typo fixed weeks after the text took effect, the stated date left as it was.
  { date: '2024-03-01T10:00:00Z', message: 'Исправлена опечатка', write: { 'docs/privacy.md': policy('1 февраля 2024 г.', clauses('10 дней', 'персональные')) } },
];

const root = join(OUTPUT, 'import-history');
let fixture: ReturnType<typeof createGitFixture>;
const others: ReturnType<typeof createGitFixture>[] = [];

beforeAll(() => {
  fixture = createGitFixture(HISTORY);
});
afterAll(() => {
  fixture.remove();
  for (const other of others) other.remove();
});

/** A policies folder of its own for one test. */
function policiesFolder(name: string): string {
  const folder = join(root, name, 'policies');
  rmSync(join(root, name), { recursive: true, force: true });
  return folder;
}

const runImport = (policies: string, args: string[]) => runPolicyCli(['import', ...args], { policiesDir: policies });
const importFixture = (policies: string, extra: string[] = []) => runImport(policies, ['--git', fixture.folder, '--path', 'docs/privacy.md', '--policy', 'privacy', '--locale', 'ru', ...extra]);
const short = (index: number) => (fixture.hashes[index] as string).slice(0, 12);

describe('npm run policy -- import --git', () => {
  test('turns each commit that changed the text into a version, saying where each date came from', () => {
    const policies = policiesFolder('fixture');
    const result = importFixture(policies);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n').slice(0, 15)).toEqual(
      [
        `2023-03-01  ${short(0)}  effective 2023-03-01, stated in the text ("Дата вступления в силу: 1 марта 2023")`,
        `2023-06-15  ${short(3)}  effective 2023-06-15T18:00:00+03:00, the commit's date (the text states no date)`,
        `2024-02-01  ${short(4)}  effective 2024-02-01, stated in the text ("Дата вступления в силу: 1 февраля 2024")`,
        `2024-03-01  ${short(5)}  effective 2024-03-01T13:00:00+03:00, the commit's date (the text still states the previous version's date: "Дата вступления в силу: 1 февраля 2024")`,
        '',
        `skipped commit ${short(1)}: the text is identical to the previous version's after normalization`,
        `commit ${short(3)} replaces commit ${short(2)}: both take effect on 2023-06-15, and the later text is the one that stood`,
        `followed a rename at commit ${short(4)}: policy.md → docs/privacy.md`,
        '',
        "4 versions from 6 commits (skipped: 1 identical after normalization, 1 replaced by a later commit of the same day); 2 dated by the text, 2 by the commit's date.",
        `Wrote 4 files to test/.output/import-history/fixture/policies/privacy/ru/. Nothing was recorded in the ledger.`,
        'Next: review them (git diff, npm run policy -- check --history lists what the lint finds in them), then npm run policy -- publish: before the ledger exists, it records the versions in force as imported history.',
        '',
      ].slice(0, 15),
    );
    expect(readdirSync(join(policies, 'privacy/ru')).sort()).toEqual(['2023-03-01.md', '2023-06-15.md', '2024-02-01.md', '2024-03-01.md']);
    expect(readFileSync(join(policies, 'privacy/ru/2023-06-15.md'), 'utf8')).toBe(
      [
        '---',
        `# Imported from git: commit ${fixture.hashes[3]}, policy.md`,
        "# effective: the commit's date (the text states no date)",
        'title: "Политика конфиденциальности"',
        'effective: 2023-06-15T18:00:00+03:00',
        'summary:',
        '  - "Сообщение коммита: «Срок хранения уточнён»"',
        'changeType: material',
        '---',
        '',
        policy(null, clauses('21 день')).trimEnd(),
        '',
      ].join('\n'),
    );
  });

  test('leaves the ledger to publish, which records the history as imported; check reports its findings as history', () => {
    const policies = policiesFolder('published');
    expect(importFixture(policies).status).toBe(0);
    expect(existsSync(join(policies, 'published.lock.json'))).toBe(false);
    const publish = runPolicyCli(['publish'], { policiesDir: policies });
    expect(publish.status, publish.stderr).toBe(0);
    expect(publish.stdout.split('\n').filter((line) => line.startsWith('imported privacy/ru/'))).toHaveLength(4);
    const check = runPolicyCli(['check'], { policiesDir: policies });
    expect(check.status, check.stdout).toBe(0);
    // The typo fix kept "1 февраля 2024": true of the history, reported, never refused.
    expect(check.stdout).toContain(
      'History: 1 lint finding in 1 published version (stated-date 1), reported, not refused: a text already published or imported cannot change. List them with npm run policy -- check --history.',
    );
    const listed = runPolicyCli(['check', '--history'], { policiesDir: policies });
    expect(listed.stdout).toContain(
      'privacy/ru/2024-03-01.md:13:25: history: "Дата вступления в силу: 1 февраля 2024" says 2024-02-01, but effective says this version takes effect on 2024-03-01 (Europe/Moscow) [stated-date]',
    );
    const build = buildSite({ policiesDir: policies, name: 'import-history/site' });
    expect(build.status, build.output).toBe(0);
    expect(build.output).toContain('History: 1 lint finding in 1 published version (stated-date 1)');
    expect(existsSync(join(build.outDir, 'ru/privacy/2023-06-15/index.html'))).toBe(true);
  }, 600_000);

  test('--dry-run prints the report and writes nothing', () => {
    const policies = policiesFolder('dry-run');
    const result = importFixture(policies, ['--dry-run']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`2024-02-01  ${short(4)}  effective 2024-02-01, stated in the text`);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('Dry run: nothing was written.');
    expect(existsSync(policies)).toBe(false);
  });

  test('reads a bare repository and a folder inside a working copy alike', () => {
    const bare = join(root, 'bare.git');
    rmSync(bare, { recursive: true, force: true });
    git(root, ['clone', '--quiet', '--bare', fixture.folder, bare]);
    const fromBare = runImport(policiesFolder('bare'), ['--git', bare, '--path', 'docs/privacy.md', '--policy', 'privacy', '--locale', 'ru', '--dry-run']);
    const fromInside = runImport(policiesFolder('inside'), ['--git', join(fixture.folder, 'docs'), '--path', 'privacy.md', '--policy', 'privacy', '--locale', 'ru', '--dry-run']);
    expect(fromBare.status, fromBare.stderr).toBe(0);
    expect(fromInside.stdout).toBe(fromBare.stdout);
  });

  test("takes a commit's own date when asked, instead of the date its text states", () => {
    const result = importFixture(policiesFolder('asked'), ['--dry-run', '--use-commit-date', short(4)]);
    expect(result.stdout).toContain(`2024-01-20  ${short(4)}  effective 2024-01-20T11:00:00+03:00, the commit's date (--use-commit-date)`);
  });
});

describe('an imported history with what the lint finds in real ones', () => {
  test('publishes and checks it as history: wrong clause references ("п. 7.7", "раздел 9"), dead links and anchors, a stated date copied with the text', () => {
    const body = (stated: string, extra: string) =>
      `# Политика\n\nДата вступления в силу: ${stated}\n\n## 1. Общие положения\n\n1.1. Права указаны в п. 7.7.\n\n1.2. См. [файлы cookie](/ru/cookies/) и [раздел 9](#9-контакты).${extra}\n`;
    const repository = createGitFixture([
      { date: '2023-03-01T07:00:00Z', message: 'Первая', write: { 'privacy.md': body('1 марта 2023 г.', '') } },
      { date: '2023-06-01T07:00:00Z', message: 'Уточнение', write: { 'privacy.md': body('1 марта 2023 г.', ' Уточнено.') } },
      // Only trailing whitespace: the same text, never an empty version.
      { date: '2023-07-01T07:00:00Z', message: 'Пробелы', write: { 'privacy.md': `${body('1 марта 2023 г.', ' Уточнено.')}\n\n  \n` } },
    ]);
    others.push(repository);
    const policies = policiesFolder('findings');
    const imported = runImport(policies, ['--git', repository.folder, '--path', 'privacy.md', ...['--policy', 'privacy', '--locale', 'ru']]);
    expect(imported.stdout).toContain('2 versions from 3 commits (skipped: 1 identical after normalization, 0 replaced by a later commit of the same day)');
    expect(runPolicyCli(['publish'], { policiesDir: policies }).status).toBe(0);
    const check = runPolicyCli(['check'], { policiesDir: policies });
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toContain('History: 9 lint findings in 2 published versions (stated-date 1, clause-reference 4, site-link 4), reported, not refused');
  });
});

describe('npm run policy -- import --ota', () => {
  test('dates each version by the date its text states, else by the fetch date, and skips technical upgrades', () => {
    const terms = (date: string | null, clause: string) => `# Privacy Policy\n\n${date ? `Last updated: ${date}\n\n` : ''}## 1. Data\n\n1.1. ${clause}\n`;
    const ota = createGitFixture([
      { date: '2024-05-02T06:00:00Z', message: 'First record of Example Privacy Policy', write: { 'Example/Privacy Policy.md': terms('April 30, 2024', 'We collect your e-mail address.') } },
      {
        date: '2024-06-10T06:00:00Z',
        message: 'Apply technical or declaration upgrade on Example Privacy Policy',
        write: { 'Example/Privacy Policy.md': terms('April 30, 2024', 'We collect your e-mail address only.') },
      },
      { date: '2024-09-01T06:00:00Z', message: 'Record new changes of Example Privacy Policy', write: { 'Example/Privacy Policy.md': terms(null, 'We collect your e-mail address and name.') } },
    ]);
    others.push(ota);
    const result = runImport(policiesFolder('ota'), ['--ota', ota.folder, '--service', 'Example', '--type', 'Privacy Policy', '--policy', 'example-privacy', '--locale', 'en', '--dry-run']);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').slice(0, 8)).toEqual([
      `2024-04-30  ${ota.hashes[0]?.slice(0, 12)}  effective 2024-04-30, stated in the text ("Last updated: April 30, 2024")`,
      `2024-09-01  ${ota.hashes[2]?.slice(0, 12)}  effective 2024-09-01T09:00:00+03:00, the fetch date (the text states no date)`,
      '',
      `skipped commit ${ota.hashes[1]?.slice(0, 12)}: an Open Terms Archive technical upgrade (the document re-extracted, not changed by the service)`,
      '',
      '2 versions from 3 commits (skipped: 0 identical after normalization, 1 technical upgrade, 0 replaced by a later commit of the same day); 1 dated by the text, 1 by the fetch date.',
      'Dry run: nothing was written.',
      '',
    ]);
  });
});

describe('import refuses what it cannot import safely, naming the commit, and writes nothing', () => {
  const refused = (name: string, args: string[], make?: FixtureCommit[]) => {
    const policies = policiesFolder(name);
    let folder = fixture.folder;
    let hashes = fixture.hashes;
    if (make) {
      const repository = createGitFixture(make);
      others.push(repository);
      folder = repository.folder;
      hashes = repository.hashes;
    }
    const result = runImport(
      policies,
      args.map((arg) => (arg === '<repo>' ? folder : arg)),
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(existsSync(policies)).toBe(false);
    return { message: result.stderr.replaceAll(folder, '<repo>'), short: (index: number) => (hashes[index] as string).slice(0, 12) };
  };
  const base = ['--policy', 'privacy', '--locale', 'ru'];

  test('a folder that is not a git repository', () => {
    // Outside any repository (test/.output is inside this project's own).
    const plain = mkdtempSync(join(tmpdir(), 'policy-press-plain-'));
    writeFileSync(join(plain, 'privacy.md'), '# Политика\n');
    const policies = policiesFolder('not-git-policies');
    const result = runImport(policies, ['--git', plain, '--path', 'privacy.md', ...base]);
    expect(result.status).toBe(1);
    expect(result.stderr.replaceAll(plain, '<folder>')).toBe(
      'import: <folder>: is not a git repository. Give the folder of a clone (git clone <url>), a bare repository, or a folder inside a clone.\nNothing was written.\n',
    );
    expect(existsSync(policies)).toBe(false);
    rmSync(plain, { recursive: true, force: true });
  });

  test('a path that never existed', () => {
    const { message } = refused('never', ['--git', '<repo>', '--path', 'docs/privacy-policy.md', ...base]);
    expect(message).toBe(
      'import: docs/privacy-policy.md: no commit of <repo> (HEAD and its first parents) has this file. Check the path from the top of the repository (git -C <repo> log --name-only lists the files commits changed).\nNothing was written.\n',
    );
  });

  test('a text that is not UTF-8', () => {
    const { message, short: hash } = refused(
      'latin1',
      ['--git', '<repo>', '--path', 'privacy.md', ...base],
      [
        { date: '2023-03-01T07:00:00Z', message: 'UTF-8', write: { 'privacy.md': '# Политика\n\nТекст.\n' } },
        { date: '2023-04-01T07:00:00Z', message: 'windows-1251', write: { 'privacy.md': new Uint8Array([0x23, 0x20, 0xcf, 0xee, 0xeb, 0xe8, 0xf2, 0xe8, 0xea, 0xe0, 0x0a]) } },
      ],
    );
    expect(message).toBe(
      `import: commit ${hash(1)}: privacy.md is not UTF-8 text. Convert the history to UTF-8 first (for example with a commit that re-encodes the file), or import only the commits after it: a text decoded with a guessed encoding could change what people agreed to.\nNothing was written.\n`,
    );
  });

  test('stated dates that go backwards', () => {
    const { message, short: hash } = refused(
      'backwards',
      ['--git', '<repo>', '--path', 'privacy.md', ...base],
      [
        { date: '2023-03-01T07:00:00Z', message: 'Первая', write: { 'privacy.md': policy('1 марта 2023 г.', clauses('30 дней')) } },
        { date: '2023-04-01T07:00:00Z', message: 'Вторая', write: { 'privacy.md': policy('1 января 2023 г.', clauses('20 дней')) } },
      ],
    );
    expect(message).toBe(
      `import: commit ${hash(1)}: its text takes effect on 2023-01-01, stated in the text ("Дата вступления в силу: 1 января 2023"), before the version of commit ${hash(0)} (2023-03-01, stated in the text ("Дата вступления в силу: 1 марта 2023")): the dates go backwards. Check both texts; if the stated date of one is wrong, take that commit's own date with --use-commit-date ${hash(1)} (or ${hash(0)}).\nNothing was written.\n`,
    );
  });

  test('a symbolic link in place of the file', () => {
    const { message, short: hash } = refused(
      'link',
      ['--git', '<repo>', '--path', 'privacy.md', ...base],
      [
        { date: '2023-03-01T07:00:00Z', message: 'Текст', write: { 'text.md': '# Политика\n\nТекст.\n' } },
        { date: '2023-04-01T07:00:00Z', message: 'Ссылка', link: ['privacy.md', 'text.md'] },
      ],
    );
    expect(message).toBe(`import: commit ${hash(1)}: privacy.md is a symbolic link there; links are not followed. Import the file the link points to, with --path.\nNothing was written.\n`);
  });

  test.each([
    ['RU', 'privacy', 'import: --policy privacy --locale RU: the locale folder "RU" is not a lowercase BCP 47 language tag. Use a tag such as "ru", "en" or "pt-br" (rename it to "ru").\nNothing was written.\n'],
    [
      'ru',
      'search',
      'import: --policy search --locale ru: "search" is reserved by the site and cannot be a policy id. Rename the folder, e.g. to "search-policy". Reserved: developers, search, feed, raw, kit, pagefind, index, schema, compare, history.\nNothing was written.\n',
    ],
  ])('a locale or policy id that breaks the layout (--locale %s --policy %s)', (locale, policyId, expected) => {
    const { message } = refused(`layout-${policyId}-${locale}`, ['--git', '<repo>', '--path', 'docs/privacy.md', '--policy', policyId, '--locale', locale]);
    expect(message).toBe(expected);
  });

  test('a version file that exists already', () => {
    const policies = policiesFolder('twice');
    expect(importFixture(policies).status).toBe(0);
    const before = readFileSync(join(policies, 'privacy/ru/2023-03-01.md'), 'utf8');
    writeFileSync(join(policies, 'privacy/ru/2023-03-01.md'), `${before}\nПравка.\n`);
    for (const file of ['2023-06-15.md', '2024-02-01.md', '2024-03-01.md']) rmSync(join(policies, 'privacy/ru', file));
    const again = importFixture(policies);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      'import: test/.output/import-history/twice/policies/privacy/ru/2023-03-01.md exists already; the import never overwrites a file. Import into a policy or locale that has no versions yet, or move the file away.\nNothing was written.\n',
    );
    expect(readdirSync(join(policies, 'privacy/ru'))).toEqual(['2023-03-01.md']);
    expect(readFileSync(join(policies, 'privacy/ru/2023-03-01.md'), 'utf8')).toBe(`${before}\nПравка.\n`);
  });
});

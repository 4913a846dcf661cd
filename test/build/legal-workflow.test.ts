import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import type { PolicyFeed } from '#schemas/feed.ts';
import { buildSite, LATER_EPOCH, OUTPUT, ROOT } from '../helpers/build-site.ts';
import { readPage, select, selectAll, textOf } from '../helpers/dist-site.ts';
import { runPolicyCli } from '../helpers/run-cli.ts';
import { generateSignerKey } from '#lib/log/signed-note.ts';

// Each test works on its own copy of the shipped sample, which is published (it has a ledger).
const policies = join(OUTPUT, 'workflow-policies');
const display = 'test/.output/workflow-policies';
const cli = (args: string[], env: Record<string, string> = {}) => runPolicyCli(args, { policiesDir: policies, env: { SOURCE_DATE_EPOCH: LATER_EPOCH, ...env } });
const file = (path: string) => join(policies, path);
const edit = (path: string, change: (text: string) => string) => writeFileSync(file(path), change(readFileSync(file(path), 'utf8')));

beforeEach(() => {
  rmSync(policies, { recursive: true, force: true });
  cpSync(join(ROOT, 'policies'), policies, { recursive: true });
});

describe('npm run policy -- check', () => {
  test('passes on the shipped sample', () => {
    const result = cli(['check']);
    expect(result.status, result.stdout).toBe(0);
    // The sample consent still links the privacy policy's stable URL: a finding in published history, said, never refused.
    expect(result.stdout).toContain('History: 2 lint findings in 2 published versions (stable-link 2), reported, not refused');
    expect(result.stdout.endsWith(`7 versions in ${policies}: no errors, 2 findings in published history above.\n`)).toBe(true);
  });

  test('refuses one word edited in a published version, and shows the change', () => {
    edit('privacy/ru/2025-09-01.md', (text) => text.replace('Сайт собирает, получает доступ', 'Сайт собирает, хранит, получает доступ'));
    const result = cli(['check']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${display}/privacy/ru/2025-09-01.md:22: the published text of privacy/ru/2025-09-01 was changed without a correction`);
    expect(result.stdout).toContain(`See your change with git diff -- ${display}/privacy/ru/2025-09-01.md.`);
    expect(result.stdout).not.toContain('git checkout');
    expect(result.stdout).toContain('@@ 1. Персональная информация Пользователей, которую обрабатывает Компания @@');
    expect(result.stdout).toContain('* changed: 1.1. Сайт собирает, {+хранит, +}получает доступ');
  });

  test('refuses a deleted published file, naming the version and where its text is kept', () => {
    unlinkSync(file('privacy/ru/2023-03-01.md'));
    const result = cli(['check']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${display}/privacy/ru/2023-03-01.md:1: the published version privacy/ru/2023-03-01 is gone: its file was deleted or renamed`);
    expect(result.stdout).toContain(`${display}/.published/d762f0ff00b35a816eeb8beb1a15cc15b8495c3f05345e6b6406d03cbea494f4.md`);
  });

  test('refuses a changed effective date of a published version', () => {
    edit('consent/ru/2025-09-01.md', (text) => text.replace('effective: 2025-09-01', 'effective: 2025-09-02'));
    const result = cli(['check']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `${display}/consent/ru/2025-09-01.md:3: effective: consent/ru/2025-09-01 was published to take effect at 2025-09-01T00:00:00+03:00, but now says 2025-09-02T00:00:00+03:00 ("2025-09-02"): it took effect at 2025-09-01T00:00:00+03:00, and what was in force in the past never changes`,
    );
  });

  test('refuses a correction without a reason', () => {
    edit('privacy/en/2025-09-01.md', (text) => text.replace('changeType: material', 'changeType: material\ncorrections:\n  - date: 2026-12-01'));
    const result = cli(['check']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/privacy\/en\/2025-09-01\.md:\d+: corrections\.0\.reason: is missing/);
  });

  test('refuses a ledger with a malformed hash, naming the version', () => {
    edit('published.lock.json', (text) => text.replace('"sha256": "d762f0ff00b35a816eeb8beb1a15cc15b8495c3f05345e6b6406d03cbea494f4"', '"sha256": "D762-not-a-hash"'));
    const result = cli(['check']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/published\.lock\.json:\d+: privacy\/ru\/2023-03-01: versions\.\d+\.sha256: must be 64 lowercase hexadecimal characters/);
    expect(result.stdout).toContain('The ledger is written only by npm run policy -- publish. See what changed with git diff -- ');
  });

  test('refuses a published version turned back into a draft', () => {
    edit('consent/en/2025-09-01.md', (text) => text.replace('---\n\n', 'draft: true\n---\n\n'));
    expect(cli(['check']).stdout).toContain('consent/en/2025-09-01 was published and cannot become a draft again');
  });

  test('prints GitHub Actions annotations', () => {
    unlinkSync(file('privacy/ru/2023-03-01.md'));
    const result = cli(['check', '--format', 'github']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^::error file=test\/\.output\/workflow-policies\/privacy\/ru\/2023-03-01\.md,line=1,title=policy check::the published version privacy\/ru\/2023-03-01 is gone: its file was deleted or renamed%0APublished versions are permanent\./m,
    );
  });

  test('the build refuses the same things, with the same words, and writes nothing', () => {
    edit('privacy/ru/2025-09-01.md', (text) => text.replace('Сайт собирает', 'Сайт тайно собирает'));
    const result = buildSite({ policiesDir: policies, name: 'workflow-refused' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('the published text of privacy/ru/2025-09-01 was changed without a correction');
    expect(existsSync(join(result.outDir, 'index.html'))).toBe(false);
  });
});

describe('a new version, from scaffold to site', () => {
  test('new creates the file from the latest version as a draft, and refuses to overwrite', () => {
    const result = cli(['new', 'privacy', '--locale', 'ru', '--effective', '2026-12-01']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Created ${display}/privacy/ru/2026-12-01.md from 2026-02-15 (takes effect 2026-12-01T00:00:00+03:00).`);
    expect(result.stdout).toContain('npm run policy -- publish');
    const text = readFileSync(file('privacy/ru/2026-12-01.md'), 'utf8');
    expect(text.startsWith('---\ntitle: "Политика конфиденциальности"\neffective: 2026-12-01\nsummary:\n  - "Опишите, что изменилось по сравнению с предыдущей редакцией."\nchangeType: material\n')).toBe(true);
    expect(text).toContain('\ndraft: true\n---\n\n');
    expect(text).toContain('1.1. Сайт собирает');
    const again = cli(['new', 'privacy', '--locale', 'ru', '--effective', '2026-12-01', '--version', '2026-12-01']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists; new never overwrites a file');
    // The default id moves aside when the date is taken.
    expect(cli(['new', 'privacy', '--locale', 'ru', '--effective', '2026-12-01']).stdout).toContain('privacy/ru/2026-12-01-2.md');
  });

  test('new copies the text in force at its date, not a version scheduled after it; keeps lint; speaks the site zone; suggests diff in order', () => {
    cli(['new', 'privacy', '--locale', 'ru', '--effective', '2027-01-15']);
    edit('privacy/ru/2027-01-15.md', (text) =>
      text.replace('draft: true\n', '').replace('Опишите, что изменилось по сравнению с предыдущей редакцией.', 'Уточнён пункт 1.1.').replace('Сайт собирает', 'Сайт собирает и хранит'),
    );
    const scheduled = cli(['publish']);
    expect(scheduled.status, scheduled.stderr).toBe(0);
    const result = cli(['new', 'privacy', '--locale', 'ru', '--effective', '2026-12-06']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Created ${display}/privacy/ru/2026-12-06.md from 2026-02-15 (takes effect 2026-12-06T00:00:00+03:00).\n`);
    expect(result.stdout).toContain('Note: 2027-01-15 (2027-01-15T00:00:00+03:00) takes effect after it; the copy does not carry its changes.\n');
    expect(result.stdout).toContain('  2. See the changes: npm run policy -- diff privacy 2026-02-15 2026-12-06 --locale ru ');
    const text = readFileSync(file('privacy/ru/2026-12-06.md'), 'utf8');
    expect(text).not.toContain('Сайт собирает и хранит');
    expect(text).toContain('\nlint:\n  ignore:\n    stable-link: "Политика указывает, где Пользователь даёт согласие сейчас, и ссылка ведёт на действующую редакцию Согласия намеренно"\n');
  });

  test('new and publish agree on a late translation: recorded as one, with no --backdate', () => {
    cli(['new', 'privacy', '--locale', 'ru', '--effective', '2026-07-01']);
    edit('privacy/ru/2026-07-01.md', (text) =>
      text.replace('draft: true\n', '').replace('Опишите, что изменилось по сравнению с предыдущей редакцией.', 'Уточнён пункт 1.1.').replace('Сайт собирает', 'Сайт собирает и хранит'),
    );
    expect(cli(['publish']).status).toBe(0);
    const august = '1785542400'; // 2026-08-01T00:00:00Z: the Russian text has been in force for a month
    const created = cli(['new', 'privacy', '--locale', 'en', '--effective', '2026-07-01'], { SOURCE_DATE_EPOCH: august });
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain(
      'Note: privacy 2026-07-01 is already in force (in ru since 2026-07-01T00:00:00+03:00): publish records this text as a late en translation, published when you run it; its pages say so.\n',
    );
    expect(created.stdout).not.toContain('--backdate');
    edit('privacy/en/2026-07-01.md', (text) =>
      text.replace('draft: true\n', '').replace('Describe what changed from the previous version.', 'Clause 1.1 clarified.').replace('1.1. The Site collects', '1.1. The Site collects and stores'),
    );
    const published = cli(['publish'], { SOURCE_DATE_EPOCH: august });
    expect(published.status, published.stderr).toBe(0);
    expect(published.stdout).toContain('published the en text of privacy 2026-07-01 (in force since 2026-07-01T00:00:00+03:00; this translation published 2026-08-01T03:00:00+03:00)');
  });

  test('new starts from a named version, and needs a title for a new policy', () => {
    expect(cli(['new', 'privacy', '--locale', 'en', '--effective', '2027-01-01', '--from', '2025-09-01']).stdout).toContain('from 2025-09-01');
    const cookies = cli(['new', 'cookies', '--locale', 'ru', '--effective', '2027-01-01']);
    expect(cookies.status).toBe(1);
    expect(cookies.stderr).toBe(`There is no policy "cookies" in ${display}. To start a new policy, give its title: --title "…" (the text starts empty).\n`);
    expect(cli(['new', 'cookies', '--locale', 'ru', '--effective', '2027-01-01', '--title', 'Политика cookie']).status).toBe(0);
    expect(cli(['new', 'privacy', '--effective', '2027-02-30']).stderr).toContain('--effective "2027-02-30" is not a real date');
  });

  test('every command that takes a policy name says "did you mean" for a typo', () => {
    const records = join(OUTPUT, 'workflow-records.jsonl');
    writeFileSync(records, `${JSON.stringify({ policy: 'privcy', locale: 'ru', version: '2025-09-01', acceptedAt: '2025-10-01T00:00:00Z' })}\n`);
    const runs = {
      new: cli(['new', 'privcy', '--locale', 'ru', '--effective', '2027-01-01']),
      diff: cli(['diff', 'privcy', '2025-09-01', '2026-02-15']),
      at: cli(['at', 'privcy', '2025-10-01']),
      reconsent: cli(['reconsent', 'privcy', '2025-09-01']),
      verify: cli(['verify', records]),
    };
    for (const [command, result] of Object.entries(runs)) {
      expect(result.status, command).toBe(1);
      expect(`${result.stdout}${result.stderr}`, command).toContain('Did you mean "privacy"?');
    }
    expect(runs.new.stderr).toBe(`There is no policy "privcy" in ${display}. Did you mean "privacy"? To start a new policy, give its title: --title "…" (the text starts empty).\n`);
    expect(runs.at.stderr).toBe(`There is no policy "privcy" in ${policies}. Did you mean "privacy"? Policies: consent, privacy.\n`);
    expect(cli(['new', 'privacy', '--locale', 'rus', '--effective', '2027-01-01']).stderr).toContain('privacy has no rus version to start from. Did you mean "ru"?');
    expect(cli(['diff', 'privacy', '2025-09-01', '2026-02-16']).stderr).toContain('privacy (ru) has no version "2026-02-16". Did you mean "2026-02-15"?');
  });

  test('a draft is not published; once ready it must be published before the build takes it', () => {
    cli(['new', 'privacy', '--locale', 'ru', '--effective', '2027-01-01']);
    expect(cli(['check']).status).toBe(0);
    expect(cli(['publish']).stdout).toBe('Nothing to publish: every version is in the ledger.\n');
    edit('privacy/ru/2027-01-01.md', (text) => text.replace('draft: true\n', ''));
    const placeholder = cli(['check']);
    expect(placeholder.stdout).toContain('summary: still has the placeholder written by npm run policy -- new');
    edit('privacy/ru/2027-01-01.md', (text) => text.replace('Опишите, что изменилось по сравнению с предыдущей редакцией.', 'Уточнён пункт 1.1.').replace('Сайт собирает', 'Сайт собирает и хранит'));
    const unpublished = cli(['check']);
    expect(unpublished.status).toBe(1);
    expect(unpublished.stdout).toContain('privacy/ru/2027-01-01 is not in the published-version ledger');
    const build = buildSite({ policiesDir: policies, name: 'workflow-unpublished' });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('privacy/ru/2027-01-01 is not in the published-version ledger');
    const publish = cli(['publish']);
    expect(publish.status, publish.stderr).toBe(0);
    expect(publish.stdout).toMatch(/^published privacy\/ru\/2027-01-01 \(takes effect 2027-01-01T00:00:00\+03:00\), sha256 [0-9a-f]{64}\n/);
    expect(cli(['check']).status).toBe(0);
    const diff = cli(['diff', 'privacy', '2026-02-15', '2027-01-01']);
    expect(diff.stdout).toBe(
      'privacy (ru): 2026-02-15 → 2027-01-01\n@@ 1. Персональная информация Пользователей, которую обрабатывает Компания @@\n* changed: 1.1. Сайт собирает{+ и хранит+}, получает доступ и использует в определённых Политикой целях персональные данные Пользователей, техническую и иную информацию, связанную с Пользователями.\n',
    );
  });

  test('refuses a new version that would take effect before a published one', () => {
    cli(['new', 'privacy', '--locale', 'ru', '--effective', '2024-01-01', '--version', 'backdated']);
    edit('privacy/ru/backdated.md', (text) => text.replace('draft: true\n', '').replace('Опишите, что изменилось по сравнению с предыдущей редакцией.', 'Задним числом.'));
    const result = cli(['check']);
    expect(result.stdout).toContain(
      'privacy/ru/backdated would take effect at 2024-01-01T00:00:00+03:00, before the published version 2026-02-15 (2026-02-15T00:00:00+03:00): it would change which version was in force in the past',
    );
    expect(cli(['publish']).status).toBe(1);
  });
});

describe('a new version before a scheduled one', () => {
  test('is refused with the real rule and the way out (postpone or withdraw the scheduled one), writing nothing', () => {
    cli(['new', 'privacy', '--locale', 'ru', '--effective', '2027-01-15']);
    edit('privacy/ru/2027-01-15.md', (text) =>
      text.replace('draft: true\n', '').replace('Опишите, что изменилось по сравнению с предыдущей редакцией.', 'Уточнён пункт 1.1.').replace('Сайт собирает', 'Сайт собирает и хранит'),
    );
    expect(cli(['publish']).status).toBe(0);
    cli(['new', 'privacy', '--locale', 'ru', '--effective', '2026-12-20']);
    edit('privacy/ru/2026-12-20.md', (text) =>
      text.replace('draft: true\n', '').replace('Опишите, что изменилось по сравнению с предыдущей редакцией.', 'Уточнён пункт 1.2.').replace('Сайт собирает', 'Сайт собирает и обрабатывает'),
    );
    const ledger = readFileSync(file('published.lock.json'), 'utf8');
    const log = readFileSync(file('log.lock.json'), 'utf8');
    const refused = cli(['publish']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `${display}/privacy/ru/2026-12-20.md:3: effective: privacy/ru/2026-12-20 would take effect at 2026-12-20T00:00:00+03:00, before 2027-01-15, which is published and scheduled to take effect at 2027-01-15T00:00:00+03:00: a new version takes effect after every published one, so the schedule readers were told stays true\n` +
        '    Use a date after 2027-01-15T00:00:00+03:00. To have this version take effect first, keep it draft: true and first move 2027-01-15 out of its way: postpone it (a later effective in each of its files, then npm run policy -- publish --postpone "<reason>") or withdraw it (npm run policy -- withdraw privacy 2027-01-15 --reason "<reason>"); then remove draft: true and publish this one.',
    );
    expect(refused.stderr).toContain('1 problem in 1 file. Nothing was recorded; fix it and run publish again.');
    expect(refused.stderr).not.toContain('in force in the past');
    expect(readFileSync(file('published.lock.json'), 'utf8')).toBe(ledger);
    expect(readFileSync(file('log.lock.json'), 'utf8')).toBe(log);
  });
});

describe('a correction of a published text', () => {
  test('is recorded with both hashes, shown on the site, listed in the feed, and old consents still verify', () => {
    const path = 'privacy/en/2026-02-15.md';
    const originalHash = (JSON.parse(readFileSync(file('published.lock.json'), 'utf8')) as { versions: { locale: string; version: string; policy: string; sha256: string }[] }).versions.find(
      (v) => v.policy === 'privacy' && v.locale === 'en' && v.version === '2026-02-15',
    )?.sha256;
    edit(path, (text) =>
      text
        .replace('changeType: editorial', 'changeType: editorial\ncorrections:\n  - date: 2026-12-01\n    reason: A missing comma in clause 1.1 ("access to, and uses")')
        .replace('obtains access to and uses', 'obtains access to, and uses'),
    );
    const pending = cli(['check']);
    expect(pending.status).toBe(1);
    expect(pending.stdout).toContain('corrections: privacy/en/2026-02-15: the correction of 2026-12-01 is not recorded yet');
    expect(pending.stdout).toContain('to{+,+} and uses');
    const publish = cli(['publish']);
    expect(publish.status, publish.stderr).toBe(0);
    expect(publish.stdout).toContain(`recorded the editorial correction of 2026-12-01 to privacy/en/2026-02-15: ${originalHash} → `);
    expect(cli(['check']).status).toBe(0);

    const build = buildSite({ policiesDir: policies, name: 'workflow-corrected', env: { SOURCE_DATE_EPOCH: LATER_EPOCH } });
    expect(build.status, build.output).toBe(0);
    const page = readPage(build.outDir, '/en/privacy/2026-02-15/');
    expect(textOf(select('.banner-corrected', page))).toBe('Text corrected on 1 December 2026. Reason: A missing comma in clause 1.1 ("access to, and uses"). What was corrected · Text before the correction');
    const correction = readPage(build.outDir, '/en/privacy/2026-02-15/corrections/1/');
    expect(selectAll('.redline-inline .diff-modified ins', correction).map(textOf)).toEqual(['added: ,']);
    const feed = JSON.parse(readFileSync(join(build.outDir, 'feed/v1/privacy.json'), 'utf8')) as PolicyFeed;
    const entry = feed.versions.find((v) => v.locale === 'en' && v.version === '2026-02-15');
    expect(entry?.corrections).toHaveLength(1);
    expect(entry?.corrections[0]?.previousSha256).toBe(originalHash);
    expect(entry?.corrections[0]?.sha256).toBe(entry?.sha256);
    const previous = readFileSync(join(build.outDir, new URL(entry?.corrections[0]?.previousMarkdownUrl ?? '').pathname));
    expect(previous.toString()).toContain('1.1. The Site collects');
    // The corrected text by its hash: named by the version and by its correction, served with those bytes.
    expect(entry?.sha256Url).toBe(`https://policies.example.com/raw/privacy/en/2026-02-15/${entry?.sha256}.md`);
    expect(entry?.corrections[0]?.sha256Url).toBe(entry?.sha256Url);
    const corrected = readFileSync(join(build.outDir, new URL(entry?.sha256Url ?? '').pathname));
    expect(createHash('sha256').update(corrected).digest('hex')).toBe(entry?.sha256);

    const records = join(OUTPUT, 'workflow-records.jsonl');
    writeFileSync(records, `${JSON.stringify({ policy: 'privacy', locale: 'en', version: '2026-02-15', acceptedAt: '2026-03-01T00:00:00Z', sha256: originalHash })}\n`);
    const verify = cli(['verify', records, '--json']);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain('agreed to the text before the correction of 2026-12-01');
    // The auditor's check reads the text before the correction by its hash, as well as the current one.
    const audit = cli(['verify', records, '--texts', '--feed', build.outDir]);
    expect(audit.stdout).toContain('texts: 3 read.');
    expect(audit.status, audit.stdout).toBe(0);
  });
});

describe('"editorial" is proven, not assumed', () => {
  const lockedFiles = () => ['published.lock.json', 'log.lock.json'].map((name) => readFileSync(file(name), 'utf8'));
  const archived = () => readdirSync(file('.published')).sort();
  const COSMETIC = '(whitespace, punctuation (dashes, quotes, commas, stops), letter case, «ё»/«е», markup alone, a spelling fix inside one word)';

  test('a correction that removes both «не» of 3.1 and the sentence on cookies is refused, with the passages, and nothing is written', () => {
    const before = { locked: lockedFiles(), archived: archived() };
    edit('privacy/ru/2026-02-15.md', (text) =>
      text
        .replace('changeType: editorial', 'changeType: editorial\ncorrections:\n  - date: 2026-06-01\n    reason: Исправлена опечатка в пункте 3.1')
        .replace('Согласие не является частью настоящей Политики и не может быть выражено', 'Согласие является частью настоящей Политики и может быть выражено')
        .replace(' Пользователь может отключить возможность использования файлов cookies в настройках браузера.', ''),
    );
    const result = cli(['publish']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      [
        `${display}/privacy/ru/2026-02-15.md:1: corrections: privacy/ru/2026-02-15: the correction of 2026-06-01 is not editorial: 3 changed passages are not cosmetic edits ${COSMETIC}`,
        '    A correction changes a published text without a new version and without asking anyone to consent again, so it may only fix wording. Publish the change as a new version instead (npm run policy -- new privacy --locale ru --effective <date>), after undoing it here. Only if it really is a correction, record it as a material one: npm run policy -- publish --material-correction "<why>".',
        '      1.2: …Пользователь провёл на странице.[- Пользователь может отключить возможность использования файлов cookies в настройках браузера.-] (removes an obligation or permission word: «может»; removes a sentence (10 words))',
        '      3.1: …контактные данные). Согласие [-не -]является частью настоящей Политики и (removes a negation: «не»)',
        '      3.1: является частью настоящей Политики и [-не -]может быть выражено путём использования… (removes a negation: «не»)',
        '',
        '1 problem in 1 file. Nothing was recorded; fix it and run publish again.',
      ].join('\n'),
    );
    expect({ locked: lockedFiles(), archived: archived() }).toEqual(before);
  });

  test('a new version declared editorial that adds a list item and shortens the notice period is refused until confirmed, and the decision is on record', () => {
    const before = { locked: lockedFiles(), archived: archived() };
    cli(['new', 'privacy', '--locale', 'ru', '--effective', '2027-01-15']);
    edit('privacy/ru/2027-01-15.md', (text) =>
      text
        .replace('Опишите, что изменилось по сравнению с предыдущей редакцией.', 'Уточнены формулировки.')
        .replace('changeType: material', 'changeType: editorial')
        .replace(/# Remove the next line[^\n]*\ndraft: true\n/, '')
        .replace(
          '- Проведения статистических и иных исследований на основе обезличенных данных.\n',
          '- Проведения статистических и иных исследований на основе обезличенных данных.\n- Передача партнёрам Компании для целевой рекламы без дополнительного согласия\n',
        )
        .replace('за 10 (десять) дней', 'за 1 (один) день'),
    );
    const refused = cli(['publish']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      [
        `${display}/privacy/ru/2027-01-15.md:6: changeType: privacy/ru/2027-01-15 is declared editorial, but compared with privacy/ru/2026-02-15, 2 changed passages are not cosmetic edits ${COSMETIC}`,
        '    An editorial version takes effect without asking anyone to consent again. If the change is material, set changeType: material and say in summary what changed. If you have checked that it is editorial all the same, confirm it, saying who decided and why: npm run policy -- publish --editorial "<who decided, and why>" (recorded in the ledger and the public log, and shown on the version page).',
        '      in «2. Цели обработки персональной информации Пользователей.»: {+Передача партнёрам Компании для целевой рекламы без дополнительного согласия+} (adds a list item)',
        '      6.2: …сообщения на Сайте не позднее чем за [-10-]{+1+} ([-десять-]{+один+}) [-дней-]{+день+} до вступления новой редакции в силу.… (changes a number: «10», «десять» → «1», «один»; changes a date or duration: «дней» → «день»)',
        '',
        '1 problem in 1 file. Nothing was recorded; fix it and run publish again.',
      ].join('\n'),
    );
    expect({ locked: lockedFiles(), archived: archived() }).toEqual(before);
    expect(cli(['check']).stdout).toContain('privacy/ru/2027-01-15 is declared editorial, but compared with privacy/ru/2026-02-15, 2 changed passages');

    const reason = 'Решение юриста А. Ивановой: перечень и срок согласованы с клиентом';
    const publish = cli(['publish', '--editorial', reason]);
    expect(publish.status, publish.stderr).toBe(0);
    expect(publish.stdout).toContain(
      `recorded privacy/ru/2027-01-15 as editorial BY DECISION (--editorial: ${reason}): the check finds material changes since privacy/ru/2026-02-15\nlogged entries 7–8 in the public log (9 entries in all)`,
    );
    expect(cli(['check']).status).toBe(0);
    const ledger = JSON.parse(readFileSync(file('published.lock.json'), 'utf8')) as { versions: { version: string; editorialCheck?: unknown }[] };
    // The hash of the sample's privacy/ru/2026-02-15, the text it was compared with.
    const previousSha = 'c19c47de402221796a1d3bd7d29d979e5bae28020f7780fa784344babe4b37d8';
    expect(ledger.versions.find((v) => v.version === '2027-01-15')?.editorialCheck).toEqual({ result: 'confirmed', comparedWith: { version: '2026-02-15', sha256: previousSha }, reason });

    const logKey = generateSignerKey('policies.example.com/log/v1');
    const build = buildSite({ policiesDir: policies, name: 'workflow-editorial', env: { SOURCE_DATE_EPOCH: LATER_EPOCH, POLICY_PRESS_LOG_KEY_DATA: logKey.signerKey, LOG_VERIFIER_KEY: logKey.verifierKey } });
    expect(build.status, build.output).toBe(0);
    const page = readPage(build.outDir, '/ru/privacy/2027-01-15/');
    expect(textOf(select('.banner-publication', page))).toContain(`по решению публикующего, хотя автоматическая проверка не подтвердила их редакционный характер. Причина: ${reason}.`);
    const feed = JSON.parse(readFileSync(join(build.outDir, 'feed/v1/privacy.json'), 'utf8')) as PolicyFeed;
    expect(feed.versions.find((v) => v.locale === 'ru' && v.version === '2027-01-15')?.editorialDecision).toEqual({ reason, comparedWithSha256: previousSha, logIndex: 8 });
    // The auditor's check finds the decision in the log as the feed says it.
    const audit = cli(['audit', '--site', build.outDir, '--key', logKey.verifierKey]);
    expect(audit.stdout).toContain('feed: 8 versions compared with the log');
    expect(audit.stdout).toContain('All is consistent.');
  });
});

import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CurrentFeed, PolicyFeed } from '#schemas/feed.ts';
import { ANNOUNCED_BUILD, ANNOUNCED_EPOCH, announcedSample } from '../helpers/announced-sample.ts';
import { buildShared, buildSite, OUTPUT, ROOT, type BuildResult } from '../helpers/build-site.ts';
import { listFiles, readPage, select, selectAll, textOf } from '../helpers/dist-site.ts';
import { runPolicyCli } from '../helpers/run-cli.ts';

let policies: string;
let build: BuildResult;
let later: BuildResult;

beforeAll(() => {
  // The same folder and build as the browser's announcement test.
  policies = announcedSample();
  build = buildShared(ANNOUNCED_BUILD);
  // The same folder once the new version is in force: nothing to announce, and nothing refused.
  later = buildSite({ policiesDir: policies, name: 'notice-later', env: { SOURCE_DATE_EPOCH: String(Date.parse('2027-02-01T00:00:00Z') / 1000) } });
}, 600_000);

const json = <T>(path: string): T => JSON.parse(readFileSync(join(build.outDir, path), 'utf8')) as T;

describe('a scheduled version on the built site', () => {
  test('builds, before and after it takes effect', () => {
    expect(build.status, build.output).toBe(0);
    expect(later.status, later.output).toBe(0);
  });

  test.each([
    ['/ru/privacy/', 'С 15 января 2027 г. действует новая редакция документа «Политика конфиденциальности». Что изменится → Текст новой редакции →', '/ru/privacy/diff/2026-02-15/2027-01-15/'],
    ['/ru/privacy/2026-02-15/', 'С 15 января 2027 г. действует новая редакция документа «Политика конфиденциальности». Что изменится → Текст новой редакции →', '/ru/privacy/diff/2026-02-15/2027-01-15/'],
    ['/ru/', 'С 15 января 2027 г. действует новая редакция документа «Политика конфиденциальности». Что изменится → Текст новой редакции →', '/ru/privacy/diff/2026-02-15/2027-01-15/'],
    ['/en/privacy/', 'A new version of “Privacy Policy” takes effect on 15 January 2027. What will change → The new text →', '/en/privacy/diff/2026-02-15/2027-01-15/'],
    ['/en/', 'A new version of “Privacy Policy” takes effect on 15 January 2027. What will change → The new text →', '/en/privacy/diff/2026-02-15/2027-01-15/'],
    ['/ru/privacy/history/', 'С 15 января 2027 г. действует новая редакция документа «Политика конфиденциальности». Что изменится → Текст новой редакции →', '/ru/privacy/diff/2026-02-15/2027-01-15/'],
  ])('%s announces it, linking what will change', (path, text, redline) => {
    const banner = select('section.banner-announcement', readPage(build.outDir, path));
    expect(textOf(banner)).toBe(text);
    expect(selectAll('a', banner ?? undefined).map((link) => link.properties['href'])).toEqual([redline, redline.replace(/diff\/[^/]+\/([^/]+)\/$/, '$1/')]);
  });

  test('the archived versions and the new one itself do not announce it, nor does any page once it is in force', () => {
    for (const path of ['/ru/privacy/2025-09-01/', '/ru/privacy/2027-01-15/']) expect(select('section.banner-announcement', readPage(build.outDir, path))).toBeUndefined();
    for (const path of ['/ru/privacy/', '/ru/', '/en/privacy/']) expect(select('section.banner-announcement', readPage(later.outDir, path))).toBeUndefined();
  });

  test('the feed carries the announcement: current.json, the policy feed, Atom and JSON Feed', () => {
    const current = json<CurrentFeed>('feed/v1/privacy/current.json');
    expect(current.locales['ru']?.announcement).toMatchObject({
      version: '2027-01-15',
      effectiveFrom: '2027-01-14T21:00:00.000Z',
      announcedAt: '2026-12-01T09:30:00.000Z',
      noticeDays: 44,
      changeType: 'material',
      banner: true,
    });
    expect(current.locales['en']?.announcement?.redlineUrl).toBe('https://policies.example.com/en/privacy/diff/2026-02-15/2027-01-15/');
    const feed = json<PolicyFeed>('feed/v1/privacy.json');
    expect(feed.versions.filter((version) => version.locale === 'ru').map((version) => [version.version, version.announcedAt, version.noticeDays])).toEqual([
      ['2023-03-01', expect.any(String), null],
      ['2025-09-01', expect.any(String), null],
      ['2026-02-15', expect.any(String), null],
      ['2027-01-15', '2026-12-01T09:30:00.000Z', 44],
    ]);
    expect(readFileSync(join(build.outDir, 'feed/v1/privacy/ru/atom.xml'), 'utf8')).toContain('<published>2026-12-01T09:30:00.000Z</published>');
    const since = json<{ announcement: { version: string } | null }>('feed/v1/privacy/ru/2025-09-01/since.json');
    expect(since.announcement?.version).toBe('2027-01-15');
  });

  test("the notices are written beside the version's files, as the CLI prints them, with no script and nothing external", () => {
    const files = listFiles(build.outDir).filter((file) => /\/notice\.(txt|html)$/.test(file));
    expect(files).toContain('feed/v1/privacy/ru/2027-01-15/notice.txt');
    expect(files).toContain('feed/v1/privacy/en/2027-01-15/notice.html');
    for (const [locale, format] of [
      ['ru', 'text'],
      ['ru', 'html'],
      ['en', 'text'],
      ['en', 'html'],
    ] as const) {
      const printed = runPolicyCli(['notice', 'privacy', '2027-01-15', '--locale', locale, '--format', format], { policiesDir: policies, env: { SOURCE_DATE_EPOCH: ANNOUNCED_EPOCH } });
      expect(printed.status, printed.stderr).toBe(0);
      expect(printed.stdout).toBe(readFileSync(join(build.outDir, `feed/v1/privacy/${locale}/2027-01-15/notice.${format === 'text' ? 'txt' : 'html'}`), 'utf8'));
    }
    for (const file of files.filter((name) => name.endsWith('.html'))) {
      const html = readFileSync(join(build.outDir, file), 'utf8');
      // Nothing that runs, loads, sends or redirects: no script or handler, no stylesheet, image, frame or form, no base or refresh.
      expect(html, file).not.toMatch(/<script|<style|<link|<img|<iframe|<object|<embed|<form|<base|<svg|<video|<audio|http-equiv|\bon[a-z]+=|javascript:|@import|url\(|\b(?:src|srcset|action|background|poster|data)=/i);
      for (const [, url] of html.matchAll(/href="([^"]*)"/g)) expect(url, file).toMatch(/^https:\/\/policies\.example\.com\//);
    }
    const ru = readFileSync(join(build.outDir, 'feed/v1/privacy/ru/2027-01-15/notice.txt'), 'utf8');
    expect(ru).toContain('Изменения существенные: после 15\u00a0января 2027\u00a0г. мы попросим вас заново подтвердить согласие с документом.');
    expect(ru).toMatch(/SHA-256 текста новой редакции: [0-9a-f]{64}\n$/);
  });
});

describe('npm run policy -- notice', () => {
  const notice = (args: string[]) => runPolicyCli(['notice', ...args], { policiesDir: policies, env: { SOURCE_DATE_EPOCH: ANNOUNCED_EPOCH } });
  test.each([
    [['privacy', '2027-01-16'], 'privacy has no version "2027-01-16". Did you mean "2027-01-15"? Versions: 2023-03-01, 2025-09-01, 2026-02-15, 2027-01-15.\n'],
    [['consent', '2025-09-01', '--locale', 'de'], 'consent 2025-09-01 has no de text; it exists in en, ru. Use --locale en, or publish its de text first.\n'],
    [['privacy', '2027-01-15', '--format', 'pdf'], '--format is "text" or "html", not "pdf".\n'],
  ])('refuses %j with exit 1', (args, message) => {
    const result = notice(args);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(message);
    expect(result.stdout).toBe('');
  });

  test('refuses a withdrawn version', () => {
    const folder = join(OUTPUT, 'notice-withdrawn');
    rmSync(folder, { recursive: true, force: true });
    cpSync(policies, folder, { recursive: true });
    const withdrawn = runPolicyCli(['withdraw', 'privacy', '2027-01-15', '--reason', 'Решили не менять срок'], { policiesDir: folder, env: { SOURCE_DATE_EPOCH: ANNOUNCED_EPOCH } });
    expect(withdrawn.status, withdrawn.stderr + withdrawn.stdout).toBe(0);
    const result = runPolicyCli(['notice', 'privacy', '2027-01-15'], { policiesDir: folder, env: { SOURCE_DATE_EPOCH: ANNOUNCED_EPOCH } });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('privacy 2027-01-15 was withdrawn at 2026-12-07T03:00:00+03:00 (Решили не менять срок) and never takes effect: there is nothing to give notice of.\n');
  });
});

describe('publish and the notice of the sample privacy policy', () => {
  const folder = join(OUTPUT, 'notice-publish');
  const cli = (args: string[]) => runPolicyCli(args, { policiesDir: folder, env: { SOURCE_DATE_EPOCH: ANNOUNCED_EPOCH } });
  const ledger = () => readFileSync(join(folder, 'published.lock.json'), 'utf8');

  beforeAll(() => {
    rmSync(folder, { recursive: true, force: true });
    cpSync(join(ROOT, 'policies'), folder, { recursive: true });
    // A material version on 10 December: three days after "now", less than the ten the policy promises.
    expect(cli(['new', 'privacy', '--locale', 'ru', '--effective', '2026-12-10']).stdout).toContain(
      "Warning: privacy requires 10 days' notice of a material version (notice.policies.privacy.material in site.config.ts): published now, it may take effect at 2026-12-17T03:00:00+03:00 at the earliest, so publish will refuse 2026-12-10T00:00:00+03:00 unless you give the reason with --short-notice. The first day that honours it: --effective 2026-12-18 (for an editorial version, set changeType: editorial, which needs no notice).",
    );
    const file = join(folder, 'privacy/ru/2026-12-10.md');
    writeFileSync(file, `${readFileSync(file, 'utf8').replace('draft: true\n', '').replace('Опишите, что изменилось по сравнению с предыдущей редакцией.', 'Срок ответа на запрос сокращён.')}\nНовый пункт.\n`);
  });

  test('refuses it, saying the earliest instant that honours the notice, and records nothing', () => {
    const before = ledger();
    const result = cli(['publish']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'test/.output/notice-publish/privacy/ru/2026-12-10.md:3: effective: privacy/ru/2026-12-10 is a material version taking effect at 2026-12-10T00:00:00+03:00 ("2026-12-10"), sooner than the notice of 10 days (notice.policies.privacy.material in site.config.ts) after the moment of publishing (2026-12-07T03:00:00+03:00): the earliest instant that honours it is 2026-12-17T03:00:00+03:00',
    );
    expect(ledger()).toBe(before);
    const check = cli(['check']);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('privacy/ru/2026-12-10 is a material version taking effect at 2026-12-10T00:00:00+03:00 ("2026-12-10"), sooner than the notice of 10 days');
  });

  test('refuses --short-notice without a reason, recording nothing', () => {
    const before = ledger();
    const empty = cli(['publish', '--short-notice', '']);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain(
      'test/.output/notice-publish/published.lock.json:1: --short-notice needs a reason\n    Write why, in plain words: --short-notice "<reason>". It is recorded in the ledger and shown in the feed.\n\n1 problem in 1 file. Nothing was recorded; fix it and run publish again.',
    );
    const missing = cli(['publish', '--short-notice']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("Option '--short-notice <value>' argument missing");
    expect(ledger()).toBe(before);
  });

  test('records it with --short-notice "<reason>" in the ledger, after which check passes', () => {
    const result = cli(['publish', '--short-notice', 'Изменение закона вступает в силу 10 декабря']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'recorded the SHORT NOTICE of privacy/ru/2026-12-10: takes effect 2026-12-10T00:00:00+03:00, announced 2026-12-07T03:00:00+03:00, less than the 10 days required (Изменение закона вступает в силу 10 декабря)',
    );
    expect(JSON.parse(ledger()).versions.at(-1).shortNotice).toEqual({
      reason: 'Изменение закона вступает в силу 10 декабря',
      recordedAt: '2026-12-07T00:00:00.000Z',
      requiredNotice: 10,
      effectiveFrom: '2026-12-09T21:00:00.000Z',
    });
    expect(cli(['check']).status).toBe(0);
    // Nothing left to override: a second reason is refused.
    const recorded = ledger();
    const again = cli(['publish', '--short-notice', 'Ещё раз']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('--short-notice was given, but nothing needs it');
    expect(ledger()).toBe(recorded);
  });

  test('refuses --short-notice for a version whose notice is not short, recording nothing', () => {
    const other = join(OUTPUT, 'notice-publish-long');
    const run = (args: string[]) => runPolicyCli(args, { policiesDir: other, env: { SOURCE_DATE_EPOCH: ANNOUNCED_EPOCH } });
    rmSync(other, { recursive: true, force: true });
    cpSync(join(ROOT, 'policies'), other, { recursive: true });
    // 13 days after "now": more than the ten the policy promises.
    expect(run(['new', 'privacy', '--locale', 'ru', '--effective', '2026-12-20']).status).toBe(0);
    const file = join(other, 'privacy/ru/2026-12-20.md');
    writeFileSync(file, `${readFileSync(file, 'utf8').replace('draft: true\n', '').replace('Опишите, что изменилось по сравнению с предыдущей редакцией.', 'Срок ответа на запрос сокращён.')}\nНовый пункт.\n`);
    const before = readFileSync(join(other, 'published.lock.json'), 'utf8');
    const result = run(['publish', '--short-notice', 'Срочно']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'test/.output/notice-publish-long/published.lock.json:1: --short-notice was given, but nothing needs it\n    Run publish without --short-notice; an override is recorded with the versions it applies to, and here there are none.\n\n1 problem in 1 file. Nothing was recorded; fix it and run publish again.',
    );
    expect(readFileSync(join(other, 'published.lock.json'), 'utf8')).toBe(before);
    // Without the flag it is published: the refusal was of the flag alone.
    expect(run(['publish']).status).toBe(0);
  });
});

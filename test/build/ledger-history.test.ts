/**
 * The ledger keeps legal history honest, tried as legal staff would on a copy
 * of the shipped sample: backdating, the re-consent signal, corrections that
 * are not editorial, postponing and withdrawing, late translations, a broken
 * published file. Every refusal changes nothing; one build shows the site,
 * the feeds and verify telling the recorded history.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeEach, describe, expect, test } from 'vitest';
import type { PolicyFeed, SinceFeed } from '#schemas/feed.ts';
import { buildSite, LATER_EPOCH, OUTPUT, ROOT } from '../helpers/build-site.ts';
import { attributeOf, readPage, select, selectAll, textOf } from '../helpers/dist-site.ts';
import { createFeedValidator } from '../helpers/feed-schema.ts';
import { runPolicyCli } from '../helpers/run-cli.ts';

const policies = join(OUTPUT, 'ledger-policies');
const display = 'test/.output/ledger-policies';
const epochOf = (iso: string) => String(Date.parse(iso) / 1000);
// 2026-06-01T03:00:00+03:00 unless a step says otherwise.
const cli = (args: string[], epoch = LATER_EPOCH) => runPolicyCli(args, { policiesDir: policies, env: { SOURCE_DATE_EPOCH: epoch } });
const file = (path: string) => join(policies, path);
const read = (path: string) => readFileSync(file(path), 'utf8');
const write = (path: string, text: string) => writeFileSync(file(path), text);
const edit = (path: string, change: (text: string) => string) => write(path, change(read(path)));
type LedgerFile = { ledgerVersion: number; versions: Record<string, unknown>[] };
const ledger = () => JSON.parse(read('published.lock.json')) as LedgerFile;
const entry = (id: string) => ledger().versions.find((candidate) => `${String(candidate['policy'])}/${String(candidate['locale'])}/${String(candidate['version'])}` === id);

/** The ledger, the log state and the archive, byte for byte: what a refusal must leave as it found. */
function snapshot(): string {
  const archive = readdirSync(file('.published')).sort();
  return createHash('sha256').update(read('published.lock.json')).update(read('log.lock.json')).update(archive.join('\n')).digest('hex');
}

/** A new version of the privacy policy, from the latest, published as legal staff would: new, edit, remove draft. */
// By default a new version adds one sentence: a version that changes nothing is refused (empty-version).
const addSentence = (text: string) => `${text.trimEnd()}\n\nСрок ответа на обращения — 10 дней.\n`;

function newVersion(locale: string, effective: string, version: string, change: (text: string) => string = addSentence): string {
  const created = cli(['new', 'privacy', '--locale', locale, '--effective', effective, '--version', version]);
  expect(created.status, created.stderr).toBe(0);
  const path = `privacy/${locale}/${version}.md`;
  edit(path, (text) =>
    change(text.replace('draft: true\n', '').replace(/"(Опишите, что изменилось по сравнению с предыдущей редакцией\.|Describe what changed from the previous version\.)"/, '"Срок ответа на обращения изменён."')),
  );
  return path;
}

beforeEach(() => {
  rmSync(policies, { recursive: true, force: true });
  cpSync(join(ROOT, 'policies'), policies, { recursive: true });
});

describe('backdating (case 1)', () => {
  test('a version that takes effect before now is refused, changing nothing, then published with --backdate and its reason', () => {
    const path = newVersion('ru', '2026-05-01', '2026-05-01');
    const before = snapshot();
    const refused = cli(['publish']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `${display}/privacy/ru/2026-05-01.md:3: effective: privacy/ru/2026-05-01 takes effect at 2026-05-01T00:00:00+03:00 ("2026-05-01"), before the moment of publishing (2026-06-01T03:00:00+03:00)`,
    );
    expect(refused.stderr).toContain('effective: 2026-06-01T03:01:00+03:00 (the next minute)');
    expect(refused.stderr).toContain('npm run policy -- publish --backdate "<reason>"');
    expect(snapshot()).toBe(before);
    // check and the build say the same before anyone publishes.
    expect(cli(['check']).stdout).toContain('before the moment of publishing');
    const published = cli(['publish', '--backdate', 'Опубликована в «Российской газете» 1 мая']);
    expect(published.status, published.stderr).toBe(0);
    expect(published.stdout).toContain('published privacy/ru/2026-05-01 BACKDATED: in force since 2026-05-01T00:00:00+03:00, published 2026-06-01T03:00:00+03:00');
    expect(entry('privacy/ru/2026-05-01')).toMatchObject({ publishedAt: '2026-06-01T00:00:00.000Z', publication: { kind: 'backdated', reason: 'Опубликована в «Российской газете» 1 мая' } });
    expect(cli(['check']).status).toBe(0);
    expect(read(path)).not.toContain('draft');
  });

  test("the legal staff guide's example run at 15:00 on the day is refused too: the start of the day has passed", () => {
    newVersion('ru', '2026-12-01', '2026-12-01');
    const result = cli(['publish'], epochOf('2026-12-01T12:00:00Z'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('takes effect at 2026-12-01T00:00:00+03:00 ("2026-12-01"), before the moment of publishing (2026-12-01T15:00:00+03:00)');
  });
});

describe('the re-consent signal is locked (case 2)', () => {
  test('changeType and summary edits are refused, then accepted as corrections and shown', () => {
    edit('privacy/ru/2026-02-15.md', (text) => text.replace('changeType: editorial', 'changeType: material'));
    edit('privacy/en/2026-02-15.md', (text) => text.replace('changeType: editorial', 'changeType: material'));
    const refused = cli(['check']);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(`${display}/privacy/ru/2026-02-15.md:7: changeType: privacy/ru/2026-02-15 was published with changeType: editorial, but now says material`);
    expect(runPolicyCli(['reconsent', 'privacy', '2025-09-01'], { policiesDir: policies, env: { SOURCE_DATE_EPOCH: LATER_EPOCH } }).status).toBe(1);
    const before = snapshot();
    expect(cli(['publish']).status).toBe(1);
    expect(snapshot()).toBe(before);
    for (const locale of ['ru', 'en']) {
      edit(`privacy/${locale}/2026-02-15.md`, (text) => text.replace('changeType: material', 'changeType: material\ncorrections:\n  - date: 2026-06-01\n    reason: Изменён срок уведомления, это существенное изменение'));
    }
    const published = cli(['publish']);
    expect(published.status, published.stderr).toBe(0);
    expect(published.stdout).toContain('recorded the editorial correction of 2026-06-01 to privacy/ru/2026-02-15 (changeType/summary only)');
    expect(entry('privacy/ru/2026-02-15')).toMatchObject({ changeType: 'material', corrections: [{ changeType: { from: 'editorial', to: 'material' }, reason: 'Изменён срок уведомления, это существенное изменение' }] });
    // And the answer follows the corrected signal.
    expect(cli(['reconsent', 'privacy', '2025-09-01']).status).toBe(20);
    // A recorded correction's reason is locked too.
    edit('privacy/ru/2026-02-15.md', (text) => text.replace('это существенное изменение', 'просто так'));
    expect(cli(['check']).stdout).toContain('corrections.0: privacy/ru/2026-02-15: correction 1 was recorded as');
  });
});

describe('a correction must be editorial (case 3)', () => {
  test('"10 (десять) дней" → "30 (тридцать) дней" is refused with the redline and the advice to publish a new version', () => {
    edit('privacy/ru/2026-02-15.md', (text) =>
      text.replace('changeType: editorial', 'changeType: editorial\ncorrections:\n  - date: 2026-06-01\n    reason: Опечатка в сроке').replace('за 10 (десять) дней', 'за 30 (тридцать) дней'),
    );
    const before = snapshot();
    const result = cli(['publish']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'corrections: privacy/ru/2026-02-15: the correction of 2026-06-01 is not editorial: 1 changed passage is not a cosmetic edit (whitespace, punctuation (dashes, quotes, commas, stops), letter case, «ё»/«е», markup alone, a spelling fix inside one word)',
    );
    expect(result.stderr).toContain('6.2: …сообщения на Сайте не позднее чем за [-10-]{+30+} ([-десять-]{+тридцать+}) дней до вступления новой редакции в… (changes a number: «10», «десять» → «30», «тридцать»)');
    expect(result.stderr).toContain('Publish the change as a new version instead');
    expect(snapshot()).toBe(before);
    const forced = cli(['publish', '--material-correction', 'Срок в решении совета директоров — 30 дней']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(entry('privacy/ru/2026-02-15')).toMatchObject({ corrections: [{ kind: 'material', overrideReason: 'Срок в решении совета директоров — 30 дней' }] });
  });
});

describe('a broken published file', () => {
  test('reports its own error only, and no command that could throw away uncommitted work', () => {
    edit('privacy/ru/2025-09-01.md', (text) => text.replace('effective: 2025-09-01', 'efective: 2025-09-01'));
    const result = cli(['check']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${display}/privacy/ru/2025-09-01.md:3: efective: is not a known field`);
    expect(result.stdout).not.toContain('is gone');
    expect(result.stdout).not.toContain('git checkout');
  });
});

describe('withdraw, postpone and translate, then the site tells it (cases 1, 4, 5)', () => {
  test('every step is recorded or refused as it should, and one build shows the recorded history', () => {
    // A backdated Russian version (published 1 June 2026 with effect from 1 May), and its English text the next day.
    newVersion('ru', '2026-05-01', '2026-05-01');
    expect(cli(['publish', '--backdate', 'Опубликована в газете 1 мая']).status).toBe(0);
    newVersion('en', '2026-05-01', '2026-05-01');
    const translation = cli(['publish'], epochOf('2026-06-02T00:00:00Z'));
    expect(translation.status, translation.stderr).toBe(0);
    expect(translation.stdout).toContain('published the en text of privacy 2026-05-01 (in force since 2026-05-01T00:00:00+03:00; this translation published 2026-06-02T03:00:00+03:00)');

    // Two scheduled versions in both languages, published on 3 June.
    for (const locale of ['ru', 'en']) {
      newVersion(locale, '2026-09-01', '2026-09-01');
      newVersion(locale, '2026-10-01', '2026-10-01', (text) => text.replace('1.1. ', '1.1. Updated. '));
    }
    expect(cli(['publish'], epochOf('2026-06-03T00:00:00Z')).status).toBe(0);

    // Postpone 2026-10-01 to 2026-11-01: refused until recorded with its reason, refused once it took effect.
    for (const locale of ['ru', 'en']) edit(`privacy/${locale}/2026-10-01.md`, (text) => text.replace('effective: 2026-10-01', 'effective: 2026-11-01'));
    const late = cli(['publish', '--postpone', 'поздно'], epochOf('2026-09-30T21:00:00Z'));
    expect(late.status).toBe(1);
    expect(late.stderr).toContain('it took effect at 2026-10-01T00:00:00+03:00, and what was in force in the past never changes');
    const unrecorded = cli(['publish'], epochOf('2026-06-04T00:00:00Z'));
    expect(unrecorded.status).toBe(1);
    expect(unrecorded.stderr).toContain('is scheduled for 2026-10-01T00:00:00+03:00 and now says 2026-11-01T00:00:00+03:00 ("2026-11-01"): the postponement is not recorded yet');
    const postponed = cli(['publish', '--postpone', 'Ждём разъяснений Роскомнадзора'], epochOf('2026-06-04T00:00:00Z'));
    expect(postponed.status, postponed.stderr).toBe(0);
    expect(postponed.stdout).toContain('postponed privacy/ru/2026-10-01: from 2026-10-01T00:00:00+03:00 to 2026-11-01T00:00:00+03:00 (Ждём разъяснений Роскомнадзора)');

    // Withdraw 2026-09-01: refused without a reason, refused once in force (to the second here; the unit tests go to the millisecond), then recorded.
    const before = snapshot();
    expect(cli(['withdraw', 'privacy', '2026-09-01'], epochOf('2026-08-31T20:59:59Z')).status).toBe(1);
    const inForce = cli(['withdraw', 'privacy', '2026-09-01', '--reason', 'Закон отложен'], epochOf('2026-08-31T21:00:00Z'));
    expect(inForce.status).toBe(1);
    expect(inForce.stderr).toContain('privacy 2026-09-01 took effect at 2026-09-01T00:00:00+03:00; it is 2026-09-01T00:00:00+03:00 now, so it can no longer be withdrawn');
    expect(snapshot()).toBe(before);
    const withdrawn = cli(['withdraw', 'privacy', '2026-09-01', '--reason', 'Закон отложен'], epochOf('2026-08-31T20:59:59Z'));
    expect(withdrawn.status, withdrawn.stderr).toBe(0);
    expect(withdrawn.stdout).toContain('withdrew privacy/ru/2026-09-01 (was to take effect 2026-09-01T00:00:00+03:00): Закон отложен');
    expect(cli(['check'], epochOf('2026-09-02T00:00:00Z')).status).toBe(0);

    const build = buildSite({ policiesDir: policies, name: 'ledger-history', env: { SOURCE_DATE_EPOCH: epochOf('2026-09-02T00:00:00Z') } });
    expect(build.status, build.output).toBe(0);
    const out = build.outDir;
    const json = <T>(path: string) => JSON.parse(readFileSync(join(out, path), 'utf8')) as T;
    const validate = createFeedValidator(json('feed/v1/schema.json'));
    const feed = json<PolicyFeed>('feed/v1/privacy.json');
    expect(validate('PolicyFeed', feed)).toEqual([]);

    // Withdrawn: out of the versions, in `withdrawn`, its page and text kept, its Atom entry marked.
    expect(feed.versions.some((version) => version.version === '2026-09-01')).toBe(false);
    expect(feed.withdrawn?.map((version) => [version.locale, version.version, version.reason])).toEqual([
      ['en', '2026-09-01', 'Закон отложен'],
      ['ru', '2026-09-01', 'Закон отложен'],
    ]);
    expect(textOf(select('.banner-withdrawn', readPage(out, '/ru/privacy/2026-09-01/')))).toBe(
      'Эта редакция отозвана до вступления в силу 31 августа 2026 г., 23:59 МСК. Причина: Закон отложен. Она не вступала в силу и не вступит. Перейти к действующей редакции',
    );
    // Statuses as a lawyer reads them: a withdrawn version has no period, only its withdrawal, with the date and the reason.
    const withdrawnPage = readPage(out, '/ru/privacy/2026-09-01/');
    expect(textOf(select('.facts', withdrawnPage))).toBe('Редакция 2026-09-01 · Отозвана до вступления в силу Дата отзыва 31 августа 2026 г., 23:59 МСК. Причина: Закон отложен.');
    const englishWithdrawn = readPage(out, '/en/privacy/2026-09-01/');
    expect(textOf(select('.facts', englishWithdrawn))).toBe('Version 2026-09-01 · Withdrawn before it took effect Withdrawn on 31 August 2026, 23:59 MSK. Reason (in Russian): Закон отложен.');
    expect(attributeOf(englishWithdrawn, '.facts .reason [lang]', 'lang')).toBe('ru');
    const history = readPage(out, '/ru/privacy/history/');
    expect(textOf(select('.history-entry.status-withdrawn', history))).toBe(
      'Редакция 2026-09-01 Статус Отозвана до вступления в силу Срок ответа на обращения изменён. Сравнить с действующей редакцией Эта редакция отозвана до вступления в силу 31 августа 2026 г., 23:59 МСК. Причина: Закон отложен. Она не вступала в силу и не вступит.',
    );
    expect(selectAll('.history-events li', history).map(textOf)).toContain('4 июня 2026 г., 03:00 МСК: дата вступления в силу перенесена с 1 октября 2026 г. на 1 ноября 2026 г. Причина: Ждём разъяснений Роскомнадзора.');
    // «2026 г.» and «1 ноября» never break across lines.
    expect(readFileSync(join(out, 'ru/privacy/2026-10-01/index.html'), 'utf8')).toContain('с <time datetime="2026-10-31T21:00:00.000Z">1\u00a0ноября 2026\u00a0г.</time>');
    expect(existsSync(join(out, 'raw/privacy/ru/2026-09-01.md'))).toBe(true);
    expect(existsSync(join(out, 'feed/v1/privacy/ru/2026-09-01/since.json'))).toBe(false);
    const atom = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['entry', 'category'].includes(name) }).parse(readFileSync(join(out, 'feed/v1/privacy/ru/atom.xml'), 'utf8')) as {
      feed: { entry: { id: string; category: { '@_term': string }[]; summary: string }[] };
    };
    const withdrawnEntry = atom.feed.entry.find((item) => item.id.endsWith('privacy/ru/2026-09-01'));
    expect(withdrawnEntry?.category.map((category) => category['@_term'])).toEqual(['material', 'withdrawn']);

    // Postponed: the new date everywhere, the old one recorded with the reason, the old text served by its hash.
    const moved = feed.versions.find((version) => version.locale === 'ru' && version.version === '2026-10-01');
    expect(moved).toMatchObject({ effectiveFrom: '2026-10-31T21:00:00.000Z', rescheduled: [{ previousEffectiveFrom: '2026-09-30T21:00:00.000Z', reason: 'Ждём разъяснений Роскомнадзора' }] });
    expect(readFileSync(join(out, new URL(moved?.rescheduled?.[0]?.previousMarkdownUrl ?? 'https://x/').pathname), 'utf8')).toContain('effective: "2026-09-30T21:00:00.000Z"');
    expect(textOf(select('.banner-publication', readPage(out, '/ru/privacy/2026-10-01/')))).toBe(
      '4 июня 2026 г., 03:00 МСК: дата вступления в силу перенесена с 1 октября 2026 г. на 1 ноября 2026 г. Причина: Ждём разъяснений Роскомнадзора.',
    );
    const since = json<SinceFeed>('feed/v1/privacy/ru/2026-02-15/since.json');
    expect(validate('SinceFeed' as 'PolicyFeed', since)).toEqual([]);
    expect(since.withdrawn).toEqual([{ version: '2026-09-01', effectiveFrom: '2026-08-31T21:00:00.000Z', withdrawnAt: '2026-08-31T20:59:59.000Z', reason: 'Закон отложен' }]);
    expect(since.later.map((version) => [version.version, version.effectiveFrom, version.rescheduled?.length])).toEqual([
      ['2026-05-01', '2026-04-30T21:00:00.000Z', 0],
      ['2026-10-01', '2026-10-31T21:00:00.000Z', 1],
    ]);

    // Backdated and late translation: the pages and the feed say when they were published.
    expect(textOf(select('.banner-publication', readPage(out, '/ru/privacy/2026-05-01/')))).toBe('Опубликована 1 июня 2026 г., 03:00 МСК с действием с 1 мая 2026 г. Причина: Опубликована в газете 1 мая.');
    expect(textOf(select('.banner-publication', readPage(out, '/en/privacy/2026-05-01/')))).toBe('The text in this language was published on 2 June 2026, 03:00 MSK.');
    expect(feed.versions.find((version) => version.locale === 'en' && version.version === '2026-05-01')).toMatchObject({ publishedAt: '2026-06-02T00:00:00.000Z', publication: 'late-translation' });

    // verify against the built feed: consent in the gaps is not ok.
    const withdrawnHash = (version: string) => feed.withdrawn?.find((withdrawn) => withdrawn.version === version)?.sha256;
    const records = join(OUTPUT, 'ledger-records.jsonl');
    writeFileSync(
      records,
      [
        { policy: 'privacy', locale: 'ru', version: '2026-05-01', acceptedAt: '2026-05-15T12:00:00+03:00' },
        { policy: 'privacy', locale: 'en', version: '2026-05-01', acceptedAt: '2026-06-01T12:00:00+03:00' },
        { policy: 'privacy', locale: 'ru', version: '2026-09-01', acceptedAt: '2026-09-02T12:00:00+03:00' },
        { policy: 'privacy', locale: 'en', version: '2026-05-01', acceptedAt: '2026-06-02T12:00:00+03:00' },
      ]
        // Each record kept the hash of the text it names, as the feed gives it.
        .map((record) => JSON.stringify({ ...record, sha256: feed.versions.find((v) => v.locale === record.locale && v.version === record.version)?.sha256 ?? withdrawnHash(record.version) }))
        .join('\n'),
    );
    const verify = runPolicyCli(['verify', records, '--feed', join(out, 'feed/v1/index.json'), '--as-of', '2026-12-01T00:00:00Z']);
    expect(verify.status).toBe(1);
    expect(verify.stdout.split('\n').map((line) => line.replace(`${records}:`, ''))).toEqual([
      '1: backdated: privacy/ru/2026-05-01 was published at 2026-06-01T03:00:00+03:00 with effect from 2026-05-01T00:00:00+03:00 (backdated: Опубликована в газете 1 мая); at acceptedAt (2026-05-15T12:00:00+03:00) nobody could read it',
      '2: no-translation: the en text of privacy 2026-05-01 was published at 2026-06-02T03:00:00+03:00; at acceptedAt (2026-06-01T12:00:00+03:00) the version in force had no en text yet',
      '3: withdrawn: privacy/ru/2026-09-01 was withdrawn at 2026-08-31T23:59:59+03:00 before it took effect (Закон отложен): it was never in force; 2026-05-01 was in force at acceptedAt',
      '4 records: 1 ok, 3 failed (1 withdrawn, 1 no-translation, 1 backdated), 0 malformed.',
      '',
    ]);
  });
});

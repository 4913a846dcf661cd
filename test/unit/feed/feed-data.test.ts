import { describe, expect, test } from 'vitest';
import { createCurrentFeed, createFeedIndex, createPolicyFeed, FeedContractError, serializeFeed, toFeedAnnouncement, validateFeedFile } from '#lib/feed/feed-data.ts';
import { getFeedJsonSchema, PolicyFeedSchema } from '#schemas/feed.ts';
import { createFeedValidator } from '../../helpers/feed-schema.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import { renderPublishedText, sha256Hex } from '#lib/timeline/published-text.ts';
import { recordedCorrection, withLedgerRecord } from '../../helpers/published-versions.ts';
import { createTestContext, TEST_VERSIONS } from '../../helpers/site-context.ts';
import { makeVersion } from '../../helpers/versions.ts';

const context = createTestContext();
const validate = createFeedValidator(getFeedJsonSchema('https://example.com/legal/feed/v1/schema.json'));

describe('createPolicyFeed', () => {
  const feed = createPolicyFeed(context, 'privacy');

  test('lists every version of every locale with its interval, hash and absolute URLs', () => {
    expect(feed.locales).toEqual(['en', 'ru']);
    expect(feed.versions.map((v) => [v.locale, v.version, v.effectiveFrom, v.effectiveUntil])).toEqual([
      // One timeline per policy: the English text stops being in force when the Russian-only version takes effect.
      ['en', '2025-09-01', '2025-08-31T21:00:00.000Z', '2026-12-31T21:00:00.000Z'],
      ['ru', '2023-03-01', '2023-02-28T21:00:00.000Z', '2025-08-31T21:00:00.000Z'],
      ['ru', '2025-09-01', '2025-08-31T21:00:00.000Z', '2026-12-31T21:00:00.000Z'],
      ['ru', '2027-01-01', '2026-12-31T21:00:00.000Z', null],
    ]);
    expect(feed.versions[2]).toMatchObject({
      url: 'https://example.com/legal/ru/privacy/2025-09-01/',
      markdownUrl: 'https://example.com/legal/raw/privacy/ru/2025-09-01.md',
      diffUrl: 'https://example.com/legal/ru/privacy/diff/2023-03-01/2025-09-01/',
      summary: ['Новый пункт 3.5'],
      changeType: 'material',
    });
    expect(feed.versions[1]?.diffUrl).toBeNull();
  });

  test('does not depend on the build time', () => {
    expect(serializeFeed(createPolicyFeed(createTestContext('2020-01-01T00:00:00Z'), 'privacy'))).toBe(serializeFeed(feed));
  });

  test('passes the published JSON Schema, checked by an independent validator', () => {
    expect(validate('PolicyFeed', feed)).toEqual([]);
  });
});

describe('createFeedIndex and createCurrentFeed', () => {
  test('name the version in force at build time and the next one scheduled', () => {
    const index = createFeedIndex(context);
    expect(validate('FeedIndex', index)).toEqual([]);
    expect(index).toMatchObject({ siteUrl: 'https://example.com/legal/', defaultLocale: 'ru', timeZone: 'Europe/Moscow' });
    const privacy = index.policies.find((policy) => policy.policy === 'privacy');
    expect(privacy?.locales.find((locale) => locale.locale === 'ru')?.inForce?.version).toBe('2025-09-01');
    const current = createCurrentFeed(context, 'privacy');
    expect(validate('CurrentFeed', current)).toEqual([]);
    expect(current.locales['ru']).toMatchObject({ inForce: { version: '2025-09-01' }, next: { version: '2027-01-01', effectiveFrom: '2026-12-31T21:00:00.000Z' } });
    expect(current.locales['en']).toMatchObject({ next: null });
  });

  test('say none is in force before the first version', () => {
    const early = createTestContext('2020-01-01T00:00:00Z');
    expect(createCurrentFeed(early, 'privacy').locales['ru']).toMatchObject({ inForce: null, next: { version: '2023-03-01' } });
  });
});

describe('the feed contract', () => {
  test('a file that breaks it fails the build with every violation named', () => {
    const feed = createPolicyFeed(context, 'privacy');
    const broken = { ...feed, versions: [{ ...feed.versions[0], sha256: 'nope', effectiveFrom: '2025-09-01' }] };
    expect(() => validateFeedFile(PolicyFeedSchema, broken, '/feed/v1/privacy.json')).toThrow(FeedContractError);
    expect(() => validateFeedFile(PolicyFeedSchema, broken, '/feed/v1/privacy.json')).toThrow(/versions\.0\.effectiveFrom[\s\S]*versions\.0\.sha256|versions\.0\.sha256[\s\S]*versions\.0\.effectiveFrom/);
    expect(validate('PolicyFeed', broken).length).toBeGreaterThan(0);
  });

  test('the JSON Schema accepts fields added later within v1', () => {
    const feed = createPolicyFeed(context, 'privacy');
    expect(validate('PolicyFeed', { ...feed, newField: 1, versions: feed.versions.map((v) => ({ ...v, corrections: [] })) })).toEqual([]);
  });
});

describe('what an integrator needs beyond the versions', () => {
  // The ledger's first publish (2026-01-01) imported the history and the scheduled 2027 version; consent was recorded later, after it took effect.
  const [first, second, scheduled, english, consent] = TEST_VERSIONS as [PolicyVersion, PolicyVersion, PolicyVersion, PolicyVersion, PolicyVersion];
  const corrected = { ...second, body: 'Исправленный текст редакции.\n' };
  const correctedHash = sha256Hex(renderPublishedText(corrected));
  const originalHash = sha256Hex(renderPublishedText(second));
  const ledger = [
    withLedgerRecord(first, '2026-01-01T00:00:00.000Z', [], 'imported'),
    (() => {
      const recorded = withLedgerRecord(
        corrected,
        '2026-01-01T00:00:00.000Z',
        [recordedCorrection({ date: '2026-02-01', reason: 'Опечатка', previousSha256: originalHash, sha256: correctedHash, recordedAt: '2026-02-01T00:00:00.000Z' })],
        'imported',
      );
      return { ...recorded, published: recorded.published && { ...recorded.published, sha256: originalHash } };
    })(),
    withLedgerRecord(scheduled, '2026-01-01T00:00:00.000Z'),
    english,
    withLedgerRecord(consent, '2026-03-01T00:00:00.000Z', [], 'backdated'),
  ];
  const published = createTestContext('2026-11-26T12:00:00Z', ledger);
  const raw = (locale: string, version: string, sha: string) => `https://example.com/legal/raw/privacy/${locale}/${version}/${sha}.md`;

  test('index.json and current.json say when they were built, from the build instant alone', () => {
    expect(createFeedIndex(published).builtAt).toBe('2026-11-26T12:00:00.000Z');
    expect(createCurrentFeed(published, 'privacy')).toMatchObject({ builtAt: '2026-11-26T12:00:00.000Z', timeZone: 'Europe/Moscow' });
    const again = createTestContext('2026-11-26T12:00:00Z', ledger);
    expect(serializeFeed(createFeedIndex(again))).toBe(serializeFeed(createFeedIndex(published)));
    expect(createFeedIndex(createTestContext('2026-11-27T00:00:00Z', ledger)).builtAt).toBe('2026-11-27T00:00:00.000Z');
  });

  test('every version and correction names its text by hash, where that file is served', () => {
    const versions = createPolicyFeed(published, 'privacy').versions;
    const byId = (locale: string, version: string) => versions.find((v) => v.locale === locale && v.version === version);
    expect(byId('ru', '2023-03-01')?.sha256Url).toBe(raw('ru', '2023-03-01', byId('ru', '2023-03-01')?.sha256 ?? ''));
    // After a correction, the current text is the corrected one; the correction names both.
    expect(byId('ru', '2025-09-01')).toMatchObject({ sha256: correctedHash, sha256Url: raw('ru', '2025-09-01', correctedHash) });
    expect(byId('ru', '2025-09-01')?.corrections).toEqual([expect.objectContaining({ previousMarkdownUrl: raw('ru', '2025-09-01', originalHash), sha256Url: raw('ru', '2025-09-01', correctedHash) })]);
    // Not in the ledger (the dev server): no file by hash is built, so no URL.
    expect(byId('en', '2025-09-01')?.sha256Url).toBeNull();
    expect(createFeedIndex(published).policies[1]?.locales.find((l) => l.locale === 'ru')?.inForce?.sha256Url).toBe(raw('ru', '2025-09-01', correctedHash));
  });

  test('a text changed without a recorded correction gets no content-addressed URL: no such file is served', () => {
    const edited = createTestContext('2026-11-26T12:00:00Z', [{ ...withLedgerRecord(first, '2026-01-01T00:00:00.000Z'), body: 'Правка без исправления.\n' }]);
    expect(createPolicyFeed(edited, 'privacy').versions[0]?.sha256Url).toBeNull();
  });

  test('each version says how the ledger recorded its publication: imported history is not read as published on the import day', () => {
    const publication = (policy: string) => createPolicyFeed(published, policy).versions.map((v) => [v.locale, v.version, v.publishedAt, v.publication]);
    expect(publication('privacy')).toEqual([
      ['en', '2025-09-01', null, null],
      ['ru', '2023-03-01', '2026-01-01T00:00:00.000Z', 'imported'],
      ['ru', '2025-09-01', '2026-01-01T00:00:00.000Z', 'imported'],
      ['ru', '2027-01-01', '2026-01-01T00:00:00.000Z', 'published'],
    ]);
    expect(publication('consent')).toEqual([['ru', '2025-09-01', '2026-03-01T00:00:00.000Z', 'backdated']]);
  });

  test('pass the published JSON Schema, and so do files built before these fields existed', () => {
    for (const [name, data] of [
      ['FeedIndex', createFeedIndex(published)],
      ['PolicyFeed', createPolicyFeed(published, 'privacy')],
      ['CurrentFeed', createCurrentFeed(published, 'privacy')],
    ] as const) {
      expect(validate(name, data), name).toEqual([]);
    }
    const { builtAt: _builtAt, ...olderIndex } = createFeedIndex(published);
    expect(validate('FeedIndex', olderIndex)).toEqual([]);
    const older = createPolicyFeed(published, 'privacy');
    const versions = older.versions.map(({ sha256Url: _url, publication: _publication, publicationReason: _reason, ...version }) => ({
      ...version,
      corrections: version.corrections.map(({ sha256Url: _sha, ...correction }) => correction),
    }));
    expect(validate('PolicyFeed', { ...older, versions })).toEqual([]);
  });
});

describe('toFeedAnnouncement', () => {
  // TEST_VERSIONS with the scheduled version material: what the kit may offer to accept early.
  const material = createTestContext(
    undefined,
    TEST_VERSIONS.map((version) => (version.version === '2027-01-01' ? makeVersion({ version: '2027-01-01', effective: '2026-12-31T21:00:00Z' }) : version)),
  );
  const withSettings = (base: typeof context, notice: Partial<typeof context.settings.notice>) => ({ ...base, settings: { ...base.settings, notice: { ...base.settings.notice, ...notice } } });

  test('says whether the site lets a user accept the scheduled version before it takes effect: never by default, never an editorial one', () => {
    expect(toFeedAnnouncement(material, 'privacy', 'ru')).toMatchObject({ version: '2027-01-01', changeType: 'material', banner: true, acceptEarly: false });
    expect(toFeedAnnouncement(withSettings(material, { acceptEarly: true }), 'privacy', 'ru')).toMatchObject({ banner: true, acceptEarly: true });
    expect(toFeedAnnouncement(withSettings(material, { policies: { consent: { acceptEarly: true } } }), 'privacy', 'ru')?.acceptEarly).toBe(false);
    expect(toFeedAnnouncement(withSettings(context, { acceptEarly: true }), 'privacy', 'ru')).toMatchObject({ changeType: 'editorial', banner: false, acceptEarly: false });
  });
});

import { describe, expect, test } from 'vitest';
import { createCurrentFeed, createFeedIndex, createPolicyFeed, FeedContractError, serializeFeed, validateFeedFile } from '#lib/feed/feed-data.ts';
import { getFeedJsonSchema, PolicyFeedSchema } from '#schemas/feed.ts';
import { createFeedValidator } from '../../helpers/feed-schema.ts';
import { createTestContext } from '../../helpers/site-context.ts';

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

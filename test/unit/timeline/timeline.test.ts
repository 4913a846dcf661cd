import { describe, expect, test } from 'vitest';
import { buildPolicyCorpus, getPolicyLocales, getTimeline, getVersion } from '#lib/timeline/policy-corpus.ts';
import { buildTimeline, getCurrentVersion, getNextChangeAfter, getVersionInForceAt, getVersionStatus } from '#lib/timeline/timeline.ts';
import { makeVersion } from '../../helpers/versions.ts';

const t = (iso: string) => Date.parse(iso);

// Deliberately out of order: the timeline must sort by instant, not by file name or input order.
const versions = [makeVersion({ version: 'c', effective: '2026-02-14T21:00:00Z' }), makeVersion({ version: 'a', effective: '2023-02-28T21:00:00Z' }), makeVersion({ version: 'b', effective: '2025-08-31T21:00:00Z' })];

describe('buildTimeline', () => {
  const timeline = buildTimeline('privacy', 'ru', versions);

  test('orders versions by the instant they take effect', () => {
    expect(timeline.versions.map((v) => v.version)).toEqual(['a', 'b', 'c']);
  });

  test('gives each version a half-open interval ending where the next begins', () => {
    expect(timeline.versions.map((v) => [v.version, v.effectiveFrom, v.effectiveUntil, v.previousVersion, v.nextVersion])).toEqual([
      ['a', t('2023-02-28T21:00:00Z'), t('2025-08-31T21:00:00Z'), null, 'b'],
      ['b', t('2025-08-31T21:00:00Z'), t('2026-02-14T21:00:00Z'), 'a', 'c'],
      ['c', t('2026-02-14T21:00:00Z'), null, 'b', null],
    ]);
  });

  test('orders versions several minutes apart on one day', () => {
    const sameDay = buildTimeline('p', 'en', [
      makeVersion({ version: 'v2', effective: '2019-07-02T21:35:44Z' }),
      makeVersion({ version: 'v1', effective: '2019-07-02T19:29:42Z' }),
      makeVersion({ version: 'v3', effective: '2019-07-03T01:12:27Z' }),
    ]);
    expect(sameDay.versions.map((v) => v.version)).toEqual(['v1', 'v2', 'v3']);
  });
});

describe('getVersionInForceAt', () => {
  const timeline = buildTimeline('privacy', 'ru', versions);

  test.each([
    ['long before the first version', '2000-01-01T00:00:00Z', undefined],
    ['one millisecond before the first version', '2023-02-28T20:59:59.999Z', undefined],
    ['exactly when the first takes effect', '2023-02-28T21:00:00Z', 'a'],
    ['one millisecond before the second', '2025-08-31T20:59:59.999Z', 'a'],
    ['exactly when the second takes effect', '2025-08-31T21:00:00Z', 'b'],
    ['between the second and third', '2025-12-31T12:00:00Z', 'b'],
    ['exactly when the last takes effect', '2026-02-14T21:00:00Z', 'c'],
    ['long after the last', '2099-01-01T00:00:00Z', 'c'],
  ])('%s', (_name, instant, expected) => {
    expect(getVersionInForceAt(timeline, t(instant))?.version).toBe(expected);
  });

  test('finds the right version among thousands', () => {
    const many = buildTimeline(
      'p',
      'en',
      Array.from({ length: 5000 }, (_, i) => makeVersion({ version: `v${i}`, effective: new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString() })),
    );
    expect(getVersionInForceAt(many, Date.UTC(2000, 0, 1) + 4321 * 86_400_000 + 5)?.version).toBe('v4321');
    expect(getVersionInForceAt(many, Date.UTC(2000, 0, 1) + 4321 * 86_400_000 - 1)?.version).toBe('v4320');
  });
});

describe('getVersionStatus', () => {
  const [a, b, c] = buildTimeline('privacy', 'ru', versions).versions;

  test.each([
    ['before it takes effect', '2025-08-31T20:59:59.999Z', 'scheduled'],
    ['at the instant it takes effect', '2025-08-31T21:00:00Z', 'in-force'],
    ['one millisecond before the next', '2026-02-14T20:59:59.999Z', 'in-force'],
    ['at the instant the next takes effect', '2026-02-14T21:00:00Z', 'superseded'],
  ])('of the middle version %s is %s', (_name, now, status) => {
    expect(b && getVersionStatus(b, t(now))).toBe(status);
  });

  test('the last version stays in force', () => {
    expect(c && getVersionStatus(c, t('2100-01-01T00:00:00Z'))).toBe('in-force');
    expect(a && getVersionStatus(a, t('2100-01-01T00:00:00Z'))).toBe('superseded');
  });
});

describe('getCurrentVersion', () => {
  test('is the version in force, or the first scheduled one before any is', () => {
    const timeline = buildTimeline('privacy', 'ru', versions);
    expect(getCurrentVersion(timeline, t('2025-10-01T00:00:00Z'))?.version).toBe('b');
    expect(getCurrentVersion(timeline, t('2020-01-01T00:00:00Z'))?.version).toBe('a');
  });
});

describe('getNextChangeAfter', () => {
  test('is the next scheduled version, if any', () => {
    const timeline = buildTimeline('privacy', 'ru', versions);
    expect(getNextChangeAfter(timeline, t('2025-10-01T00:00:00Z'))?.version).toBe('c');
    expect(getNextChangeAfter(timeline, t('2026-02-14T21:00:00Z'))).toBeUndefined();
  });
});

describe('buildPolicyCorpus', () => {
  const corpus = buildPolicyCorpus([...versions, makeVersion({ version: 'b', locale: 'en', effective: '2025-08-31T21:00:00Z' }), makeVersion({ policy: 'terms', version: 'v1', effective: '2024-01-01T00:00:00Z' })]);

  const inForce = (policy: string, locale: string, iso: string) => {
    const timeline = getTimeline(corpus, policy, locale);
    return timeline ? getVersionInForceAt(timeline, t(iso))?.version : undefined;
  };

  test('gives each policy and locale its own timeline', () => {
    expect(inForce('privacy', 'ru', '2025-09-01T00:00:00Z')).toBe('b');
    expect(inForce('privacy', 'en', '2025-08-31T20:59:59.999Z')).toBeUndefined();
    expect(inForce('terms', 'ru', '2025-01-01T00:00:00Z')).toBe('v1');
    expect(getTimeline(corpus, 'cookies', 'ru')).toBeUndefined();
    expect(getTimeline(corpus, 'privacy', 'de')).toBeUndefined();
  });

  test('lists policies, locales and versions', () => {
    expect(corpus.policies).toEqual(['privacy', 'terms']);
    expect(corpus.locales).toEqual(['en', 'ru']);
    expect(getPolicyLocales(corpus, 'privacy')).toEqual(['en', 'ru']);
    expect(getPolicyLocales(corpus, 'terms')).toEqual(['ru']);
    expect(getVersion(corpus, 'privacy', 'ru', 'a')?.nextVersion).toBe('b');
  });
});

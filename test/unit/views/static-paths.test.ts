import { describe, expect, test } from 'vitest';
import type { PublishedRecord } from '#schemas/ledger.ts';
import { getCorrectionPaths, getCurrentPaths, getHistoryPaths, getLocalePaths, getPolicyPaths, getPublishedHashPaths, getRedlinePaths, getTimelinePaths, getVersionPaths } from '#lib/views/static-paths.ts';
import { createTestContext } from '../../helpers/site-context.ts';
import { makePublished, makeVersion } from '../../helpers/versions.ts';

const hash = (digit: string) => digit.repeat(64);
const record = (sha256: string, corrections: [string, string][] = []): PublishedRecord =>
  makePublished({
    sha256,
    corrections: corrections.map(([previousSha256, next], index) => ({
      date: `2025-10-0${index + 1}`,
      reason: 'Опечатка',
      previousSha256,
      sha256: next,
      recordedAt: '2025-10-01T00:00:00.000Z',
      kind: 'editorial',
      overrideReason: null,
      changeType: null,
      summary: null,
    })),
  });

const context = createTestContext();

describe('getLocalePaths and getPolicyPaths', () => {
  test('one page per locale, one file per policy', () => {
    expect(getLocalePaths(context).map(({ params }) => params.locale)).toEqual(['ru', 'en']);
    expect(getPolicyPaths(context).map(({ params }) => params.policy)).toEqual(['consent', 'privacy']);
  });
});

describe('getVersionPaths and getTimelinePaths', () => {
  test('one entry per version, scheduled ones included, and one per policy and locale', () => {
    expect(getVersionPaths(context).map(({ params }) => `${params.policy}/${params.locale}/${params.version}`)).toEqual([
      'consent/ru/2025-09-01',
      'privacy/en/2025-09-01',
      'privacy/ru/2023-03-01',
      'privacy/ru/2025-09-01',
      'privacy/ru/2027-01-01',
    ]);
    expect(getTimelinePaths(context).map(({ params }) => `${params.policy}/${params.locale}`)).toEqual(['consent/ru', 'privacy/en', 'privacy/ru']);
  });
});

describe('getCurrentPaths', () => {
  test('shows the version in force, not the scheduled one', () => {
    expect(getCurrentPaths(context).map(({ params, props }) => `${params.policy}/${params.locale}: ${props.version.version}`)).toEqual(['consent/ru: 2025-09-01', 'privacy/en: 2025-09-01', 'privacy/ru: 2025-09-01']);
  });

  test('shows the first scheduled version before any takes effect', () => {
    const early = createTestContext('2020-01-01T00:00:00Z');
    expect(getCurrentPaths(early).find(({ params }) => params.policy === 'privacy' && params.locale === 'ru')?.props.version.version).toBe('2023-03-01');
  });
});

describe('getHistoryPaths', () => {
  test('gives every timeline a history, and a compare page only with two versions or more', () => {
    expect(getHistoryPaths(context).map(({ params }) => `${params.policy}/${params.locale}`)).toEqual(['consent/ru', 'privacy/en', 'privacy/ru']);
    expect(getHistoryPaths(context, 2).map(({ params }) => `${params.policy}/${params.locale}`)).toEqual(['privacy/ru']);
  });
});

describe('getPublishedHashPaths and getCorrectionPaths', () => {
  const versions = [
    makeVersion({
      version: 'v1',
      effective: '2025-01-01T00:00:00Z',
      published: record(hash('a'), [
        [hash('a'), hash('b')],
        [hash('b'), hash('a')],
      ]),
    }),
    makeVersion({ version: 'v2', effective: '2026-01-01T00:00:00Z', published: record(hash('c')) }),
    makeVersion({ version: 'v3', effective: '2027-01-01T00:00:00Z' }),
  ];
  const corrected = createTestContext('2026-06-01T00:00:00Z', versions);

  test('one file per distinct text: a correction back to an earlier text is one file, an unpublished version has none', () => {
    expect(getPublishedHashPaths(corrected).map(({ params }) => `${params.version}/${params.sha.slice(0, 1)}`)).toEqual(['v1/a', 'v1/b', 'v2/c']);
  });

  test('one page per correction, numbered from 1', () => {
    expect(getCorrectionPaths(corrected).map(({ params, props }) => [params.version, params.n, props.number])).toEqual([
      ['v1', '1', 1],
      ['v1', '2', 2],
    ]);
  });
});

describe('getRedlinePaths', () => {
  test('each version against the one before, and older ones against the version in force', () => {
    expect(getRedlinePaths(context).map(({ params }) => `${params.policy}/${params.locale}: ${params.from} → ${params.to}`)).toEqual(['privacy/ru: 2023-03-01 → 2025-09-01', 'privacy/ru: 2025-09-01 → 2027-01-01']);
  });
});

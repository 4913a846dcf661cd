/**
 * Case 6 of the ledger issue: a new Russian version with no English text yet.
 * Translations share one timeline, so from the instant it takes effect every
 * English surface must say that the version in force is the Russian one, and
 * that the English text shown is the previous version's, for reference only.
 */
import { describe, expect, test } from 'vitest';
import { decideReconsent } from '#lib/consent/reconsent-decision.ts';
import { createVersionIndex, findEntryAt, findVersionAt } from '#lib/consent/version-index.ts';
import { verifyConsentRecord } from '#lib/consent/verify-record.ts';
import { createAtomFeed, createJsonFeed, createTimeMap } from '#lib/feed/change-notifications.ts';
import { createCurrentFeed, createFeedIndex, createPolicyFeed } from '#lib/feed/feed-data.ts';
import { getReconsentInput } from '#lib/feed/since-data.ts';
import { getLanguageAlternates } from '#lib/site/language-alternates.ts';
import { buildPolicyCorpus, getEntryInForceAt, getTimeline } from '#lib/timeline/policy-corpus.ts';
import { getCurrentVersion, getReferenceText, getVersionInForceAt } from '#lib/timeline/timeline.ts';
import { getHistoryView } from '#lib/views/history-view.ts';
import { getPolicyListing } from '#lib/views/policy-listing.ts';
import { getVersionView } from '#lib/views/version-view.ts';
import { getFeedJsonSchema } from '#schemas/feed.ts';
import { createFeedValidator } from '../../helpers/feed-schema.ts';
import { createTestContext } from '../../helpers/site-context.ts';
import { makePublished, makeVersion } from '../../helpers/versions.ts';

// 1 June 2026, 00:00 in Moscow: the Russian-only version takes effect.
const CHANGE = Date.parse('2026-05-31T21:00:00.000Z');
const published = makePublished({ sha256: 'a'.repeat(64), publishedAt: '2025-08-01T00:00:00.000Z' });
const VERSIONS = [
  makeVersion({ version: '2025-09-01', effective: '2025-08-31T21:00:00Z', published }),
  makeVersion({ version: '2025-09-01', locale: 'en', title: 'Privacy Policy', effective: '2025-08-31T21:00:00Z', published }),
  makeVersion({ version: '2026-06-01', effective: '2026-05-31T21:00:00Z', summary: ['Срок ответа сокращён до 10 дней'], published: makePublished({ sha256: 'b'.repeat(64), publishedAt: '2026-05-01T00:00:00.000Z' }) }),
];
const at = (instant: number) => createTestContext(new Date(instant).toISOString(), VERSIONS);
const after = at(CHANGE);
const before = at(CHANGE - 1);
const validate = createFeedValidator(getFeedJsonSchema('https://example.com/legal/feed/v1/schema.json'));

describe('the policy has one timeline across its translations', () => {
  test('the English text stops being in force, to the millisecond, when the Russian-only version takes effect', () => {
    const english = getTimeline(after.corpus, 'privacy', 'en');
    expect(english?.versions.map((version) => [version.version, version.effectiveUntil])).toEqual([['2025-09-01', CHANGE]]);
    expect(english && getVersionInForceAt(english, CHANGE - 1)?.version).toBe('2025-09-01');
    expect(english && getVersionInForceAt(english, CHANGE)).toBeUndefined();
    expect(getEntryInForceAt(after.corpus, 'privacy', 'en', CHANGE)).toMatchObject({ version: '2026-06-01', locales: ['ru'] });
    // The stable URL still shows the English text, as a reference.
    expect(english && getCurrentVersion(english, CHANGE)?.version).toBe('2025-09-01');
    expect(english && getReferenceText(english, CHANGE)?.version).toBe('2025-09-01');
    expect(english && getReferenceText(english, CHANGE - 1)).toBeUndefined();
  });

  test('locales declared independent documents keep their own timelines (the old behaviour)', () => {
    const corpus = buildPolicyCorpus(VERSIONS, { localeModel: 'independent' });
    const english = getTimeline(corpus, 'privacy', 'en');
    expect(english?.versions[0]?.effectiveUntil).toBeNull();
    expect(english && getVersionInForceAt(english, CHANGE)?.version).toBe('2025-09-01');
  });
});

describe('every English surface says the truth', () => {
  test('the stable page: for reference only, not in force since the change, the version in force and its languages', () => {
    const english = getTimeline(after.corpus, 'privacy', 'en');
    const shown = english && getCurrentVersion(english, CHANGE);
    if (!shown) throw new Error('no English text');
    expect(getVersionView(after, shown, { stable: true }).notice).toEqual({
      kind: 'reference',
      text: [
        'The text below is shown for reference only: it is not in force.',
        'This version has not been in force since 1 June 2026.',
        'It was in force from 1 September 2025 to 31 May 2026 inclusive.',
        'The version in force is the version of 1 June 2026; it has no text in this language. It exists in:',
      ].map((text) => ({ text, reason: null })),
      currentHref: null,
      elsewhere: [{ locale: 'ru', languageName: 'Русский', href: '/legal/ru/privacy/2026-06-01/' }],
    });
    // One millisecond before, it is simply the version in force.
    const previous = getTimeline(before.corpus, 'privacy', 'en')?.versions[0];
    expect(previous && getVersionView(before, previous, { stable: true }).notice).toBeNull();
    // Its hreflang is no longer an exact translation of the Russian stable page.
    expect(getLanguageAlternates(after, { kind: 'current', policy: 'privacy' })).toContainEqual({ locale: 'en', href: '/legal/en/privacy/', exact: false });
  });

  test('the history lists the Russian-only version with its languages, and the home page does not date the old text as in force', () => {
    expect(
      getHistoryView(after, 'privacy', 'en')?.entries.map((entry) =>
        entry.kind === 'text' ? ['text', entry.view.version, entry.view.status] : ['elsewhere', entry.entry.version, entry.entry.status, entry.entry.languages.map((link) => link.href)],
      ),
    ).toEqual([
      ['elsewhere', '2026-06-01', 'in-force', ['/legal/ru/privacy/2026-06-01/']],
      ['text', '2025-09-01', 'superseded'],
    ]);
    expect(getPolicyListing(after, 'en').items.find((item) => item.policy === 'privacy')?.statusText).toBe('the version in force, of 1 June 2026, has no text in this language');
  });

  test('the feed: the interval ends at the change, current.json and index.json name the version in force and its languages, all valid', () => {
    const feed = createPolicyFeed(after, 'privacy');
    expect(validate('PolicyFeed', feed)).toEqual([]);
    expect(feed).toMatchObject({
      localeModel: 'translations',
      timeline: [
        { version: '2025-09-01', locales: ['en', 'ru'] },
        { version: '2026-06-01', effectiveUntil: null, locales: ['ru'] },
      ],
    });
    expect(feed.versions.find((version) => version.locale === 'en')).toMatchObject({ effectiveUntil: '2026-05-31T21:00:00.000Z', locales: ['en', 'ru'] });
    const current = createCurrentFeed(after, 'privacy');
    expect(validate('CurrentFeed', current)).toEqual([]);
    expect(current.locales['en']).toEqual({
      inForce: null,
      next: null,
      inForceVersion: { version: '2026-06-01', effectiveFrom: '2026-05-31T21:00:00.000Z', locales: ['ru'] },
      nextVersion: null,
      reference: expect.objectContaining({ version: '2025-09-01', notInForceSince: '2026-05-31T21:00:00.000Z' }),
      // Nothing is scheduled after 2026-06-01: no announcement, said as null.
      announcement: null,
    });
    expect(createCurrentFeed(before, 'privacy').locales['en']).toMatchObject({
      inForce: { version: '2025-09-01' },
      nextVersion: { version: '2026-06-01', locales: ['ru'] },
      next: null,
      reference: null,
    });
    const index = createFeedIndex(after);
    expect(validate('FeedIndex', index)).toEqual([]);
    expect(index.policies[0]?.locales.find((locale) => locale.locale === 'en')).toMatchObject({ inForce: null, inForceVersion: { version: '2026-06-01', locales: ['ru'] } });
  });

  test('Atom, JSON Feed and the TimeMap announce the Russian-only version in the English feeds, linking the Russian text', () => {
    const atom = createAtomFeed(after, 'privacy', 'en');
    expect(atom).toContain('<id>tag:example.com,2025:privacy/en/2026-06-01</id>');
    expect(atom).toContain('<link rel="alternate" type="text/html" hreflang="ru" href="https://example.com/legal/ru/privacy/2026-06-01/"/>');
    expect(atom).toContain('There is no text of this version in this language; it exists in: Русский.');
    const json = createJsonFeed(after, 'privacy', 'en') as { items: { id: string; language: string; _policy: Record<string, unknown> }[] };
    expect(json.items[0]).toMatchObject({ id: 'tag:example.com,2025:privacy/en/2026-06-01', language: 'ru', _policy: { locale: 'ru', locales: ['ru'], hasTextInFeedLocale: false } });
    expect(createTimeMap(after, 'privacy', 'en')).toContain('<https://example.com/legal/ru/privacy/2026-06-01/>;rel="last memento";datetime="Sun, 31 May 2026 21:00:00 GMT";hreflang="ru"');
    expect(createTimeMap(before, 'privacy', 'en')).not.toContain('2026-06-01');
  });

  test('since.json and re-consent: a user who accepted the English text must accept again, and is pointed to the Russian text', () => {
    const input = getReconsentInput(after, 'privacy', 'en', '2025-09-01');
    expect(input.later).toEqual([
      expect.objectContaining({
        version: '2026-06-01',
        locale: 'ru',
        locales: ['ru'],
        url: 'https://example.com/legal/ru/privacy/2026-06-01/',
        redlineUrl: 'https://example.com/legal/ru/privacy/diff/2025-09-01/2026-06-01/',
      }),
    ]);
    expect(decideReconsent(input, CHANGE - 1)).toMatchObject({ reconsent: 'none', current: { version: '2025-09-01' } });
    expect(decideReconsent(input, CHANGE)).toMatchObject({ reconsent: 'required', current: { version: '2026-06-01', locale: 'ru' } });
  });

  test('at and verify: no English text is in force from the change on, to the millisecond', () => {
    const index = createVersionIndex(after.corpus.policies.map((policy) => createPolicyFeed(after, policy)));
    expect(findVersionAt(index, 'privacy', 'en', CHANGE - 1)?.version).toBe('2025-09-01');
    expect(findVersionAt(index, 'privacy', 'en', CHANGE)).toBeUndefined();
    expect(findEntryAt(index, 'privacy', 'en', CHANGE)).toMatchObject({ version: '2026-06-01', locales: ['ru'] });
    const verify = (acceptedAt: string, version = '2025-09-01') =>
      verifyConsentRecord({ policy: 'privacy', locale: 'en', version, acceptedAt, sha256: index.versions.get(`privacy/en/${version}`)?.sha256 ?? 'f'.repeat(64) }, 1, index, {
        timeZone: 'Europe/Moscow',
        now: Number.MAX_SAFE_INTEGER,
      });
    expect(verify('2026-05-31T23:59:59.999+03:00').status).toBe('ok');
    expect(verify('2026-06-01T00:00:00.000+03:00')).toMatchObject({
      status: 'failed',
      documents: [
        {
          status: 'no-translation',
          message:
            'at acceptedAt (2026-06-01T00:00:00+03:00) 2026-06-01 was in force, and it has no en text (it exists in ru); privacy/en/2025-09-01 had not been in force since 2026-06-01T00:00:00+03:00: any en text shown then was for reference only',
        },
      ],
    });
    expect(verify('2026-07-01T12:00:00+03:00', '2026-06-01')).toMatchObject({ documents: [{ status: 'no-translation', message: 'privacy 2026-06-01 has no en text (it exists in ru): nobody read it in en' }] });
  });
});

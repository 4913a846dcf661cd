import { describe, expect, test } from 'vitest';
import { getHistoryView } from '#lib/views/history-view.ts';
import { getLanguageAlternates, getSiteLocales } from '#lib/site/language-alternates.ts';
import { buildPolicyCorpus, getVersion } from '#lib/timeline/policy-corpus.ts';
import { getPolicyListing } from '#lib/views/policy-listing.ts';
import { createSiteContext, type SiteContext } from '#lib/site/site-context.ts';
import { resolveSiteSettings } from '#lib/site/site-settings.ts';
import { getLinkedPolicyNotices, getVersionView } from '#lib/views/version-view.ts';
import { makeVersion } from '../../helpers/versions.ts';

const settings = resolveSiteSettings(
  { siteUrl: 'https://example.com/legal/', defaultLocale: 'ru', timeZone: 'Europe/Moscow', siteTitle: { ru: 'Документы', en: 'Documents' } },
  {},
  '/p',
);

function contextAt(now: string): SiteContext {
  return createSiteContext(
    settings,
    buildPolicyCorpus([
      makeVersion({ version: '2023-03-01', effective: '2023-02-28T21:00:00Z' }),
      makeVersion({ version: '2025-09-01', effective: '2025-08-31T21:00:00Z', summary: ['Новый пункт 3.5'] }),
      makeVersion({ version: '2027-01-01', effective: '2026-12-31T21:00:00Z', changeType: 'editorial' }),
      makeVersion({ version: '2025-09-01', locale: 'en', title: 'Privacy Policy', effective: '2025-08-31T21:00:00Z' }),
      makeVersion({ policy: 'consent', version: '2025-09-01', title: 'Согласие', effective: '2025-08-31T21:00:00Z' }),
    ]),
    Date.parse(now),
  );
}

const context = contextAt('2026-11-26T12:00:00Z');
const version = (locale: string, id: string, policy = 'privacy') => {
  const found = getVersion(context.corpus, policy, locale, id);
  if (!found) throw new Error(`no ${policy}/${locale}/${id}`);
  return found;
};

describe('getVersionView', () => {
  test('a superseded version says since when, its period, and links the one in force', () => {
    const view = getVersionView(context, version('ru', '2023-03-01'));
    expect(view).toMatchObject({
      status: 'superseded',
      statusLabel: 'Утратила силу',
      periodText: 'с 1 марта 2023 г. до 1 сентября 2025 г.',
      notice: {
        kind: 'superseded',
        text: ['Эта редакция не действует с 1 сентября 2025 г.', 'Она действовала с 1 марта 2023 г. до 1 сентября 2025 г.'],
        currentHref: '/legal/ru/privacy/',
      },
      isFirst: true,
      permanentHref: '/legal/ru/privacy/2023-03-01/',
      historyHref: '/legal/ru/privacy/history/',
      rawHref: '/legal/raw/privacy/ru/2023-03-01.md',
    });
  });

  test('the version in force has no notice', () => {
    const view = getVersionView(context, version('ru', '2025-09-01'));
    expect(view).toMatchObject({ status: 'in-force', notice: null, summary: ['Новый пункт 3.5'], changeTypeLabel: 'существенные' });
  });

  test('a scheduled version says when it takes effect and that the previous one is in force until then', () => {
    const view = getVersionView(context, version('ru', '2027-01-01'));
    expect(view).toMatchObject({
      status: 'scheduled',
      statusLabel: 'Вступит в силу',
      notice: { kind: 'scheduled', text: ['Эта редакция вступит в силу 1 января 2027 г.', 'До этого действует прежняя редакция.'], currentHref: '/legal/ru/privacy/' },
      changeTypeLabel: 'редакционные',
    });
  });

  test('speaks English on English pages', () => {
    expect(getVersionView(contextAt('2025-09-01T00:00:00Z'), version('en', '2025-09-01'))).toMatchObject({ statusLabel: 'In force', periodText: 'from September 1, 2025 until January 1, 2027' });
  });

  test('status follows the build instant across the boundary', () => {
    expect(getVersionView(contextAt('2026-12-31T20:59:59.999Z'), version('ru', '2027-01-01')).status).toBe('scheduled');
    expect(getVersionView(contextAt('2026-12-31T21:00:00.000Z'), version('ru', '2027-01-01')).status).toBe('in-force');
  });
});

describe('getLanguageAlternates', () => {
  test('leads to the same version in the other language when it exists', () => {
    expect(getLanguageAlternates(context, { kind: 'version', policy: 'privacy', version: '2025-09-01' })).toEqual([
      { locale: 'ru', href: '/legal/ru/privacy/2025-09-01/', exact: true },
      { locale: 'en', href: '/legal/en/privacy/2025-09-01/', exact: true },
    ]);
  });

  test('else to the current version there, else to that language home page', () => {
    expect(getLanguageAlternates(context, { kind: 'version', policy: 'privacy', version: '2023-03-01' })).toContainEqual({ locale: 'en', href: '/legal/en/privacy/', exact: false });
    expect(getLanguageAlternates(context, { kind: 'current', policy: 'consent' })).toContainEqual({ locale: 'en', href: '/legal/en/', exact: false });
  });

  test('lists the default locale first', () => {
    expect(getSiteLocales(context)).toEqual(['ru', 'en']);
  });
});

describe('getPolicyListing', () => {
  test('lists each policy with the date of the version in force', () => {
    expect(getPolicyListing(context, 'ru').items).toEqual([
      { policy: 'consent', title: 'Согласие', statusText: 'действует с 1 сентября 2025 г.', currentHref: '/legal/ru/consent/', historyHref: '/legal/ru/consent/history/' },
      { policy: 'privacy', title: 'Политика конфиденциальности', statusText: 'действует с 1 сентября 2025 г.', currentHref: '/legal/ru/privacy/', historyHref: '/legal/ru/privacy/history/' },
    ]);
  });

  test('names the policies that exist only in other languages', () => {
    expect(getPolicyListing(context, 'en').elsewhere).toEqual([
      { policy: 'consent', links: [{ locale: 'ru', languageName: 'Русский', title: 'Согласие', href: '/legal/ru/consent/' }] },
    ]);
  });
});

describe('getHistoryView', () => {
  test('lists every version newest first', () => {
    expect(getHistoryView(context, 'privacy', 'ru')?.versions.map((v) => [v.version, v.status])).toEqual([
      ['2027-01-01', 'scheduled'],
      ['2025-09-01', 'in-force'],
      ['2023-03-01', 'superseded'],
    ]);
    expect(getHistoryView(context, 'consent', 'en')).toBeUndefined();
  });
});

describe('getLinkedPolicyNotices', () => {
  const link = (version: string) => [{ policy: 'privacy', locale: 'ru', version }];

  test('says a newer version of the linked policy is in force, and links the stable URL', () => {
    expect(getLinkedPolicyNotices(contextAt('2026-11-26T12:00:00Z'), link('2023-03-01'), 'ru')).toEqual([
      {
        text: 'Ссылка на документ «Политика конфиденциальности» ведёт на его редакцию от 1 марта 2023 г. — ту, что действовала, когда вступил в силу этот документ. С 1 сентября 2025 г. действует новая редакция.',
        newerHref: '/legal/ru/privacy/',
      },
    ]);
  });

  test('says when a newer version is only scheduled, and links its permanent URL', () => {
    expect(getLinkedPolicyNotices(contextAt('2026-11-26T12:00:00Z'), link('2025-09-01'), 'en')).toEqual([
      {
        text: 'The link to “Политика конфиденциальности” leads to its version of September 1, 2025, the one in force when this document took effect. A newer version takes effect on January 1, 2027.',
        newerHref: '/legal/ru/privacy/2027-01-01/',
      },
    ]);
  });

  test('says nothing when the linked version is the latest, or unknown', () => {
    expect(getLinkedPolicyNotices(contextAt('2027-06-01T00:00:00Z'), link('2027-01-01'), 'ru')).toEqual([]);
    expect(getLinkedPolicyNotices(contextAt('2027-06-01T00:00:00Z'), link('1999-01-01'), 'ru')).toEqual([]);
  });
});

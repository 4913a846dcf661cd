import { describe, expect, test } from 'vitest';
import { getHistoryView } from '#lib/views/history-view.ts';
import { getLanguageAlternates, getSiteLocales } from '#lib/site/language-alternates.ts';
import { buildPolicyCorpus, getVersion } from '#lib/timeline/policy-corpus.ts';
import { getPolicyListing } from '#lib/views/policy-listing.ts';
import { createSiteContext, type SiteContext } from '#lib/site/site-context.ts';
import { resolveSiteSettings } from '#lib/site/site-settings.ts';
import { getLinkedPolicyNotices, getVersionView } from '#lib/views/version-view.ts';
import { makePublished, makeVersion } from '../../helpers/versions.ts';

// Written out so a test shows where Russian typography binds words: «2025 г.», «1 сентября».
const NB = '\u00a0';

const settings = resolveSiteSettings({ siteUrl: 'https://example.com/legal/', defaultLocale: 'ru', timeZone: 'Europe/Moscow', siteTitle: { ru: 'Документы', en: 'Documents' } }, {}, '/p');

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
      period: { text: `с 1${NB}марта 2023${NB}г. по 31${NB}августа 2025${NB}г. включительно` },
      withdrawal: null,
      notice: {
        kind: 'superseded',
        text: [
          { text: `Эта редакция не действует с 1${NB}сентября 2025${NB}г.`, reason: null },
          { text: `Она действовала с 1${NB}марта 2023${NB}г. по 31${NB}августа 2025${NB}г. включительно.`, reason: null },
        ],
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
    expect(view.period?.text).toBe(`с 1${NB}сентября 2025${NB}г. по 31${NB}декабря 2026${NB}г. включительно`);
  });

  test('a scheduled version says when it takes effect and that the previous one is in force until then', () => {
    const view = getVersionView(context, version('ru', '2027-01-01'));
    expect(view).toMatchObject({
      status: 'scheduled',
      statusLabel: 'Вступит в силу',
      period: { text: `с 1${NB}января 2027${NB}г.` },
      notice: {
        kind: 'scheduled',
        text: [
          { text: `Эта редакция вступит в силу 1${NB}января 2027${NB}г.`, reason: null },
          { text: 'До этого действует прежняя редакция.', reason: null },
        ],
        currentHref: '/legal/ru/privacy/',
      },
      changeTypeLabel: 'редакционные',
    });
  });

  test('speaks English on English pages', () => {
    expect(getVersionView(contextAt('2025-09-01T00:00:00Z'), version('en', '2025-09-01'))).toMatchObject({ statusLabel: 'In force', period: { text: 'from 1 September 2025 to 31 December 2026 inclusive' } });
    expect(getVersionView(contextAt('2025-09-01T00:00:00Z'), version('ru', '2027-01-01')).period?.text).toBe(`с 1${NB}января 2027${NB}г.`);
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
      { policy: 'consent', title: 'Согласие', statusText: `действует с 1${NB}сентября 2025${NB}г.`, currentHref: '/legal/ru/consent/', historyHref: '/legal/ru/consent/history/' },
      { policy: 'privacy', title: 'Политика конфиденциальности', statusText: `действует с 1${NB}сентября 2025${NB}г.`, currentHref: '/legal/ru/privacy/', historyHref: '/legal/ru/privacy/history/' },
    ]);
  });

  test('names the policies that exist only in other languages', () => {
    expect(getPolicyListing(context, 'en').elsewhere).toEqual([{ policy: 'consent', links: [{ locale: 'ru', languageName: 'Русский', title: 'Согласие', href: '/legal/ru/consent/' }] }]);
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
        text: `Ссылка на документ «Политика конфиденциальности» ведёт на его редакцию от 1${NB}марта 2023${NB}г. — ту, что действовала, когда вступил в силу этот документ. С 1${NB}сентября 2025${NB}г. действует новая редакция.`,
        newerHref: '/legal/ru/privacy/',
      },
    ]);
  });

  test('says when a newer version is only scheduled, and links its permanent URL', () => {
    expect(getLinkedPolicyNotices(contextAt('2026-11-26T12:00:00Z'), link('2025-09-01'), 'en')).toEqual([
      {
        text: 'The link to “Политика конфиденциальности” leads to its version of 1 September 2025, the one in force when this document took effect. A newer version takes effect on 1 January 2027.',
        newerHref: '/legal/ru/privacy/2027-01-01/',
      },
    ]);
  });

  test('says nothing when the linked version is the latest, or unknown', () => {
    expect(getLinkedPolicyNotices(contextAt('2027-06-01T00:00:00Z'), link('2027-01-01'), 'ru')).toEqual([]);
    expect(getLinkedPolicyNotices(contextAt('2027-06-01T00:00:00Z'), link('1999-01-01'), 'ru')).toEqual([]);
  });
});

describe('statuses and events as a lawyer reads them', () => {
  const postponed = {
    previousEffectiveFrom: '2026-01-31T21:00:00.000Z',
    effectiveFrom: '2026-02-14T21:00:00.000Z',
    previousSha256: 'c'.repeat(64),
    sha256: 'b'.repeat(64),
    recordedAt: '2026-01-20T06:36:16.000Z',
    reason: 'Нужно время, чтобы уведомить пользователей',
  };
  const corrected = {
    date: '2026-03-01',
    reason: 'Опечатка в п. 2.1',
    previousSha256: 'd'.repeat(64),
    sha256: 'b'.repeat(64),
    recordedAt: '2026-03-01T09:00:00.000Z',
    kind: 'editorial' as const,
    overrideReason: null,
    changeType: null,
    summary: null,
  };
  const withdrawn = { recordedAt: '2026-12-07T06:36:16.000Z', reason: 'Решение о новой редакции отменено' };
  const records = {
    first: makePublished({ sha256: 'a'.repeat(64) }),
    second: makePublished({ sha256: 'b'.repeat(64), rescheduled: [postponed], corrections: [corrected] }),
    third: makePublished({ sha256: 'e'.repeat(64), withdrawn }),
  };
  const versions = ['ru', 'en'].flatMap((locale) => [
    makeVersion({ version: '2025-09-01', locale, effective: '2025-08-31T21:00:00Z', published: records.first }),
    makeVersion({ version: '2026-02-15', locale, effective: '2026-02-14T21:00:00Z', published: records.second }),
    makeVersion({ version: '2027-02-01', locale, effective: '2027-01-31T21:00:00Z', published: records.third }),
  ]);
  const lawyers = createSiteContext(settings, buildPolicyCorpus(versions), Date.parse('2026-12-07T12:00:00Z'));
  const view = (locale: string, id: string) => {
    const found = getVersion(lawyers.corpus, 'privacy', locale, id);
    if (!found) throw new Error(`no ${locale}/${id}`);
    return getVersionView(lawyers, found);
  };

  test('a withdrawn version has no period, only its withdrawal with the date to the minute and the reason', () => {
    expect(view('ru', '2027-02-01')).toMatchObject({
      status: 'withdrawn',
      statusLabel: 'Отозвана до вступления в силу',
      period: null,
      withdrawal: { dateText: `7${NB}декабря 2026${NB}г., 09:36${NB}МСК`, datetime: '2026-12-07T06:36:16.000Z', reason: { label: 'Причина', text: 'Решение о новой редакции отменено', lang: null } },
      notice: {
        kind: 'withdrawn',
        text: [
          { text: `Эта редакция отозвана до вступления в силу 7${NB}декабря 2026${NB}г., 09:36${NB}МСК.`, reason: { label: 'Причина', lang: null } },
          { text: 'Она не вступала в силу и не вступит.', reason: null },
        ],
      },
    });
  });

  test('in English, with the Russian reason marked as Russian', () => {
    expect(view('en', '2027-02-01')).toMatchObject({
      statusLabel: 'Withdrawn before it took effect',
      period: null,
      withdrawal: { dateText: `7 December 2026, 09:36${NB}MSK`, reason: { label: 'Reason (in Russian)', text: 'Решение о новой редакции отменено', lang: 'ru' } },
      notice: { text: [{ text: `This version was withdrawn before it took effect, on 7 December 2026, 09:36${NB}MSK.` }, { text: 'It never took effect and never will.' }] },
    });
  });

  test('the period of the version before a withdrawn one stays open: the withdrawn one never ends it', () => {
    expect(view('ru', '2026-02-15').period?.text).toBe(`с 15${NB}февраля 2026${NB}г.`);
    expect(view('en', '2026-02-15').period?.text).toBe('from 15 February 2026');
    expect(view('en', '2025-09-01').period?.text).toBe('from 1 September 2025 to 14 February 2026 inclusive');
  });

  test('a postponement says when it was decided, from which date to which, and why; in English the Russian reason is marked', () => {
    expect(view('ru', '2026-02-15').publicationNotes).toEqual([
      {
        text: `20${NB}января 2026${NB}г., 09:36${NB}МСК: дата вступления в силу перенесена с 1${NB}февраля 2026${NB}г. на 15${NB}февраля 2026${NB}г.`,
        reason: { label: 'Причина', text: 'Нужно время, чтобы уведомить пользователей', lang: null },
      },
    ]);
    expect(view('en', '2026-02-15').publicationNotes).toEqual([
      {
        text: `20 January 2026, 09:36${NB}MSK: the date it takes effect was moved from 1 February 2026 to 15 February 2026.`,
        reason: { label: 'Reason (in Russian)', text: 'Нужно время, чтобы уведомить пользователей', lang: 'ru' },
      },
    ]);
  });

  test('the history lists the withdrawal, the postponement and the correction, each with its date and reason', () => {
    const events = (locale: string) => Object.fromEntries((getHistoryView(lawyers, 'privacy', locale)?.entries ?? []).flatMap((entry) => (entry.kind === 'text' ? [[entry.view.version, entry.events]] : [])));
    expect(events('ru')).toEqual({
      '2027-02-01': [
        { text: `Эта редакция отозвана до вступления в силу 7${NB}декабря 2026${NB}г., 09:36${NB}МСК.`, reason: { label: 'Причина', text: 'Решение о новой редакции отменено', lang: null } },
        { text: 'Она не вступала в силу и не вступит.', reason: null },
      ],
      '2026-02-15': [
        {
          text: `20${NB}января 2026${NB}г., 09:36${NB}МСК: дата вступления в силу перенесена с 1${NB}февраля 2026${NB}г. на 15${NB}февраля 2026${NB}г.`,
          reason: { label: 'Причина', text: 'Нужно время, чтобы уведомить пользователей', lang: null },
        },
        { text: `Текст исправлен 1${NB}марта 2026${NB}г.`, reason: { label: 'Причина', text: 'Опечатка в п. 2.1', lang: null } },
      ],
      '2025-09-01': [],
    });
    expect(events('en')['2026-02-15']?.[1]).toEqual({ text: 'Text corrected on 1 March 2026.', reason: { label: 'Reason (in Russian)', text: 'Опечатка в п. 2.1', lang: 'ru' } });
  });

  test('a version that ends where the next starts mid-day ends at that instant', () => {
    const midDay = createSiteContext(
      settings,
      buildPolicyCorpus([
        makeVersion({ version: 'v1', locale: 'en', effective: '2019-07-01T21:00:00Z' }),
        makeVersion({ version: 'v2', locale: 'en', effective: '2019-07-02T21:35:44Z' }),
        makeVersion({ version: 'v1', effective: '2019-07-01T21:00:00Z' }),
        makeVersion({ version: 'v2', effective: '2019-07-02T21:35:44Z' }),
      ]),
      Date.parse('2026-01-01T00:00:00Z'),
    );
    const period = (locale: string, id: string) => {
      const found = getVersion(midDay.corpus, 'privacy', locale, id);
      return found && getVersionView(midDay, found).period;
    };
    expect(period('en', 'v1')?.text).toBe(`from 2 July 2019 until 3 July 2019, 00:35:44${NB}MSK`);
    expect(period('ru', 'v1')?.text).toBe(`с 2${NB}июля 2019${NB}г. до 3${NB}июля 2019${NB}г., 00:35:44${NB}МСК`);
    expect(period('ru', 'v2')?.parts).toEqual(['с ', { text: `3${NB}июля 2019${NB}г., 00:35:44${NB}МСК`, datetime: '2019-07-02T21:35:44.000Z' }]);
  });
});

import { describe, expect, test } from 'vitest';
import { createNoticeDocument, getNoticeVersion, NoticeError, renderNoticeHtml, renderNoticeText } from '#lib/notice/notice-document.ts';
import { getAnnouncementView } from '#lib/views/announcement-view.ts';
import { createCurrentFeed, createPolicyFeed } from '#lib/feed/feed-data.ts';
import { createJsonFeed, createAtomFeed } from '#lib/feed/change-notifications.ts';
import { getPublicationNotes } from '#lib/views/publication-notes.ts';
import { getTimeline } from '#lib/timeline/policy-corpus.ts';
import { createTestContext } from '../../helpers/site-context.ts';
import { withLedgerRecord } from '../../helpers/published-versions.ts';
import { makeVersion } from '../../helpers/versions.ts';
import { getMessages } from '#lib/messages/message-catalog.ts';

const NOW = '2026-12-07T08:00:00Z';
// In force since 2025; a material version announced on 1 December takes effect on 15 January 2027, in Russian and English.
const VERSIONS = [
  withLedgerRecord(makeVersion({ version: '2025-09-01', effective: '2025-08-31T21:00:00Z' }), '2025-08-01T00:00:00.000Z', [], 'imported'),
  withLedgerRecord(makeVersion({ version: '2025-09-01', locale: 'en', title: 'Privacy Policy', effective: '2025-08-31T21:00:00Z' }), '2025-08-01T00:00:00.000Z', [], 'imported'),
  withLedgerRecord(makeVersion({ version: '2027-01-15', effective: '2027-01-14T21:00:00Z', summary: ['Срок хранения данных сокращён до 3 лет (п. 5.2)'] }), '2026-12-01T09:30:00.000Z'),
  withLedgerRecord(makeVersion({ version: '2027-01-15', locale: 'en', title: 'Privacy Policy', effective: '2027-01-14T21:00:00Z', summary: ['Data are kept for 3 years (clause 5.2)'] }), '2026-12-01T09:30:00.000Z'),
  withLedgerRecord(makeVersion({ policy: 'consent', version: '2025-09-01', title: 'Согласие', effective: '2025-08-31T21:00:00Z' }), '2025-08-01T00:00:00.000Z', [], 'imported'),
  withLedgerRecord(makeVersion({ policy: 'consent', version: '2027-01-15', title: 'Согласие', effective: '2027-01-14T21:00:00Z', changeType: 'editorial' }), '2026-12-01T09:30:00.000Z'),
];
const context = createTestContext(NOW, VERSIONS);
const version = (policy: string, locale: string, id: string) => getNoticeVersion(context, policy, locale, id);

describe('the ready-to-send notice', () => {
  test('says in Russian what changes, when, whether consent is asked again, with the links and the hash', () => {
    const text = version('privacy', 'ru', '2027-01-15');
    expect(renderNoticeText(createNoticeDocument(context, text))).toBe(
      [
        'Новая редакция документа «Политика конфиденциальности» вступает в силу 15\u00a0января 2027\u00a0г.',
        '',
        '15\u00a0января 2027\u00a0г. вступает в силу новая редакция документа «Политика конфиденциальности».',
        'Она опубликована 1\u00a0декабря 2026\u00a0г., 12:30\u00a0МСК.',
        '',
        'Что изменится:',
        '- Срок хранения данных сокращён до 3 лет (п. 5.2)',
        '',
        'Изменения существенные: после 15\u00a0января 2027\u00a0г. мы попросим вас заново подтвердить согласие с документом.',
        '',
        'Сравнение с предыдущей редакцией: https://example.com/legal/ru/privacy/diff/2025-09-01/2027-01-15/',
        'Текст новой редакции: https://example.com/legal/ru/privacy/2027-01-15/',
        'История редакций: https://example.com/legal/ru/privacy/history/',
        `SHA-256 текста новой редакции: ${text.sha256}`,
        '',
      ].join('\n'),
    );
  });

  test('in English, and for an editorial version says no consent is asked again', () => {
    const text = renderNoticeText(createNoticeDocument(context, version('privacy', 'en', '2027-01-15')));
    expect(text.split('\n').slice(0, 3)).toEqual(['A new version of “Privacy Policy” takes effect on 15 January 2027', '', 'A new version of “Privacy Policy” takes effect on 15 January 2027.']);
    expect(text).toContain('The changes are material: after 15 January 2027 we will ask you to accept the document again.');
    expect(renderNoticeText(createNoticeDocument(context, version('consent', 'ru', '2027-01-15')))).toContain('Изменения редакционные: повторно подтверждать согласие не нужно.');
  });

  test('as HTML is a standalone e-mail body: inline styles, no script, nothing loaded from elsewhere, text escaped', () => {
    for (const locale of ['ru', 'en']) {
      const html = renderNoticeHtml(createNoticeDocument(context, version('privacy', locale, '2027-01-15')));
      expect(html.startsWith(`<!DOCTYPE html>\n<html lang="${locale}">`)).toBe(true);
      expect(html).not.toMatch(/<script|<style|<link|<img|<iframe|<object|<embed|\bon[a-z]+=|javascript:|@import|url\(/i);
      // The only URLs are links a reader follows.
      const urls = [...html.matchAll(/(?:src|href|action|background|poster)="([^"]*)"/g)].map((match) => match[0]);
      expect(urls.every((attribute) => attribute.startsWith('href="https://example.com/legal/'))).toBe(true);
    }
    const hostile = createNoticeDocument(context, { ...version('privacy', 'ru', '2027-01-15'), summary: ['<script>alert(1)</script> & «кавычки»'] });
    expect(renderNoticeHtml(hostile)).toContain('<li>&lt;script&gt;alert(1)&lt;/script&gt; &amp; «кавычки»</li>');
  });

  test.each([
    ['privacy', 'ru', '2027-01-16', 'privacy has no version "2027-01-16". Did you mean "2027-01-15"? Versions: 2025-09-01, 2027-01-15.'],
    ['privcy', 'ru', '2027-01-15', 'There is no policy "privcy". Did you mean "privacy"? Policies: consent, privacy.'],
    ['consent', 'en', '2027-01-15', 'consent 2027-01-15 has no en text; it exists in ru. Use --locale ru, or publish its en text first.'],
  ])('refuses %s %s %s', (policy, locale, id, message) => {
    expect(() => version(policy, locale, id)).toThrow(new NoticeError(message));
  });

  test('refuses a withdrawn version', () => {
    const withdrawn = VERSIONS.map((candidate) =>
      candidate.id === 'privacy/ru/2027-01-15' && candidate.published ? { ...candidate, published: { ...candidate.published, withdrawn: { recordedAt: '2026-12-05T10:00:00.000Z', reason: 'Передумали' } } } : candidate,
    );
    expect(() => getNoticeVersion(createTestContext(NOW, withdrawn), 'privacy', 'ru', '2027-01-15')).toThrow(
      new NoticeError('privacy 2027-01-15 was withdrawn at 2026-12-05T13:00:00+03:00 (Передумали) and never takes effect: there is nothing to give notice of.'),
    );
    expect(() => getNoticeVersion(createTestContext(NOW, withdrawn), 'privacy', 'ru', '2027-01-15', getMessages('ru'))).toThrow(
      new NoticeError('Редакция privacy 2027-01-15 отозвана 2026-12-05T13:00:00+03:00 (Передумали) и в силу не вступит: уведомлять не о чем.'),
    );
  });

  test.each([
    ['privacy', 'ru', '2027-01-16', 'У документа privacy нет редакции «2027-01-16». Возможно, имелось в виду «2027-01-15»? Редакции: 2025-09-01, 2027-01-15.'],
    ['privcy', 'ru', '2027-01-15', 'Документа «privcy» нет. Возможно, имелось в виду «privacy»? Документы: consent, privacy.'],
    ['consent', 'en', '2027-01-15', 'У редакции consent 2027-01-15 нет текста на языке en; есть тексты на языках: ru. Укажите --locale ru или сначала опубликуйте её текст на языке en.'],
  ])('refuses %s %s %s in Russian when the command speaks Russian', (policy, locale, id, message) => {
    expect(() => getNoticeVersion(context, policy, locale, id, getMessages('ru'))).toThrow(new NoticeError(message));
  });
});

describe('the announcement of a scheduled version', () => {
  test('is a banner in each language with the new text, linking what will change and the new text', () => {
    expect(getAnnouncementView(context, 'privacy', 'ru')).toEqual({
      kind: 'banner',
      changeType: 'material',
      version: '2027-01-15',
      text: 'С 15\u00a0января 2027\u00a0г. действует новая редакция документа «Политика конфиденциальности».',
      effectiveFromIso: '2027-01-14T21:00:00.000Z',
      links: [
        { label: 'Что изменится', href: '/legal/ru/privacy/diff/2025-09-01/2027-01-15/' },
        { label: 'Текст новой редакции', href: '/legal/ru/privacy/2027-01-15/' },
      ],
      elsewhere: [],
      label: 'Новая редакция',
    });
    expect(getAnnouncementView(context, 'privacy', 'en')?.text).toBe('A new version of “Privacy Policy” takes effect on 15 January 2027.');
  });

  test('is a line for an editorial version, and names the languages where this one has no text', () => {
    expect(getAnnouncementView(context, 'consent', 'ru')).toMatchObject({
      kind: 'line',
      text: 'С 15\u00a0января 2027\u00a0г. действует новая редакция документа «Согласие» с редакционными правками: смысл документа не меняется.',
    });
    const onlyRussian = createTestContext(
      NOW,
      VERSIONS.filter((candidate) => candidate.id !== 'privacy/en/2027-01-15'),
    );
    expect(getAnnouncementView(onlyRussian, 'privacy', 'en')).toMatchObject({
      kind: 'banner',
      text: 'A new version of “Политика конфиденциальности” takes effect on 15 January 2027. It has no text in this language yet; it exists in:',
      links: [],
      elsewhere: [{ locale: 'ru', languageName: 'Русский', href: '/legal/ru/privacy/2027-01-15/' }],
    });
  });

  test('is gone once the version is in force', () => {
    expect(getAnnouncementView(createTestContext('2027-01-14T21:00:00Z', VERSIONS), 'privacy', 'ru')).toBeNull();
  });
});

describe('the feed of the announcement', () => {
  test('every version has announcedAt and noticeDays (null for imported history) and its notice files', () => {
    const feed = createPolicyFeed(context, 'privacy');
    expect(feed.versions.map(({ locale, version, announcedAt, noticeDays, shortNotice }) => ({ locale, version, announcedAt, noticeDays, shortNotice }))).toEqual([
      { locale: 'en', version: '2025-09-01', announcedAt: '2025-08-01T00:00:00.000Z', noticeDays: null, shortNotice: null },
      { locale: 'en', version: '2027-01-15', announcedAt: '2026-12-01T09:30:00.000Z', noticeDays: 44, shortNotice: null },
      { locale: 'ru', version: '2025-09-01', announcedAt: '2025-08-01T00:00:00.000Z', noticeDays: null, shortNotice: null },
      { locale: 'ru', version: '2027-01-15', announcedAt: '2026-12-01T09:30:00.000Z', noticeDays: 44, shortNotice: null },
    ]);
    expect(feed.versions[3]).toMatchObject({ noticeUrl: 'https://example.com/legal/feed/v1/privacy/ru/2027-01-15/notice.txt', noticeHtmlUrl: 'https://example.com/legal/feed/v1/privacy/ru/2027-01-15/notice.html' });
  });

  test('current.json gives each locale the scheduled version with its effective instant', () => {
    expect(createCurrentFeed(context, 'privacy').locales['ru']?.announcement).toEqual({
      version: '2027-01-15',
      title: 'Политика конфиденциальности',
      effectiveFrom: '2027-01-14T21:00:00.000Z',
      announcedAt: '2026-12-01T09:30:00.000Z',
      noticeDays: 44,
      changeType: 'material',
      summary: ['Срок хранения данных сокращён до 3 лет (п. 5.2)'],
      banner: true,
      acceptEarly: false,
      locale: 'ru',
      locales: ['en', 'ru'],
      url: 'https://example.com/legal/ru/privacy/2027-01-15/',
      redlineUrl: 'https://example.com/legal/ru/privacy/diff/2025-09-01/2027-01-15/',
      noticeUrl: 'https://example.com/legal/feed/v1/privacy/ru/2027-01-15/notice.txt',
      noticeHtmlUrl: 'https://example.com/legal/feed/v1/privacy/ru/2027-01-15/notice.html',
      shortNotice: null,
    });
  });

  test('Atom and JSON Feed entries are published when announced; imported history when it took effect', () => {
    const items = createJsonFeed(context, 'privacy', 'ru').items;
    expect(items.map((item) => [item._policy.version, item.date_published])).toEqual([
      ['2027-01-15', '2026-12-01T09:30:00.000Z'],
      ['2025-09-01', '2025-08-31T21:00:00.000Z'],
    ]);
    expect(createAtomFeed(context, 'privacy', 'ru')).toContain('<published>2026-12-01T09:30:00.000Z</published>');
  });

  test('a short notice is said on the page and in the feed, with the reason', () => {
    const short = VERSIONS.map((candidate) =>
      candidate.id === 'privacy/ru/2027-01-15' && candidate.published
        ? {
            ...candidate,
            published: {
              ...candidate.published,
              publishedAt: '2027-01-10T09:00:00.000Z',
              shortNotice: { reason: 'Требование закона', recordedAt: '2027-01-10T09:00:00.000Z', requiredNotice: 10, effectiveFrom: '2027-01-14T21:00:00.000Z' },
            },
          }
        : candidate,
    );
    const shortContext = createTestContext('2027-01-11T00:00:00Z', short);
    const text = getTimeline(shortContext.corpus, 'privacy', 'ru')?.versions.find((candidate) => candidate.version === '2027-01-15');
    expect(text && getPublicationNotes(text, 'Europe/Moscow', ['ru', 'en']).map((note) => note.text)).toEqual([
      'Опубликована 10\u00a0января 2027\u00a0г., 12:00\u00a0МСК — за 4 дня до вступления в силу, тогда как для этого документа предусмотрено уведомление не позднее чем за 10 дней. Причина: Требование закона.',
    ]);
    expect(createPolicyFeed(shortContext, 'privacy').versions[3]).toMatchObject({ noticeDays: 4, shortNotice: { reason: 'Требование закона', recordedAt: '2027-01-10T09:00:00.000Z', requiredNotice: 10 } });
  });
});

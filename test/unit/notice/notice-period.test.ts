import { describe, expect, test } from 'vitest';
import { getEarliestEffective, getNoticeDays, getRequiredNotice, isAcceptedEarly, isAnnouncedByBanner, parseNotice } from '#lib/notice/notice-period.ts';
import { getFirstDayFrom } from '#lib/notice/notice-check.ts';
import { checkNoticeSettings } from '#lib/notice/notice-settings.ts';
import { resolveSiteSettings, SiteConfigError } from '#lib/site/site-settings.ts';
import type { SiteConfigInput } from '#schemas/site-config.ts';

const DAY = 86_400_000;
const config: SiteConfigInput = { siteUrl: 'https://example.com/', defaultLocale: 'ru', timeZone: 'Europe/Moscow', siteTitle: { ru: 'Документы' } };
const notice = (value: SiteConfigInput['notice']) => resolveSiteSettings({ ...config, notice: value }, {}, '/p').notice;

describe('parseNotice', () => {
  test.each([
    [10, 10 * DAY],
    [0, 0],
    ['P10D', 10 * DAY],
    ['P2W', 14 * DAY],
    ['PT48H', 2 * DAY],
    ['P1DT12H', 1.5 * DAY],
    ['PT90M', 90 * 60_000],
  ])('reads %j as %d ms', (value, ms) => {
    expect(parseNotice(value)).toEqual({ ok: true, ms });
  });

  test.each([
    [-1, 'is -1, which is not a whole number of days of at least 0'],
    [1.5, 'is 1.5, which is not a whole number of days of at least 0'],
    ['P1M', 'is "P1M": months and years have no fixed length; write the notice in days (e.g. "P30D") or weeks ("P4W")'],
    ['P1Y', 'is "P1Y": months and years have no fixed length; write the notice in days (e.g. "P30D") or weeks ("P4W")'],
    ['10 days', 'is "10 days", which is not a non-negative number of days (10) or an ISO 8601 duration in weeks, days, hours, minutes or seconds ("P10D", "P2W", "PT48H")'],
    ['P', 'is "P", which is not a non-negative number of days (10) or an ISO 8601 duration in weeks, days, hours, minutes or seconds ("P10D", "P2W", "PT48H")'],
    ['P1DT', 'is "P1DT", which is not a non-negative number of days (10) or an ISO 8601 duration in weeks, days, hours, minutes or seconds ("P10D", "P2W", "PT48H")'],
    ['-P1D', 'is "-P1D", which is not a non-negative number of days (10) or an ISO 8601 duration in weeks, days, hours, minutes or seconds ("P10D", "P2W", "PT48H")'],
  ])('refuses %j', (value, message) => {
    expect(parseNotice(value)).toEqual({ ok: false, message });
  });
});

describe('the notice settings', () => {
  test('default to no notice, and give each policy its own or the default', () => {
    expect(getRequiredNotice(notice(undefined), 'privacy', 'material')).toEqual({ setting: 0, key: 'notice.material', ms: 0 });
    const settings = notice({ material: 'P2W', policies: { privacy: { material: 10 } } });
    expect(getRequiredNotice(settings, 'privacy', 'material')).toEqual({ setting: 10, key: 'notice.policies.privacy.material', ms: 10 * DAY });
    expect(getRequiredNotice(settings, 'consent', 'material')).toEqual({ setting: 'P2W', key: 'notice.material', ms: 14 * DAY });
    expect(getRequiredNotice(settings, 'privacy', 'editorial')).toEqual({ setting: 0, key: 'notice.editorial', ms: 0 });
  });

  test('refuse a notice that is not a non-negative duration, naming the setting', () => {
    expect(() => notice({ policies: { privacy: { material: -10 } } })).toThrow(
      new SiteConfigError(
        'The site settings are not valid:\nsite.config.ts: notice.policies.privacy.material: is -10, which is not a whole number of days of at least 0; write e.g. 10 or "P10D"\n    Correct notice.policies.privacy.material.',
      ),
    );
    expect(() => notice({ material: 'P1M' })).toThrow('site.config.ts: notice.material: is "P1M": months and years have no fixed length; write the notice in days (e.g. "P30D") or weeks ("P4W"); write e.g. 10 or "P10D"');
  });

  test('announce an editorial version by a banner only when the settings say so', () => {
    expect(isAnnouncedByBanner(notice(undefined), 'privacy', 'material')).toBe(true);
    expect(isAnnouncedByBanner(notice(undefined), 'privacy', 'editorial')).toBe(false);
    expect(isAnnouncedByBanner(notice({ policies: { privacy: { announceEditorial: true } } }), 'privacy', 'editorial')).toBe(true);
    expect(isAnnouncedByBanner(notice({ announceEditorial: true, policies: { privacy: { announceEditorial: false } } }), 'privacy', 'editorial')).toBe(false);
  });

  test('let a user accept a scheduled version early only where the settings say so, and only a material one', () => {
    expect(isAcceptedEarly(notice(undefined), 'privacy', 'material')).toBe(false);
    expect(isAcceptedEarly(notice({ acceptEarly: true }), 'privacy', 'material')).toBe(true);
    expect(isAcceptedEarly(notice({ acceptEarly: true }), 'privacy', 'editorial')).toBe(false);
    expect(isAcceptedEarly(notice({ policies: { privacy: { acceptEarly: true } } }), 'privacy', 'material')).toBe(true);
    expect(isAcceptedEarly(notice({ acceptEarly: true, policies: { privacy: { acceptEarly: false } } }), 'privacy', 'material')).toBe(false);
    expect(isAcceptedEarly(notice({ policies: { privacy: { acceptEarly: true } } }), 'consent', 'material')).toBe(false);
  });

  test('name a policy the folder does not have', () => {
    const settings = notice({ policies: { privcy: { material: 10 } } });
    expect(checkNoticeSettings(settings, ['privacy', 'consent'])).toEqual([
      {
        file: 'site.config.ts',
        line: 1,
        field: 'notice.policies.privcy',
        code: 'notice-unknown-policy',
        message: 'there is no policy "privcy" in the policies folder',
        hint: 'Did you mean "privacy"? Name a policy by its folder (consent, privacy), or remove the setting.',
      },
    ]);
    expect(checkNoticeSettings(settings, ['privacy'], 'warning')[0]?.severity).toBe('warning');
    expect(checkNoticeSettings(notice({ policies: { privacy: { material: 10 } } }), ['privacy'])).toEqual([]);
  });
});

describe('the arithmetic of notice', () => {
  const tenDays = { setting: 10, key: 'notice.material', ms: 10 * DAY };
  test('the earliest instant is the notice after the announcement, rounded up to a minute', () => {
    expect(new Date(getEarliestEffective(Date.parse('2026-12-07T08:00:30Z'), tenDays)).toISOString()).toBe('2026-12-17T08:01:00.000Z');
  });

  test("the first day that honours it starts no earlier than that instant, in the site's zone", () => {
    expect(getFirstDayFrom(Date.parse('2026-12-17T08:01:00Z'), 'Europe/Moscow')).toBe('2026-12-18');
    // Midnight in Moscow exactly: that very day.
    expect(getFirstDayFrom(Date.parse('2026-12-16T21:00:00Z'), 'Europe/Moscow')).toBe('2026-12-17');
    expect(getFirstDayFrom(Date.parse('2026-12-31T22:00:00Z'), 'Europe/Moscow')).toBe('2027-01-02');
  });

  test('the notice given is whole days, never negative', () => {
    expect(getNoticeDays(Date.parse('2026-12-07T08:00:00Z'), Date.parse('2026-12-17T07:59:59Z'))).toBe(9);
    expect(getNoticeDays(Date.parse('2026-12-07T08:00:00Z'), Date.parse('2026-12-17T08:00:00Z'))).toBe(10);
    expect(getNoticeDays(Date.parse('2026-12-07T08:00:00Z'), Date.parse('2026-12-01T00:00:00Z'))).toBe(0);
  });
});

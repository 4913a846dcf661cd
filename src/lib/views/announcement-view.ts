/**
 * The announcement of a scheduled version as a page prints it, in the page's
 * interface language: «С 15 января 2027 г. действует новая редакция…» with
 * links to what will change and to the new text, or, in a language without
 * the new text, the languages it exists in. The stable page, the version in
 * force and the home page all show this one view.
 */
import { formatEffectiveDate, getLanguageName } from '#lib/time/format-date.ts';
import { formatInstant } from '#lib/time/zoned-time.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import { getUiStrings } from '#lib/site/ui-strings.ts';
import { getAnnouncement } from '#lib/notice/announcement.ts';
import type { LanguageLink } from './version-view.ts';

/** What a page prints of a scheduled version. */
export interface AnnouncementView {
  /** `banner`: a material version (or an editorial one the settings announce); `line`: an editorial one, a plain line. */
  kind: 'banner' | 'line';
  changeType: 'material' | 'editorial';
  version: string;
  /** The sentence. */
  text: string;
  effectiveFromIso: string;
  /** «Что изменится» and «Текст новой редакции», when this language has the new text. */
  links: { label: string; href: string; rel?: string }[];
  /** The languages that have the new text, when this one has none. */
  elsewhere: LanguageLink[];
  /** The label of the region, for screen readers. */
  label: string;
}

/** The announcement of the next version of `policy` on a page in `locale`, or null when none is scheduled. */
export function getAnnouncementView(context: SiteContext, policy: string, locale: string): AnnouncementView | null {
  const announcement = getAnnouncement(context, policy, locale);
  if (!announcement) return null;
  const ui = getUiStrings(locale);
  const date = formatEffectiveDate(announcement.effectiveFrom, ui.lang, context.settings.timeZone);
  const { text, linked } = announcement;
  const changeType = linked.changeType;
  const sentence = text ? (changeType === 'material' ? ui.notice.bannerMaterial(date, text.title) : ui.notice.bannerEditorial(date, text.title)) : ui.notice.inOtherLanguages(date, linked.title);
  return {
    kind: announcement.banner ? 'banner' : 'line',
    changeType,
    version: announcement.version,
    text: sentence,
    effectiveFromIso: formatInstant(announcement.effectiveFrom),
    links: text ? [...(announcement.redlineHref ? [{ label: ui.notice.whatWillChange, href: announcement.redlineHref }] : []), { label: ui.notice.newText, href: announcement.textHref }] : [],
    elsewhere: text ? [] : announcement.locales.map((other) => ({ locale: other, languageName: getLanguageName(other), href: context.urls.version(policy, other, announcement.version) })),
    label: ui.notice.region,
  };
}

/**
 * What the site says about a version announced and not yet in force: the
 * banner on the stable page, the version in force and the home page, and the
 * `announcement` of current.json and since.json. One function gives it, so
 * every page and feed announces the same version with the same links.
 */
import type { PublishedRecord } from '#schemas/ledger.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import { getNextEntryAfter, getTextElsewhere, getVersion } from '#lib/timeline/policy-corpus.ts';
import type { TimelineVersion } from '#lib/timeline/timeline.ts';
import { getNoticeDays, isAcceptedEarly, isAnnouncedByBanner } from './notice-period.ts';

/** The scheduled version a page or feed of one policy in one locale announces. */
export interface Announcement {
  policy: string;
  version: string;
  effectiveFrom: number;
  /** The languages that have its text, sorted. */
  locales: string[];
  /** This locale's text of it, or null when it has none here. */
  text: TimelineVersion | null;
  /** The text the announcement links: this locale's, else the default locale's or the first that has it. */
  linked: TimelineVersion;
  /** True for a material version, and for an editorial one when the settings say so; otherwise a line in the history only. */
  banner: boolean;
  /** Whether the site lets a returning user accept it before it takes effect (`notice.acceptEarly`, a material version only). */
  acceptEarly: boolean;
  /** The permanent page of the linked text. */
  textHref: string;
  /** The redline from the version before it (the version in force) to it, in the linked text's language; null for a first version. */
  redlineHref: string | null;
}

/** When a version's text was announced (recorded by `publish`), or null when it is not in the ledger. */
export function getAnnouncedAt(published: Pick<PublishedRecord, 'publishedAt'> | null): string | null {
  return published?.publishedAt ?? null;
}

/**
 * The instant a version's entry in Atom and JSON Feed gives as published:
 * when `publish` recorded it, or, for imported history (announced before the
 * ledger existed, on a day nobody recorded) and outside the ledger, the
 * instant it took effect, the earliest moment it is known to have been public.
 */
export function getAnnouncedInstant(version: Pick<TimelineVersion, 'effectiveFrom' | 'published'>): number {
  const published = version.published;
  return !published || published.publication.kind === 'imported' ? version.effectiveFrom : Date.parse(published.publishedAt);
}

/**
 * The whole days of notice a text was given: from its announcement to the
 * instant it took (takes) effect. Null for imported history (announced
 * before the ledger, when, nobody can say) and outside the ledger; 0 for a
 * text published when it was already in force.
 */
export function getGivenNoticeDays(version: Pick<TimelineVersion, 'effectiveFrom' | 'published'>): number | null {
  const published = version.published;
  if (!published || published.publication.kind === 'imported') return null;
  return getNoticeDays(Date.parse(published.publishedAt), version.effectiveFrom);
}

/** The version of `policy` that takes effect next after the build's "now", as `locale` announces it; null when none is scheduled. */
export function getAnnouncement(context: SiteContext, policy: string, locale: string): Announcement | null {
  const { corpus, urls, settings, now } = context;
  const entry = getNextEntryAfter(corpus, policy, locale, now);
  if (!entry) return null;
  const text = getVersion(corpus, policy, locale, entry.version) ?? null;
  const linked = text ?? getTextElsewhere(corpus, entry, settings.defaultLocale);
  if (!linked) return null;
  return {
    policy,
    version: entry.version,
    effectiveFrom: entry.effectiveFrom,
    locales: entry.locales,
    text,
    linked,
    banner: isAnnouncedByBanner(settings.notice, policy, linked.changeType),
    acceptEarly: isAcceptedEarly(settings.notice, policy, linked.changeType),
    textHref: urls.version(policy, linked.locale, linked.version),
    redlineHref: linked.previousVersion === null ? null : urls.diff(policy, linked.locale, linked.previousVersion, linked.version),
  };
}

/**
 * What a version page shows about the version: its status at build time,
 * the notice an archived or scheduled version must carry, its period and
 * summary, and its links. Shared by the permanent page and the stable
 * "current" page.
 */
import { formatInstant } from '#lib/time/zoned-time.ts';
import { formatEffectiveDate, formatZonedDateTime, getLanguageName, getPeriodBounds, type PeriodBound } from '#lib/time/format-date.ts';
import { getEntry, getEntryInForceAt, getTimeline } from '#lib/timeline/policy-corpus.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import { getVersionInForceAt, getVersionStatus, type TimelineVersion, type VersionStatus } from '#lib/timeline/timeline.ts';
import { getUiStrings } from '#lib/site/ui-strings.ts';
import { getSiteLocales } from '#lib/site/language-alternates.ts';
import { getCorrectionNotes, getPublicationNotes } from './publication-notes.ts';
import { getReasonView, type Note, type ReasonView } from './reason-language.ts';

/** A link to a text in another language. */
export interface LanguageLink {
  locale: string;
  languageName: string;
  href: string;
}

/**
 * The notice on top of a version that is not simply in force. `reference`:
 * the stable page of a language that has no text of the version in force,
 * showing its previous text for reference only.
 */
interface VersionNotice {
  kind: 'superseded' | 'scheduled' | 'withdrawn' | 'reference';
  /** Sentences of the notice, in order, each with its reason if any. */
  text: Note[];
  /** Link to the version in force, when there is one in this language. */
  currentHref: string | null;
  /** The texts of the version in force in other languages, when it has none in this one (after the last sentence). */
  elsewhere: LanguageLink[];
}

/**
 * A version's period as a lawyer states it: «с 15 февраля 2026 г.» while
 * open, «с 1 сентября 2025 г. по 14 февраля 2026 г. включительно» when the
 * next version starts at the beginning of a day, «с … до 3 июля 2019 г.,
 * 00:35 МСК» when it starts mid-day. `parts` are the words and the ends
 * (for `<time>`), in order; `text` is the same as one string.
 */
export interface PeriodView {
  parts: (string | PeriodBound)[];
  text: string;
}

/** The period of a version from `from` until `until` (exclusive; null while open). */
export function getPeriodView(from: number, until: number | null, locale: string, timeZone: string): PeriodView {
  const ui = getUiStrings(locale);
  const words = ui.periodWords;
  const bounds = getPeriodBounds(from, until, ui.lang, timeZone);
  const parts: (string | PeriodBound)[] = [`${words.from} `, bounds.from];
  if (bounds.until) parts.push(` ${bounds.inclusive ? words.through : words.until} `, bounds.until, ...(bounds.inclusive ? [` ${words.inclusive}`] : []));
  return { parts, text: parts.map((part) => (typeof part === 'string' ? part : part.text)).join('') };
}

/** A withdrawal as a version's facts state it: when, and why. */
interface WithdrawalView {
  /** «7 декабря 2026 г., 09:36 МСК» */
  dateText: string;
  /** The instant, for `<time datetime>`. */
  datetime: string;
  reason: ReasonView;
}

/** Everything a page prints about one version. */
export interface VersionView {
  policy: string;
  locale: string;
  version: string;
  title: string;
  status: VersionStatus;
  statusLabel: string;
  draft: boolean;
  /** «1 сентября 2025 г.» */
  effectiveFromText: string;
  effectiveUntilText: string | null;
  /** The period it is, was or will be in force; null for a withdrawn version, which has none. */
  period: PeriodView | null;
  /** When and why it was withdrawn, for a withdrawn version. */
  withdrawal: WithdrawalView | null;
  /** ISO instants for `<time datetime>`. */
  effectiveFromIso: string;
  effectiveUntilIso: string | null;
  notice: VersionNotice | null;
  summary: string[];
  changeTypeLabel: string;
  isFirst: boolean;
  sha256: string;
  /** Index of its publication in the public log (null until published), and where the log is explained. */
  logIndex: number | null;
  logHref: string;
  permanentHref: string;
  currentHref: string;
  historyHref: string;
  rawHref: string;
  /** Redline from the previous version, if there is one. */
  diffFromPreviousHref: string | null;
  /** Redline from this version to the one in force, for versions older than it. */
  diffToCurrentHref: string | null;
  /** Corrections of the published text, oldest first. */
  corrections: { notes: Note[]; href: string; originalHref: string }[];
  /** How it came to be published and moved, when that is not simply "on time" (backdated, a late translation, postponed). */
  publicationNotes: Note[];
  /** The languages this version exists in, this one included. */
  languages: LanguageLink[];
}

/**
 * Builds the view of a version at the build's "now".
 * @param options `stable`: for the stable URL, which says when the text it shows is for reference only
 */
export function getVersionView(context: SiteContext, version: TimelineVersion, options: { stable?: boolean } = {}): VersionView {
  const { urls, settings, now, corpus } = context;
  const ui = getUiStrings(version.locale);
  // Dates belong to the interface sentence around them, so they follow the interface language.
  const format = (instant: number) => formatEffectiveDate(instant, ui.lang, settings.timeZone);
  const status = getVersionStatus(version, now);
  const from = format(version.effectiveFrom);
  const until = version.effectiveUntil === null ? null : format(version.effectiveUntil);
  const timeline = getTimeline(corpus, version.policy, version.locale);
  const inForce = timeline ? getVersionInForceAt(timeline, now) : undefined;
  const currentHref = urls.current(version.policy, version.locale);
  const linkTo = (locale: string, id: string): LanguageLink => ({ locale, languageName: getLanguageName(locale), href: urls.version(version.policy, locale, id) });
  // The version in force, whatever its languages: when it has no text here, every notice says where it is.
  const entryInForce = getEntryInForceAt(corpus, version.policy, version.locale, now);
  const missing = entryInForce && !entryInForce.locales.includes(version.locale) ? entryInForce : undefined;
  const elsewhere = missing ? missing.locales.map((locale) => linkTo(locale, missing.version)) : [];
  const missingText: Note[] = missing ? [{ text: ui.noticeNoTextInForce(format(missing.effectiveFrom)), reason: null }] : [];
  const siteLocales = getSiteLocales(context);
  const note = (text: string): Note => ({ text, reason: null });
  const withdrawn = version.published?.withdrawn ?? null;
  const withdrawal: WithdrawalView | null = withdrawn
    ? {
        dateText: formatZonedDateTime(Date.parse(withdrawn.recordedAt), ui.lang, settings.timeZone),
        datetime: withdrawn.recordedAt,
        reason: getReasonView(withdrawn.reason, version.locale, siteLocales),
      }
    : null;
  const period = withdrawn ? null : getPeriodView(version.effectiveFrom, version.effectiveUntil, version.locale, settings.timeZone);

  let notice: VersionNotice | null = null;
  if (status === 'withdrawn' && withdrawal) {
    notice = {
      kind: 'withdrawn',
      text: [{ text: ui.noticeWithdrawn(withdrawal.dateText), reason: withdrawal.reason }, note(ui.noticeWithdrawnNever), ...missingText],
      currentHref: inForce ? currentHref : null,
      elsewhere,
    };
  } else if (status === 'superseded' && until !== null && period) {
    notice = {
      kind: options.stable && missing ? 'reference' : 'superseded',
      text: [...(options.stable && missing ? [note(ui.noticeReferenceOnly)] : []), note(ui.noticeSuperseded(until)), note(ui.noticeSupersededPeriod(period.text)), ...missingText],
      currentHref: inForce ? currentHref : null,
      elsewhere,
    };
  } else if (status === 'scheduled') {
    notice = {
      kind: 'scheduled',
      text: [note(ui.noticeScheduled(from)), ...(missing ? missingText : [note(entryInForce ? ui.noticeInForceInstead : ui.noticeNoneInForce)])],
      currentHref: inForce ? currentHref : null,
      elsewhere,
    };
  }

  return {
    policy: version.policy,
    locale: version.locale,
    version: version.version,
    title: version.title,
    status,
    statusLabel: version.draft ? ui.statusDraft : { 'in-force': ui.statusInForce, scheduled: ui.statusScheduled, superseded: ui.statusSuperseded, withdrawn: ui.statusWithdrawn }[status],
    draft: version.draft,
    effectiveFromText: from,
    effectiveUntilText: until,
    period,
    withdrawal,
    effectiveFromIso: formatInstant(version.effectiveFrom),
    effectiveUntilIso: version.effectiveUntil === null ? null : formatInstant(version.effectiveUntil),
    notice,
    summary: version.summary,
    changeTypeLabel: ui.changeTypes[version.changeType],
    isFirst: version.previousVersion === null,
    sha256: version.sha256,
    logIndex: version.published ? context.log.indexOf(version.id, 0) : null,
    logHref: `${urls.developers(version.locale)}#log`,
    permanentHref: urls.version(version.policy, version.locale, version.version),
    currentHref,
    historyHref: urls.history(version.policy, version.locale),
    rawHref: urls.raw(version.policy, version.locale, version.version),
    diffFromPreviousHref: version.previousVersion === null ? null : urls.diff(version.policy, version.locale, version.previousVersion, version.version),
    diffToCurrentHref: inForce && version.index < inForce.index ? urls.diff(version.policy, version.locale, version.version, inForce.version) : null,
    corrections: (version.published?.corrections ?? []).map((correction, index) => ({
      notes: getCorrectionNotes(correction, version.locale, siteLocales),
      href: urls.correction(version.policy, version.locale, version.version, index + 1),
      originalHref: urls.rawByHash(version.policy, version.locale, version.version, correction.previousSha256),
    })),
    publicationNotes: getPublicationNotes(version, settings.timeZone, siteLocales, { withdrawal: false }),
    languages: (getEntry(corpus, version.policy, version.locale, version.version)?.locales ?? [version.locale]).map((locale) => linkTo(locale, version.version)),
  };
}

/** What a version page says of a `policy:` link whose target has a newer version. */
export interface LinkedPolicyNotice {
  text: string;
  /** The newer version: the stable URL when it is in force, else its permanent URL. */
  newerHref: string;
}

/**
 * The notices of a version's `policy:` links (the versions they lead to, as
 * its render recorded them): one for each linked version that a newer version
 * of its policy has replaced, or will replace, by the build's "now".
 */
export function getLinkedPolicyNotices(context: SiteContext, links: readonly { policy: string; locale: string; version: string }[], locale: string): LinkedPolicyNotice[] {
  const { corpus, now, urls, settings } = context;
  const ui = getUiStrings(locale);
  const format = (instant: number) => formatEffectiveDate(instant, ui.lang, settings.timeZone);
  return links.flatMap((link) => {
    const timeline = getTimeline(corpus, link.policy, link.locale);
    const linked = timeline?.versions.find((candidate) => candidate.version === link.version);
    if (!timeline || !linked) return [];
    const inForce = getVersionInForceAt(timeline, now);
    if (inForce && inForce.index > linked.index) {
      return [{ text: ui.linkedPolicy.newerInForce(inForce.title, format(linked.effectiveFrom), format(inForce.effectiveFrom)), newerHref: urls.current(link.policy, link.locale) }];
    }
    const next = timeline.versions[Math.max(linked.index, inForce?.index ?? -1) + 1];
    return next ? [{ text: ui.linkedPolicy.newerScheduled(next.title, format(linked.effectiveFrom), format(next.effectiveFrom)), newerHref: urls.version(next.policy, next.locale, next.version) }] : [];
  });
}

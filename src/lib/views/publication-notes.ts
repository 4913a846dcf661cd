/**
 * The sentences that tell a reader how a version came to be what it is, from
 * the ledger, each with its date and the reason recorded: published after it
 * took effect (backdated), a translation published later, changes declared
 * editorial by decision, with less notice than required (and why), a
 * postponement, a withdrawal, a correction. The version page, the history
 * and the Atom and JSON feeds all say the same words. Recorded instants read
 * to the minute in the site's zone («7 декабря 2026 г., 09:36 МСК»).
 */
import { formatCalendarDate, formatEffectiveDate, formatZonedDateTime } from '#lib/time/format-date.ts';
import type { TimelineVersion } from '#lib/timeline/timeline.ts';
import type { RecordedCorrection } from '#schemas/ledger.ts';
import { getUiStrings } from '#lib/site/ui-strings.ts';
import { parseNotice } from '#lib/notice/notice-period.ts';

const DAY_MS = 86_400_000;
import { getReasonView, type Note } from './reason-language.ts';

/** What to include besides the publication and postponements. */
interface PublicationNoteOptions {
  /** The withdrawal (default true; a version page says it in its notice instead). */
  withdrawal?: boolean;
  /** The corrections (default false; a version page lists them with their links). */
  corrections?: boolean;
}

/**
 * The notes of one correction: when and why, and what else it changed.
 * @param siteLocales the site's locales, the default one first (to tell a reason's language)
 */
export function getCorrectionNotes(correction: RecordedCorrection, locale: string, siteLocales: readonly string[]): Note[] {
  const ui = getUiStrings(locale);
  const reason = (text: string) => getReasonView(text, locale, siteLocales);
  return [
    { text: ui.corrections.notice(formatCalendarDate(correction.date, ui.lang)), reason: reason(correction.reason) },
    ...(correction.changeType ? [{ text: ui.corrections.changeTypeCorrected(ui.changeTypes[correction.changeType.from], ui.changeTypes[correction.changeType.to]), reason: null }] : []),
    ...(correction.summary ? [{ text: ui.corrections.summaryCorrected, reason: null }] : []),
    ...(correction.kind === 'material' ? [{ text: ui.corrections.material, reason: correction.overrideReason === null ? null : reason(correction.overrideReason) }] : []),
  ];
}

/**
 * The notes of a version, in its locale's interface language, dates in the site's time zone.
 * @param siteLocales the site's locales, the default one first (to tell a reason's language)
 */
export function getPublicationNotes(version: Pick<TimelineVersion, 'locale' | 'effectiveFrom' | 'published'>, timeZone: string, siteLocales: readonly string[], options: PublicationNoteOptions = {}): Note[] {
  const ui = getUiStrings(version.locale);
  const effective = (instant: number | string) => formatEffectiveDate(typeof instant === 'number' ? instant : Date.parse(instant), ui.lang, timeZone);
  const recorded = (instant: string) => formatZonedDateTime(Date.parse(instant), ui.lang, timeZone);
  const reason = (text: string) => getReasonView(text, version.locale, siteLocales);
  const published = version.published;
  if (!published) return [];
  const notes: Note[] = [];
  if (published.withdrawn && options.withdrawal !== false) {
    notes.push({ text: ui.noticeWithdrawn(recorded(published.withdrawn.recordedAt)), reason: reason(published.withdrawn.reason) }, { text: ui.noticeWithdrawnNever, reason: null });
  }
  if (published.publication.kind === 'backdated') {
    notes.push({ text: ui.publishedLate(recorded(published.publishedAt), effective(version.effectiveFrom)), reason: published.publication.reason === null ? null : reason(published.publication.reason) });
  }
  if (published.publication.kind === 'late-translation') notes.push({ text: ui.translationPublished(recorded(published.publishedAt)), reason: null });
  if (published.editorialCheck?.result === 'confirmed' && published.editorialCheck.reason !== null) {
    notes.push({ text: ui.editorialConfirmed(recorded(published.publishedAt)), reason: reason(published.editorialCheck.reason) });
  }
  if (published.shortNotice) {
    const { shortNotice } = published;
    const length = (ms: number) => (ms >= DAY_MS || ms % DAY_MS === 0 ? ui.notice.days(Math.floor(ms / DAY_MS)) : ui.notice.hours(Math.floor(ms / 3_600_000)));
    const required = parseNotice(shortNotice.requiredNotice);
    const given = Date.parse(shortNotice.effectiveFrom) - Date.parse(published.publishedAt);
    notes.push({ text: ui.notice.shortNotice(recorded(published.publishedAt), length(Math.max(0, given)), required.ok ? length(required.ms) : String(shortNotice.requiredNotice), shortNotice.reason), reason: null });
  }
  for (const change of published.rescheduled) {
    notes.push({ text: ui.rescheduled(recorded(change.recordedAt), effective(change.previousEffectiveFrom), effective(change.effectiveFrom)), reason: reason(change.reason) });
  }
  if (options.corrections) for (const correction of published.corrections) notes.push(...getCorrectionNotes(correction, version.locale, siteLocales));
  return notes;
}

/** The instant of the last thing the ledger recorded about a version (for a feed entry's `updated`), at least it taking effect. */
export function getLastRecordedChange(version: Pick<TimelineVersion, 'effectiveFrom' | 'published'>): number {
  const published = version.published;
  if (!published) return version.effectiveFrom;
  const kind = published.publication.kind;
  const instants = [
    version.effectiveFrom,
    // A late publication is news; imported history and a timely publication are not news after the fact.
    ...(kind === 'backdated' || kind === 'late-translation' ? [Date.parse(published.publishedAt)] : []),
    ...published.corrections.map((correction) => Date.parse(correction.recordedAt)),
    ...published.rescheduled.map((change) => Date.parse(change.recordedAt)),
    ...(published.withdrawn ? [Date.parse(published.withdrawn.recordedAt)] : []),
  ];
  return Math.max(...instants);
}

/**
 * The sentences that tell a reader how a version came to be what it is, from
 * the ledger: published after it took effect (backdated, with the reason),
 * a translation published later, changes declared editorial by decision
 * (with the reason), with less notice than required (and why), a
 * postponement, a withdrawal. The version
 * page, the history and the Atom and JSON feeds all say the same words.
 */
import { formatEffectiveDate } from '#lib/time/format-date.ts';
import type { TimelineVersion } from '#lib/timeline/timeline.ts';
import { getUiStrings } from '#lib/site/ui-strings.ts';
import { parseNotice } from '#lib/notice/notice-period.ts';

const DAY_MS = 86_400_000;

/** The notes of a version, in its locale's interface language, dates in the site's time zone. */
export function getPublicationNotes(version: Pick<TimelineVersion, 'locale' | 'effectiveFrom' | 'published'>, timeZone: string, options: { withdrawal?: boolean } = {}): string[] {
  const ui = getUiStrings(version.locale);
  const date = (instant: number | string) => formatEffectiveDate(typeof instant === 'number' ? instant : Date.parse(instant), ui.lang, timeZone);
  const published = version.published;
  if (!published) return [];
  const notes: string[] = [];
  if (published.withdrawn && options.withdrawal !== false) notes.push(ui.noticeWithdrawn(date(published.withdrawn.recordedAt), published.withdrawn.reason), ui.noticeWithdrawnNever);
  if (published.publication.kind === 'backdated') {
    notes.push(ui.publishedLate(date(published.publishedAt), date(version.effectiveFrom)));
    if (published.publication.reason !== null) notes.push(ui.backdatedReason(published.publication.reason));
  }
  if (published.publication.kind === 'late-translation') notes.push(ui.translationPublished(date(published.publishedAt)));
  if (published.editorialCheck?.result === 'confirmed' && published.editorialCheck.reason !== null) notes.push(ui.editorialConfirmed(date(published.publishedAt), published.editorialCheck.reason));
  if (published.shortNotice) {
    const { shortNotice } = published;
    const length = (ms: number) => (ms >= DAY_MS || ms % DAY_MS === 0 ? ui.notice.days(Math.floor(ms / DAY_MS)) : ui.notice.hours(Math.floor(ms / 3_600_000)));
    const required = parseNotice(shortNotice.requiredNotice);
    const given = Date.parse(shortNotice.effectiveFrom) - Date.parse(published.publishedAt);
    notes.push(ui.notice.shortNotice(date(published.publishedAt), length(Math.max(0, given)), required.ok ? length(required.ms) : String(shortNotice.requiredNotice), shortNotice.reason));
  }
  for (const change of published.rescheduled) notes.push(ui.rescheduled(date(change.recordedAt), date(change.previousEffectiveFrom), date(change.effectiveFrom), change.reason));
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

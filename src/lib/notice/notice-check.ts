/**
 * The rule of notice before change, against the published-version ledger: a
 * version takes effect no sooner than the policy's notice after it was
 * announced (recorded by `publish`), unless the reason for the short notice
 * is recorded (`publish --short-notice "<reason>"`). A version about to be
 * published is judged against the moment of publishing; a published one
 * against its recorded announcement, so a postponement keeps it and a move to
 * an earlier date is judged by it. History already in force, imported or
 * backdated (its own recorded override) is not judged again.
 */
import type { Ledger, LedgerEntry } from '#schemas/ledger.ts';
import type { LocaleModel } from '#schemas/site-config.ts';
import type { Problem } from '#lib/corpus/problem.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import { getTimelineKey } from '#lib/timeline/policy-corpus.ts';
import { formatZonedInstant, getStartOfZonedDay, getZonedParts } from '#lib/time/zoned-time.ts';
import { getEarliestEffective, getRequiredNotice, getWholeNoticeDays, type NoticeSettings, type RequiredNotice } from './notice-period.ts';
import { problemText } from '#lib/messages/message-catalog.ts';

/** What {@link checkNotice} needs. */
export interface NoticeCheckInput {
  versions: readonly PolicyVersion[];
  ledger: Ledger | null;
  notice?: NoticeSettings | undefined;
  /** The moment of publishing (or of checking): the announcement of a version not in the ledger yet. */
  now: number;
  timeZone: string;
  localeModel: LocaleModel;
}

/** A version whose notice is short, by id: what `publish --short-notice` records. */
export interface ShortNotice {
  required: RequiredNotice;
  /** When it was (or would be) announced. */
  announcedAt: number;
  effectiveFrom: number;
}

/** The first calendar day (`YYYY-MM-DD`, in the time zone) that starts no earlier than `instant`. */
export function getFirstDayFrom(instant: number, timeZone: string): string {
  const parts = getZonedParts(instant, timeZone);
  const start = getStartOfZonedDay(parts.year, parts.month, parts.day, timeZone);
  const day = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + (start >= instant ? 0 : 1)));
  return day.toISOString().slice(0, 10);
}

/** When each version (policy timeline and id) was first announced: the earliest `publishedAt` of its texts. */
function getAnnouncements(ledger: Ledger | null, localeModel: LocaleModel): Map<string, number> {
  const announced = new Map<string, number>();
  for (const entry of ledger?.versions ?? []) {
    const key = `${getTimelineKey(entry.policy, entry.locale, localeModel)}\u0000${entry.version}`;
    const at = Date.parse(entry.publishedAt);
    announced.set(key, Math.min(at, announced.get(key) ?? at));
  }
  return announced;
}

/** Whether a ledger entry's notice is judged at all: recorded on time, not withdrawn. */
function isJudged(entry: LedgerEntry): boolean {
  return entry.publication.kind === 'published' && entry.withdrawn === null;
}

/** Checks the notice of every scheduled version; returns the problems and the short ones by id. */
export function checkNotice(input: NoticeCheckInput): { problems: Problem[]; short: Map<string, ShortNotice> } {
  const problems: Problem[] = [];
  const short = new Map<string, ShortNotice>();
  const when = (instant: number) => formatZonedInstant(instant, input.timeZone);
  const entries = new Map((input.ledger?.versions ?? []).map((entry) => [`${entry.policy}/${entry.locale}/${entry.version}`, entry]));
  const announcements = getAnnouncements(input.ledger, input.localeModel);

  for (const version of input.versions) {
    if (version.draft) continue;
    const entry = entries.get(version.id);
    const announcement = announcements.get(`${getTimelineKey(version.policy, version.locale, input.localeModel)}\u0000${version.version}`);
    // Already in force: history, or backdating (refused or recorded by its own rule).
    if (version.effectiveFrom < (entry ? Date.parse(entry.publishedAt) : input.now)) continue;
    if (entry && (!isJudged(entry) || (entry.shortNotice && version.effectiveFrom >= Date.parse(entry.shortNotice.effectiveFrom)))) continue;
    // A scheduled version whose recorded instant has passed is settled history; only a scheduled one is judged.
    if (entry && Date.parse(entry.effectiveFrom) <= input.now) continue;
    const announcedAt = announcement ?? input.now;
    const required = getRequiredNotice(input.notice, version.policy, version.changeType);
    const earliest = getEarliestEffective(announcedAt, required);
    if (required.ms === 0 || version.effectiveFrom >= announcedAt + required.ms) continue;
    short.set(version.id, { required, announcedAt, effectiveFrom: version.effectiveFrom });
    problems.push({
      file: version.file,
      line: version.effectiveLine,
      field: 'effective',
      code: 'short-notice',
      ...problemText('shortNotice', {
        version: version.id,
        changeType: version.changeType,
        effective: when(version.effectiveFrom),
        written: version.effective,
        days: getWholeNoticeDays(required),
        setting: String(required.setting),
        key: required.key,
        announced: announcement !== undefined,
        announcedAt: when(announcedAt),
        earliest: when(earliest),
        firstDay: getFirstDayFrom(earliest, input.timeZone),
        postpone: entry !== undefined,
      }),
    });
  }
  return { problems, short };
}

/**
 * Which text of a version the site served when. A correction replaces a
 * version's text at the instant `publish` recorded it in the ledger: the
 * text before it was served until then, the corrected one from then on. A
 * consent's hash is accepted only for the text served at its instant, so a
 * hash cannot be accepted for a moment before its text existed, nor after
 * it was replaced. The SQL (classify-sql.ts) reads the same intervals from
 * versions.csv's `previousSha256s` and `correctionRecordedAt` columns.
 */
import type { FeedVersion } from '#schemas/feed.ts';

type Correction = FeedVersion['corrections'][number];

/** One text of a version and the half-open interval it was served in (null: open on that side, or not known). */
export interface ServedText {
  sha256: string;
  from: number | null;
  until: number | null;
  /** The correction that replaced it; null for the text served now. */
  replacedBy: Correction | null;
  /** The correction that made it; null for the text as first published. */
  madeBy: Correction | null;
}

/**
 * The texts of a version in the order they were served, oldest first. An
 * interval whose correction has no `recordedAt` (a feed built before it was
 * published) is open on that side: it cannot be checked, and
 * {@link hasUnrecordedCorrection} says so.
 */
export function getServedTexts(version: Pick<FeedVersion, 'sha256' | 'corrections'>): ServedText[] {
  const instantOf = (correction: Correction | undefined) => (correction?.recordedAt === undefined ? null : Date.parse(correction.recordedAt));
  const corrections = version.corrections;
  const texts = corrections.map(
    (correction, index): ServedText => ({
      sha256: correction.previousSha256,
      from: instantOf(corrections[index - 1]),
      until: instantOf(correction),
      replacedBy: correction,
      madeBy: corrections[index - 1] ?? null,
    }),
  );
  texts.push({ sha256: version.sha256, from: instantOf(corrections.at(-1)), until: null, replacedBy: null, madeBy: corrections.at(-1) ?? null });
  return texts;
}

/** Whether some correction of the version does not say when it was recorded. */
export function hasUnrecordedCorrection(version: Pick<FeedVersion, 'corrections'>): boolean {
  return version.corrections.some((correction) => correction.recordedAt === undefined);
}

/** What the texts with a hash say about a window of time `[start, end)` (an exact instant t is `[t, t + 1)`). */
export type ServedVerdict = { kind: 'served'; text: ServedText } | { kind: 'not-yet-served'; text: ServedText } | { kind: 'already-replaced'; text: ServedText } | { kind: 'unknown-hash' };

/**
 * Whether a text with this hash was served during the window: served when
 * one such text's interval meets it; else not yet served when one was
 * first served after it; else already replaced before it.
 */
export function findServedText(texts: readonly ServedText[], sha256: string, start: number, end: number): ServedVerdict {
  const matches = texts.filter((text) => text.sha256 === sha256);
  if (matches.length === 0) return { kind: 'unknown-hash' };
  const served = matches.find((text) => (text.from === null || text.from < end) && (text.until === null || start < text.until));
  if (served) return { kind: 'served', text: served };
  const later = matches.find((text) => text.from !== null && text.from >= end);
  if (later) return { kind: 'not-yet-served', text: later };
  return { kind: 'already-replaced', text: matches.at(-1) as ServedText };
}

/** The text served at an instant. */
export function findTextServedAt(texts: readonly ServedText[], instant: number): ServedText | undefined {
  return texts.find((text) => (text.from === null || text.from <= instant) && (text.until === null || instant < text.until));
}

/**
 * The texts of one policy in one locale: its versions ordered by the instant
 * they take effect, each with its half-open interval
 * [effectiveFrom, effectiveUntil). At the exact instant a version takes
 * effect it is the one in force; one millisecond before, its predecessor is.
 * When translations share one timeline, a text's interval ends where the
 * policy's next version begins, whether or not this locale has its text: a
 * locale can then have no text in force (see policy-corpus.ts).
 */
import { findInForceAt, findNextAfter, getIntervalStatus, isInForceAt, type IntervalStatus } from '#lib/time/interval.ts';
import type { PolicyVersion } from './policy-version.ts';
import { getPublishedText } from './published-text.ts';

/** Where a version stands relative to a given "now": `withdrawn` ones never take effect. */
export type VersionStatus = IntervalStatus | 'withdrawn';

/** A version placed on its timeline. */
export interface TimelineVersion extends PolicyVersion {
  /** When the next version takes effect; null while no later version exists. */
  effectiveUntil: number | null;
  /** Position on the timeline, 0 for the first version. */
  index: number;
  /** The version before this one, if any. */
  previousVersion: string | null;
  /** The version after this one, if any. */
  nextVersion: string | null;
  /** Hex SHA-256 of the published Markdown ({@link getPublishedText}). */
  sha256: string;
}

/** All versions of one policy in one locale, oldest first. */
export interface Timeline {
  policy: string;
  locale: string;
  versions: TimelineVersion[];
}

/**
 * Orders versions of one policy and locale and computes their intervals.
 * Versions must have distinct instants (validation guarantees it); ids break
 * ties anyway so the order never depends on input order.
 * @param untilOf where a version's interval ends; default: where this locale's next version begins
 */
export function buildTimeline(policy: string, locale: string, versions: readonly PolicyVersion[], untilOf?: (version: PolicyVersion) => number | null): Timeline {
  const sorted = [...versions].sort((a, b) => a.effectiveFrom - b.effectiveFrom || (a.version < b.version ? -1 : 1));
  return {
    policy,
    locale,
    versions: sorted.map((version, index) => ({
      ...version,
      index,
      effectiveUntil: untilOf ? untilOf(version) : (sorted[index + 1]?.effectiveFrom ?? null),
      previousVersion: sorted[index - 1]?.version ?? null,
      nextVersion: sorted[index + 1]?.version ?? null,
      sha256: getPublishedText(version).sha256,
    })),
  };
}

const startOf = (version: TimelineVersion) => version.effectiveFrom;

const intervalOf = (version: TimelineVersion) => ({ from: version.effectiveFrom, until: version.effectiveUntil });

/**
 * This locale's text in force at an instant, or undefined before the first
 * takes effect, or when the version in force has no text in this locale.
 */
export function getVersionInForceAt(timeline: Timeline, instant: number): TimelineVersion | undefined {
  const latest = findInForceAt(timeline.versions, instant, startOf);
  return latest && isInForceAt(intervalOf(latest), instant) ? latest : undefined;
}

/** Whether a version is scheduled, in force, superseded or withdrawn at `now`. */
export function getVersionStatus(version: Pick<TimelineVersion, 'effectiveFrom' | 'effectiveUntil'> & { published?: PolicyVersion['published'] }, now: number): VersionStatus {
  if (version.published?.withdrawn) return 'withdrawn';
  return getIntervalStatus({ from: version.effectiveFrom, until: version.effectiveUntil }, now);
}

/**
 * The text a stable "current" URL shows at `now`: this locale's text in
 * force; when the version in force has no text here, the latest earlier one
 * (its page says it is for reference only); before any takes effect, the
 * first scheduled one (its page says so).
 */
export function getCurrentVersion(timeline: Timeline, now: number): TimelineVersion | undefined {
  return findInForceAt(timeline.versions, now, startOf) ?? timeline.versions[0];
}

/**
 * The text the stable URL shows for reference only: this locale's latest
 * text, when the version that superseded it has no text in this locale.
 */
export function getReferenceText(timeline: Timeline, now: number): TimelineVersion | undefined {
  const shown = getCurrentVersion(timeline, now);
  return shown && getVersionStatus(shown, now) === 'superseded' ? shown : undefined;
}

/** The next instant after `now` at which a version takes effect, if any. */
export function getNextChangeAfter(timeline: Timeline, now: number): TimelineVersion | undefined {
  return findNextAfter(timeline.versions, now, startOf);
}

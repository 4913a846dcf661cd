/**
 * The timeline of one policy in one locale: its versions ordered by the
 * instant they take effect, each with its half-open interval
 * [effectiveFrom, effectiveUntil). At the exact instant a version takes
 * effect it is the one in force; one millisecond before, its predecessor is.
 */
import { countStartedBy, findInForceAt, findNextAfter, getIntervalStatus, type IntervalStatus } from '#lib/time/interval.ts';
import type { PolicyVersion } from './policy-version.ts';
import { getPublishedText } from './published-text.ts';

/** Where a version stands relative to a given "now". */
export type VersionStatus = IntervalStatus;

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
 */
export function buildTimeline(policy: string, locale: string, versions: readonly PolicyVersion[]): Timeline {
  const sorted = [...versions].sort((a, b) => a.effectiveFrom - b.effectiveFrom || (a.version < b.version ? -1 : 1));
  return {
    policy,
    locale,
    versions: sorted.map((version, index) => ({
      ...version,
      index,
      effectiveUntil: sorted[index + 1]?.effectiveFrom ?? null,
      previousVersion: sorted[index - 1]?.version ?? null,
      nextVersion: sorted[index + 1]?.version ?? null,
      sha256: getPublishedText(version).sha256,
    })),
  };
}

const startOf = (version: TimelineVersion) => version.effectiveFrom;

/** The version in force at an instant, or undefined before the first version takes effect. */
export function getVersionInForceAt(timeline: Timeline, instant: number): TimelineVersion | undefined {
  return findInForceAt(timeline.versions, instant, startOf);
}

/** Whether a version is scheduled, in force or superseded at `now`. */
export function getVersionStatus(version: Pick<TimelineVersion, 'effectiveFrom' | 'effectiveUntil'>, now: number): VersionStatus {
  return getIntervalStatus({ from: version.effectiveFrom, until: version.effectiveUntil }, now);
}

/**
 * The version a stable "current" URL shows at `now`: the one in force, or,
 * before any takes effect, the first scheduled one (its page says so).
 */
export function getCurrentVersion(timeline: Timeline, now: number): TimelineVersion | undefined {
  return getVersionInForceAt(timeline, now) ?? timeline.versions[0];
}

/** The next instant after `now` at which a version takes effect, if any. */
export function getNextChangeAfter(timeline: Timeline, now: number): TimelineVersion | undefined {
  return findNextAfter(timeline.versions, now, startOf);
}

/** The versions of a timeline that had taken effect by `now`, oldest first. */
export function getVersionsStartedBy(timeline: Timeline, now: number): TimelineVersion[] {
  return timeline.versions.slice(0, countStartedBy(timeline.versions, now, startOf));
}

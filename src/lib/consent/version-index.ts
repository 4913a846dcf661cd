/**
 * Resolving versions from the feed's data alone: which version of a policy
 * was in force in a locale at an instant, and by how long a version missed an
 * instant. Works the same on a local corpus and on a published feed, because
 * both are first turned into feed versions.
 */
import { findInForceAt, type Interval } from '#lib/time/interval.ts';
import type { FeedVersion } from '#schemas/feed.ts';

/** A feed version with its interval as numbers. */
export interface IndexedVersion extends FeedVersion, Interval {}

/** Feed versions indexed for lookups. */
export interface VersionIndex {
  /** Versions by `policy/locale`, oldest first. */
  timelines: Map<string, IndexedVersion[]>;
  /** Versions by `policy/locale/version`. */
  versions: Map<string, IndexedVersion>;
  /** Locales of each policy. */
  policies: Map<string, Set<string>>;
}

/** Indexes feed versions. */
export function createVersionIndex(feedVersions: readonly FeedVersion[]): VersionIndex {
  const index: VersionIndex = { timelines: new Map(), versions: new Map(), policies: new Map() };
  for (const feedVersion of feedVersions) {
    const version: IndexedVersion = {
      ...feedVersion,
      from: Date.parse(feedVersion.effectiveFrom),
      until: feedVersion.effectiveUntil === null ? null : Date.parse(feedVersion.effectiveUntil),
    };
    const key = `${version.policy}/${version.locale}`;
    const timeline = index.timelines.get(key);
    if (timeline) timeline.push(version);
    else index.timelines.set(key, [version]);
    index.versions.set(`${key}/${version.version}`, version);
    const locales = index.policies.get(version.policy);
    if (locales) locales.add(version.locale);
    else index.policies.set(version.policy, new Set([version.locale]));
  }
  for (const timeline of index.timelines.values()) timeline.sort((a, b) => a.from - b.from);
  return index;
}

/** The version in force at an instant (half-open intervals), or undefined. */
export function findVersionAt(index: VersionIndex, policy: string, locale: string, instant: number): IndexedVersion | undefined {
  const timeline = index.timelines.get(`${policy}/${locale}`);
  return timeline ? findInForceAt(timeline, instant, (version) => version.from) : undefined;
}

/** A version by its id. */
export function findVersion(index: VersionIndex, policy: string, locale: string, version: string): IndexedVersion | undefined {
  return index.versions.get(`${policy}/${locale}/${version}`);
}

/** A duration for people: `3 d 4 h`, `12 min 5 s`, `250 ms`. */
export function formatDuration(ms: number): string {
  const units: [string, number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
    ['s', 1000],
  ];
  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const [unit, size] of units) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    }
    if (parts.length === 2) break;
  }
  if (parts.length === 0) return `${rest} ms`;
  return parts.join(' ');
}

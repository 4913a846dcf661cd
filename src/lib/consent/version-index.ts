/**
 * Resolving versions from the feed's data alone: which version of a policy
 * was in force at an instant, which text of it a locale has, and by how long
 * a version missed an instant. Works the same on a local corpus and on a
 * published feed, because both are first turned into policy feeds. When a
 * policy's locales are translations (the feed's `localeModel`), the policy
 * has one timeline and a locale may have no text of the version in force; a
 * feed written before `localeModel` existed had one timeline per locale.
 */
import { countStartedBy, findInForceAt, isInForceAt, type Interval } from '#lib/time/interval.ts';
import type { FeedVersion, PolicyFeed, WithdrawnFeedVersion } from '#schemas/feed.ts';
import type { LocaleModel } from '#schemas/site-config.ts';
import { getTimelineKey } from '#lib/timeline/policy-corpus.ts';
import { getServedTexts, type ServedText } from './served-texts.ts';

/** A feed version with its interval as numbers, and when each of its texts was served. */
export interface IndexedVersion extends FeedVersion, Interval {
  served: ServedText[];
}

/** One version of a timeline, with the text of each locale that has one. */
export interface IndexedEntry extends Interval {
  policy: string;
  version: string;
  /** Texts by locale. */
  texts: Map<string, IndexedVersion>;
  /** Locales with a text, sorted. */
  locales: string[];
  /** When the ledger first recorded the version, in any language (null outside the ledger). */
  recordedFrom: number | null;
  /** Whether a text of it was published backdated: recorded after it took effect. */
  backdated: boolean;
}

/** Feed versions indexed for lookups. */
export interface VersionIndex {
  /** Timelines by key ({@link getTimelineKey}), oldest first. */
  timelines: Map<string, IndexedEntry[]>;
  /** Versions by `policy/locale/version`. */
  versions: Map<string, IndexedVersion>;
  /** Locales of each policy. */
  policies: Map<string, Set<string>>;
  /** How each policy's locales relate. */
  localeModels: Map<string, LocaleModel>;
  /** Withdrawn versions by `policy/locale/version`. */
  withdrawn: Map<string, WithdrawnFeedVersion>;
}

/** What the index reads of a policy feed. */
export type IndexedFeed = Pick<PolicyFeed, 'policy' | 'versions'> & Partial<Pick<PolicyFeed, 'localeModel' | 'withdrawn'>>;

/** Indexes the versions of policy feeds. */
export function createVersionIndex(feeds: readonly IndexedFeed[]): VersionIndex {
  const index: VersionIndex = { timelines: new Map(), versions: new Map(), policies: new Map(), localeModels: new Map(), withdrawn: new Map() };
  const entries = new Map<string, IndexedEntry>();
  for (const feed of feeds) {
    // Before localeModel existed, each locale's intervals were its own.
    const model = feed.localeModel ?? 'independent';
    index.localeModels.set(feed.policy, model);
    for (const withdrawn of feed.withdrawn ?? []) index.withdrawn.set(`${withdrawn.policy}/${withdrawn.locale}/${withdrawn.version}`, withdrawn);
    for (const feedVersion of feed.versions) {
      const version: IndexedVersion = {
        ...feedVersion,
        from: Date.parse(feedVersion.effectiveFrom),
        until: feedVersion.effectiveUntil === null ? null : Date.parse(feedVersion.effectiveUntil),
        served: getServedTexts(feedVersion),
      };
      index.versions.set(`${version.policy}/${version.locale}/${version.version}`, version);
      const locales = index.policies.get(version.policy);
      if (locales) locales.add(version.locale);
      else index.policies.set(version.policy, new Set([version.locale]));
      const key = getTimelineKey(version.policy, version.locale, model);
      const entryKey = `${key}\u0000${version.version}`;
      const entry = entries.get(entryKey);
      if (entry) entry.texts.set(version.locale, version);
      else {
        const created: IndexedEntry = {
          policy: version.policy,
          version: version.version,
          from: version.from,
          until: version.until,
          texts: new Map([[version.locale, version]]),
          locales: [],
          recordedFrom: null,
          backdated: false,
        };
        entries.set(entryKey, created);
        const timeline = index.timelines.get(key);
        if (timeline) timeline.push(created);
        else index.timelines.set(key, [created]);
      }
    }
  }
  for (const entry of entries.values()) {
    entry.locales = [...entry.texts.keys()].sort();
    const texts = [...entry.texts.values()];
    const recorded = texts.flatMap((text) => (text.publishedAt === null ? [] : [Date.parse(text.publishedAt)]));
    entry.recordedFrom = recorded.length > 0 ? Math.min(...recorded) : null;
    entry.backdated = texts.some((text) => text.publication === 'backdated');
  }
  for (const timeline of index.timelines.values()) timeline.sort((a, b) => a.from - b.from);
  return index;
}

/** The timeline a locale's texts of a policy follow. */
export function getIndexedTimeline(index: VersionIndex, policy: string, locale: string): IndexedEntry[] {
  return index.timelines.get(getTimelineKey(policy, locale, index.localeModels.get(policy) ?? 'independent')) ?? [];
}

/** The version of a policy in force at an instant (half-open intervals), whatever its languages, or undefined. */
export function findEntryAt(index: VersionIndex, policy: string, locale: string, instant: number): IndexedEntry | undefined {
  const entry = findInForceAt(getIndexedTimeline(index, policy, locale), instant, (candidate) => candidate.from);
  return entry && isInForceAt(entry, instant) ? entry : undefined;
}

/** Whether a version was in force at an instant only retroactively: published backdated, and not recorded in any language until later. */
export function isBackdatedAt(entry: IndexedEntry, instant: number): boolean {
  return entry.backdated && entry.recordedFrom !== null && instant < entry.recordedFrom;
}

/**
 * The version a reader could find in force at an instant: the one in force,
 * unless it was backdated over that instant, then the latest one before it
 * that was not (what the site showed until the backdated one was published).
 */
export function findReadableEntryAt(index: VersionIndex, policy: string, locale: string, instant: number): IndexedEntry | undefined {
  const timeline = getIndexedTimeline(index, policy, locale);
  for (let at = countStartedBy(timeline, instant, (entry) => entry.from) - 1; at >= 0; at -= 1) {
    const entry = timeline[at] as IndexedEntry;
    if (!isBackdatedAt(entry, instant)) return entry;
  }
  return undefined;
}

/**
 * This locale's text of the version in force at an instant, or undefined (none in force, or no text in this locale).
 * @public Exported for its tests: the tests compare it with the timeline's answer, the one-timeline property.
 */
export function findVersionAt(index: VersionIndex, policy: string, locale: string, instant: number): IndexedVersion | undefined {
  return findEntryAt(index, policy, locale, instant)?.texts.get(locale);
}

/** A version by its id. */
export function findVersion(index: VersionIndex, policy: string, locale: string, version: string): IndexedVersion | undefined {
  return index.versions.get(`${policy}/${locale}/${version}`);
}

/** A version of the timeline a locale follows, by id, whatever its languages. */
export function findEntry(index: VersionIndex, policy: string, locale: string, version: string): IndexedEntry | undefined {
  return getIndexedTimeline(index, policy, locale).find((entry) => entry.version === version);
}

/** How a count of one unit of a duration is written: `3 d` in English, «3 дня» in Russian. */
export type DurationUnit = (count: number, unit: 'd' | 'h' | 'min' | 's' | 'ms') => string;

const enDurationUnit: DurationUnit = (count, unit) => `${count} ${unit}`;

/**
 * A duration for people: `3 d 4 h`, `12 min 5 s`, `250 ms`; under a
 * millisecond (an instant written with more than three fraction digits) in
 * microseconds or nanoseconds, `100 ns`, never rounded up to `1 ms`.
 * `unit` writes each part in the reader's language (English by default).
 */
export function formatDuration(ms: number, unit: DurationUnit = enDurationUnit): string {
  const size = Math.abs(ms);
  if (size < 1) return size * 1000 >= 1 ? `${Math.floor(size * 1000)} µs` : `${Math.round(size * 1_000_000)} ns`;
  const units: [Parameters<DurationUnit>[1], number][] = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['min', 60_000],
    ['s', 1000],
  ];
  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const [name, size] of units) {
    if (rest >= size) {
      parts.push(unit(Math.floor(rest / size), name));
      rest %= size;
    }
    if (parts.length === 2) break;
  }
  if (parts.length === 0) return unit(Math.floor(rest), 'ms');
  return parts.join(' ');
}

/** This locale's latest text that had taken effect by an instant, in force or not: what its stable page showed then. */
export function findInForceOrLastText(index: VersionIndex, policy: string, locale: string, instant: number): IndexedVersion | undefined {
  const texts = getIndexedTimeline(index, policy, locale).flatMap((entry) => {
    const text = entry.texts.get(locale);
    return text ? [text] : [];
  });
  return findInForceAt(texts, instant, (text) => text.from);
}

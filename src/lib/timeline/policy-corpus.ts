/**
 * The whole corpus as the site sees it. A policy has one timeline of
 * versions (when its locales are translations, the default): a version takes
 * effect for every language at once, and each locale has its texts of some of
 * those versions. The texts of each policy and locale are a {@link Timeline}
 * whose intervals come from the policy's timeline, so a locale may have no
 * text of the version in force: every surface then says which version is in
 * force and in which languages it exists. When locales are independent
 * documents, each policy and locale is its own timeline. Built once per build
 * from validated versions; pages, feeds, the CLI and tests query it.
 */
import type { LocaleModel } from '#schemas/site-config.ts';
import { findInForceAt, findNextAfter, isInForceAt } from '#lib/time/interval.ts';
import type { PolicyVersion } from './policy-version.ts';
import { buildTimeline, type Timeline, type TimelineVersion } from './timeline.ts';

/** One version of a policy's timeline, whatever the language. */
export interface TimelineEntry {
  policy: string;
  version: string;
  effectiveFrom: number;
  /** When the next version of the policy takes effect; null while none is published. */
  effectiveUntil: number | null;
  /** The locales that have a text of this version, sorted. */
  locales: string[];
}

/** The versions that decide what is in force, in order (see {@link getTimelineKey}). */
export interface VersionTimeline {
  key: string;
  entries: TimelineEntry[];
}

/** Timelines of every policy and locale. */
export interface PolicyCorpus {
  /** Policy ids, sorted. */
  policies: string[];
  /** Locales that have at least one version, sorted. */
  locales: string[];
  localeModel: LocaleModel;
  /** The texts of each policy and locale, by `<policy>/<locale>`, in sorted key order. Withdrawn versions are not in them. */
  timelines: Map<string, Timeline>;
  /** The version timelines, by {@link getTimelineKey}. */
  versionTimelines: Map<string, VersionTimeline>;
  /** Versions withdrawn before they took effect: never in force, kept for their permanent pages. */
  withdrawn: TimelineVersion[];
}

/**
 * The key of the timeline that decides when a locale's text is in force:
 * the policy's own (translations share one timeline), or, when locales are
 * independent documents, the policy and locale.
 */
export function getTimelineKey(policy: string, locale: string, localeModel: LocaleModel): string {
  return localeModel === 'translations' ? policy : `${policy}/${locale}`;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Groups versions into timelines. */
export function buildPolicyCorpus(versions: readonly PolicyVersion[], options: { localeModel?: LocaleModel } = {}): PolicyCorpus {
  const localeModel = options.localeModel ?? 'translations';
  const active = versions.filter((version) => !version.published?.withdrawn);
  const keyOf = (version: Pick<PolicyVersion, 'policy' | 'locale'>) => getTimelineKey(version.policy, version.locale, localeModel);

  const versionTimelines = new Map<string, VersionTimeline>();
  const entryOf = new Map<string, TimelineEntry>();
  for (const [key, group] of groupBy(active, keyOf)) {
    const byId = [...groupBy(group, (version) => version.version).values()].map((texts) => {
      const [first] = texts;
      return {
        policy: first?.policy ?? '',
        version: first?.version ?? '',
        // Validation makes translations agree; the earliest wins should a dev server show them disagreeing.
        effectiveFrom: Math.min(...texts.map((text) => text.effectiveFrom)),
        effectiveUntil: null as number | null,
        locales: texts.map((text) => text.locale).sort(),
      };
    });
    byId.sort((a, b) => a.effectiveFrom - b.effectiveFrom || (a.version < b.version ? -1 : 1));
    byId.forEach((entry, index) => {
      entry.effectiveUntil = byId[index + 1]?.effectiveFrom ?? null;
      entryOf.set(`${key}\u0000${entry.version}`, entry);
    });
    versionTimelines.set(key, { key, entries: byId });
  }

  const timelines = new Map<string, Timeline>();
  const groups = groupBy(active, (version) => `${version.policy}/${version.locale}`);
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key) ?? [];
    const [first] = group;
    if (first)
      timelines.set(
        key,
        buildTimeline(first.policy, first.locale, group, (version) => entryOf.get(`${keyOf(version)}\u0000${version.version}`)?.effectiveUntil ?? null),
      );
  }
  const withdrawn = versions
    .filter((version) => version.published?.withdrawn)
    .map((version) => buildTimeline(version.policy, version.locale, [version], () => null).versions[0])
    .filter((version): version is TimelineVersion => version !== undefined)
    .map((version) => ({ ...version, index: -1 }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    // A policy or locale whose only versions were withdrawn has nothing in force to list.
    policies: [...new Set(active.map((v) => v.policy))].sort(),
    locales: [...new Set(active.map((v) => v.locale))].sort(),
    localeModel,
    timelines,
    versionTimelines,
    withdrawn,
  };
}

/** The timeline of a policy in a locale, if the corpus has it. */
export function getTimeline(corpus: PolicyCorpus, policy: string, locale: string): Timeline | undefined {
  return corpus.timelines.get(`${policy}/${locale}`);
}

/** The version timeline a locale's texts follow. */
export function getVersionTimeline(corpus: PolicyCorpus, policy: string, locale: string): VersionTimeline | undefined {
  return corpus.versionTimelines.get(getTimelineKey(policy, locale, corpus.localeModel));
}

const startOf = (entry: TimelineEntry) => entry.effectiveFrom;

/** The version of a policy in force at an instant (whatever the language of its texts), or undefined. */
export function getEntryInForceAt(corpus: PolicyCorpus, policy: string, locale: string, instant: number): TimelineEntry | undefined {
  const entry = findInForceAt(getVersionTimeline(corpus, policy, locale)?.entries ?? [], instant, startOf);
  return entry && isInForceAt({ from: entry.effectiveFrom, until: entry.effectiveUntil }, instant) ? entry : undefined;
}

/** The next version of a policy to take effect after `now`, whatever its languages. */
export function getNextEntryAfter(corpus: PolicyCorpus, policy: string, locale: string, now: number): TimelineEntry | undefined {
  return findNextAfter(getVersionTimeline(corpus, policy, locale)?.entries ?? [], now, startOf);
}

/** A version of a policy's timeline by id. */
export function getEntry(corpus: PolicyCorpus, policy: string, locale: string, version: string): TimelineEntry | undefined {
  return getVersionTimeline(corpus, policy, locale)?.entries.find((entry) => entry.version === version);
}

/**
 * The text to point to for a version that has none in `locale`: the default
 * locale's when it has one, else the first locale that has it.
 */
export function getTextElsewhere(corpus: PolicyCorpus, entry: TimelineEntry, defaultLocale: string): TimelineVersion | undefined {
  const locale = entry.locales.includes(defaultLocale) ? defaultLocale : entry.locales[0];
  return locale === undefined ? undefined : getVersion(corpus, entry.policy, locale, entry.version);
}

/** Locales in which a policy has versions, sorted. */
export function getPolicyLocales(corpus: PolicyCorpus, policy: string): string[] {
  return corpus.locales.filter((locale) => corpus.timelines.has(`${policy}/${locale}`));
}

/** A version by its key (withdrawn ones included). */
export function getVersion(corpus: PolicyCorpus, policy: string, locale: string, version: string): TimelineVersion | undefined {
  return getTimeline(corpus, policy, locale)?.versions.find((v) => v.version === version) ?? corpus.withdrawn.find((v) => v.policy === policy && v.locale === locale && v.version === version);
}

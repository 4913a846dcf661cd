/**
 * The whole corpus as the site sees it: every timeline, indexed by policy and
 * locale. Built once per build from validated versions; pages, feeds, the CLI
 * and tests query it.
 */
import type { PolicyVersion } from './policy-version.ts';
import { buildTimeline, type Timeline, type TimelineVersion } from './timeline.ts';

/** Timelines of every policy and locale. */
export interface PolicyCorpus {
  /** Policy ids, sorted. */
  policies: string[];
  /** Locales that have at least one version, sorted. */
  locales: string[];
  /** Timelines by `<policy>/<locale>`, in sorted key order. */
  timelines: Map<string, Timeline>;
}

/** Groups versions into timelines. */
export function buildPolicyCorpus(versions: readonly PolicyVersion[]): PolicyCorpus {
  const groups = new Map<string, PolicyVersion[]>();
  for (const version of versions) {
    const key = `${version.policy}/${version.locale}`;
    const group = groups.get(key);
    if (group) group.push(version);
    else groups.set(key, [version]);
  }
  const timelines = new Map<string, Timeline>();
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key) ?? [];
    const [first] = group;
    if (first) timelines.set(key, buildTimeline(first.policy, first.locale, group));
  }
  return {
    policies: [...new Set(versions.map((v) => v.policy))].sort(),
    locales: [...new Set(versions.map((v) => v.locale))].sort(),
    timelines,
  };
}

/** The timeline of a policy in a locale, if the corpus has it. */
export function getTimeline(corpus: PolicyCorpus, policy: string, locale: string): Timeline | undefined {
  return corpus.timelines.get(`${policy}/${locale}`);
}

/** Locales in which a policy has versions, sorted. */
export function getPolicyLocales(corpus: PolicyCorpus, policy: string): string[] {
  return corpus.locales.filter((locale) => corpus.timelines.has(`${policy}/${locale}`));
}

/** A version by its key. */
export function getVersion(corpus: PolicyCorpus, policy: string, locale: string, version: string): TimelineVersion | undefined {
  return getTimeline(corpus, policy, locale)?.versions.find((v) => v.version === version);
}

/**
 * Which pairs of versions get a pre-rendered redline page: each version
 * against the one before it, and each version older than the one in force
 * against that one. Both are linear in the number of versions; any other pair
 * is compared in the browser.
 */
import type { PolicyCorpus } from '#lib/timeline/policy-corpus.ts';
import { getVersionInForceAt, type Timeline, type TimelineVersion } from '#lib/timeline/timeline.ts';

/** Two versions of one policy and locale, older first. */
export interface RedlinePair {
  from: TimelineVersion;
  to: TimelineVersion;
}

/** The pairs of a timeline that get pre-rendered redline pages, at build instant `now`. */
export function getRedlinePairs(timeline: Timeline, now: number): RedlinePair[] {
  const pairs: RedlinePair[] = [];
  const seen = new Set<string>();
  const add = (from: TimelineVersion | undefined, to: TimelineVersion | undefined) => {
    if (!from || !to || from === to) return;
    const key = `${from.version}\u0000${to.version}`;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push({ from, to });
  };
  const inForce = getVersionInForceAt(timeline, now);
  // Each version's pairs side by side, so a build cuts each version into blocks once and reuses it.
  timeline.versions.forEach((version, index) => {
    add(timeline.versions[index - 1], version);
    if (inForce && index < inForce.index) add(version, inForce);
  });
  return pairs;
}

/** The pairs of every timeline of a corpus that get redline pages, in the order the pages are written. */
export function getCorpusRedlinePairs(corpus: PolicyCorpus, now: number): RedlinePair[] {
  return [...corpus.timelines.values()].flatMap((timeline) => getRedlinePairs(timeline, now));
}

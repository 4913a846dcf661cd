/**
 * The pages and files a build writes, as Astro's `getStaticPaths` wants
 * them: one function per route, each a pure function of the site context, so
 * the route logic (which versions get a page, which hashes get a file) is
 * tested like any other and every route file is one call.
 */
import { getPublishedHashes } from '#lib/ledger/publication.ts';
import { getCorpusRedlinePairs, type RedlinePair } from '#lib/redline/redline-pairs.ts';
import { getSiteLocales } from '#lib/site/language-alternates.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import { getCurrentVersion, type Timeline, type TimelineVersion } from '#lib/timeline/timeline.ts';
import { getHistoryView, type HistoryView } from './history-view.ts';

/** One page or file: its route parameters and what it renders. */
export type StaticPath<P extends Record<string, string>, T = never> = { params: P } & ([T] extends [never] ? unknown : { props: T });

const timelinesOf = (context: SiteContext): Timeline[] => [...context.corpus.timelines.values()];

/** `/<locale>/…` pages: one per locale of the site. */
export function getLocalePaths(context: SiteContext): StaticPath<{ locale: string }>[] {
  return getSiteLocales(context).map((locale) => ({ params: { locale } }));
}

/** One page or file per policy: the policy feeds. */
export function getPolicyPaths(context: SiteContext): StaticPath<{ policy: string }>[] {
  return context.corpus.policies.map((policy) => ({ params: { policy } }));
}

/** One file per policy and locale: Atom, JSON Feed, TimeMap. */
export function getTimelinePaths(context: SiteContext): StaticPath<{ policy: string; locale: string }, { timeline: Timeline }>[] {
  return timelinesOf(context).map((timeline) => ({ params: { policy: timeline.policy, locale: timeline.locale }, props: { timeline } }));
}

/** Every version a build has a page for: those of the timelines, and, with `withdrawn`, those withdrawn before taking effect. */
function versionsOf(context: SiteContext, withdrawn: boolean): { timeline: Timeline; version: TimelineVersion }[] {
  return [
    ...timelinesOf(context).flatMap((timeline) => timeline.versions.map((version) => ({ timeline, version }))),
    ...(withdrawn ? context.corpus.withdrawn.map((version) => ({ timeline: { policy: version.policy, locale: version.locale, versions: [version] }, version })) : []),
  ];
}

/**
 * One page or file per version: its permanent page, its Markdown, its blocks,
 * its since.json. With `withdrawn`, withdrawn versions too (their permanent
 * page and Markdown stay: they were announced); they have no since.json.
 */
export function getVersionPaths(context: SiteContext, options: { withdrawn?: boolean } = {}): StaticPath<{ policy: string; locale: string; version: string }, { timeline: Timeline; version: TimelineVersion }>[] {
  return versionsOf(context, options.withdrawn ?? false).map(({ timeline, version }) => ({ params: { policy: version.policy, locale: version.locale, version: version.version }, props: { timeline, version } }));
}

/** The stable URL of each policy and locale: the version it shows at the build's "now". */
export function getCurrentPaths(context: SiteContext): StaticPath<{ locale: string; policy: string }, { version: TimelineVersion }>[] {
  return timelinesOf(context).flatMap((timeline) => {
    const version = getCurrentVersion(timeline, context.now);
    return version ? [{ params: { locale: timeline.locale, policy: timeline.policy }, props: { version } }] : [];
  });
}

/**
 * The history page of each policy and locale; with `minVersions`, only those
 * with at least that many versions (the compare form needs two).
 */
export function getHistoryPaths(context: SiteContext, minVersions = 1): StaticPath<{ locale: string; policy: string }, { history: HistoryView }>[] {
  return timelinesOf(context).flatMap((timeline) => {
    const history = getHistoryView(context, timeline.policy, timeline.locale);
    return history && history.versions.length >= minVersions ? [{ params: { locale: timeline.locale, policy: timeline.policy }, props: { history } }] : [];
  });
}

/** One page per recorded correction of a version, numbered from 1. */
export function getCorrectionPaths(context: SiteContext): StaticPath<{ locale: string; policy: string; version: string; n: string }, { version: TimelineVersion; number: number }>[] {
  return versionsOf(context, true).flatMap(({ version }) =>
    (version.published?.corrections ?? []).map((_, index) => ({
      params: { locale: version.locale, policy: version.policy, version: version.version, n: String(index + 1) },
      props: { version, number: index + 1 },
    })),
  );
}

/**
 * One file per text a version ever had, by its hash: the text as published,
 * each corrected text and each postponed one, withdrawn versions included. A
 * change back to an earlier text gives a hash already listed, which is one
 * file, not two.
 */
export function getPublishedHashPaths(context: SiteContext): StaticPath<{ policy: string; locale: string; version: string; sha: string }>[] {
  return versionsOf(context, true).flatMap(({ version }) => {
    if (!version.published) return [];
    return getPublishedHashes(version.published).map((sha) => ({ params: { policy: version.policy, locale: version.locale, version: version.version, sha } }));
  });
}

/** One redline page per pair that gets one (see redline-pairs.ts). */
export function getRedlinePaths(context: SiteContext): StaticPath<{ locale: string; policy: string; from: string; to: string }, { pair: RedlinePair }>[] {
  return getCorpusRedlinePairs(context.corpus, context.now).map((pair) => ({
    params: { locale: pair.to.locale, policy: pair.to.policy, from: pair.from.version, to: pair.to.version },
    props: { pair },
  }));
}

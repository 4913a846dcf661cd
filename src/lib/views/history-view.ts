/**
 * The history page of a policy in a locale: every version, newest first,
 * with its effective period, status at build time and summary.
 */
import { getTimeline } from '#lib/timeline/policy-corpus.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import { getCurrentVersion } from '#lib/timeline/timeline.ts';
import { getVersionView, type VersionView } from './version-view.ts';

/** The history of one policy in one locale. */
export interface HistoryView {
  policy: string;
  locale: string;
  /** Title of the version the stable URL shows. */
  title: string;
  /** Newest first. */
  versions: VersionView[];
}

/** Builds the history page of a policy in a locale, or undefined if it has no versions there. */
export function getHistoryView(context: SiteContext, policy: string, locale: string): HistoryView | undefined {
  const timeline = getTimeline(context.corpus, policy, locale);
  const current = timeline && getCurrentVersion(timeline, context.now);
  if (!timeline || !current) return undefined;
  return {
    policy,
    locale,
    title: current.title,
    versions: timeline.versions.map((version) => getVersionView(context, version)).reverse(),
  };
}

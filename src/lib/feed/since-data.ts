/**
 * `/feed/v1/<policy>/<locale>/<version>/since.json`: for users who accepted
 * this version, the re-consent answer at build time, and every later
 * version with its interval, change type and redline, so a client can answer
 * for any later instant with one fetch and no logic of its own
 * (`decideReconsent`).
 */
import { SinceFeedSchema, type SinceFeed } from '#schemas/feed.ts';
import { decideReconsent, type LaterVersion, type ReconsentInput } from '#lib/consent/reconsent.ts';
import { formatInstant } from '#lib/time/zoned-time.ts';
import { getTimeline } from '#lib/timeline/policy-corpus.ts';
import { getRedlinePairs } from '#lib/redline/redline-pairs.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import type { Timeline, TimelineVersion } from '#lib/timeline/timeline.ts';
import { validateFeedFile } from './feed-data.ts';

/**
 * The input of {@link decideReconsent} for users who accepted `acceptedVersion`
 * of a policy in a locale. Each later version's redline is the pre-rendered
 * page when the build has that pair, else the compare page for the pair.
 */
export function getReconsentInput(context: SiteContext, policy: string, locale: string, acceptedVersion: string): ReconsentInput {
  const { urls, now } = context;
  const timeline = getTimeline(context.corpus, policy, locale);
  const accepted = timeline?.versions.find((version) => version.version === acceptedVersion);
  if (!timeline || !accepted) return { policy, locale, acceptedVersion, accepted: null, later: [] };
  const rendered = new Set(getRedlinePairs(timeline, now).map((pair) => `${pair.from.version}\u0000${pair.to.version}`));
  const url = (version: TimelineVersion) => urls.absolute(urls.version(version.policy, version.locale, version.version));
  const later: LaterVersion[] = timeline.versions.slice(accepted.index + 1).map((version) => ({
    version: version.version,
    title: version.title,
    effectiveFrom: formatInstant(version.effectiveFrom),
    changeType: version.changeType,
    summary: version.summary,
    sha256: version.sha256,
    url: url(version),
    redlineUrl: rendered.has(`${accepted.version}\u0000${version.version}`)
      ? urls.absolute(urls.diff(policy, locale, accepted.version, version.version))
      : `${urls.absolute(urls.compare(policy, locale))}?from=${encodeURIComponent(accepted.version)}&to=${encodeURIComponent(version.version)}`,
  }));
  return {
    policy,
    locale,
    acceptedVersion,
    accepted: { version: accepted.version, title: accepted.title, effectiveFrom: formatInstant(accepted.effectiveFrom), sha256: accepted.sha256, url: url(accepted) },
    later,
  };
}

/** The since.json of one version. */
export function createSinceFeed(context: SiteContext, timeline: Timeline, version: TimelineVersion): SinceFeed {
  const input = getReconsentInput(context, timeline.policy, timeline.locale, version.version);
  const since = {
    $schema: context.urls.absolute(context.urls.feedSchema()),
    feedVersion: 1,
    timeZone: context.settings.timeZone,
    ...input,
    answer: decideReconsent(input, context.now),
  };
  return validateFeedFile(SinceFeedSchema, since, context.urls.since(timeline.policy, timeline.locale, version.version));
}

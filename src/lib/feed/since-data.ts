/**
 * `/feed/v1/<policy>/<locale>/<version>/since.json`: for users who accepted
 * this version, the re-consent answer at build time, and every later
 * version with its interval, change type and redline, so a client can answer
 * for any later instant with one fetch and no logic of its own
 * (`decideReconsent`).
 */
import { SinceFeedSchema, type SinceFeed } from '#schemas/feed.ts';
import { decideReconsent, type LaterVersion, type ReconsentInput } from '#lib/consent/reconsent-decision.ts';
import { formatInstant } from '#lib/time/zoned-time.ts';
import { getTextElsewhere, getTimeline, getTimelineKey, getVersion, getVersionTimeline } from '#lib/timeline/policy-corpus.ts';
import { getRedlinePairs } from '#lib/redline/redline-pairs.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import type { Timeline, TimelineVersion } from '#lib/timeline/timeline.ts';
import { toFeedAnnouncement, validateFeedFile } from './feed-data.ts';

/**
 * The input of {@link decideReconsent} for users who accepted `acceptedVersion`
 * of a policy in a locale: every later version of the policy's timeline, in
 * this locale's text, or, for a version with no text here, in the language it
 * exists in (the default locale first), so the answer names the version
 * really in force. Each later version's redline is the pre-rendered page when
 * the build has that pair, else the compare page for the pair (for a text in
 * another language: that language's redline from the same accepted version
 * when it has one, else the version's page).
 */
export function getReconsentInput(context: SiteContext, policy: string, locale: string, acceptedVersion: string): ReconsentInput {
  const { urls, now, corpus, settings } = context;
  const timeline = getTimeline(corpus, policy, locale);
  const accepted = timeline?.versions.find((version) => version.version === acceptedVersion);
  if (!timeline || !accepted) return { policy, locale, acceptedVersion, accepted: null, later: [] };
  const renderedIn = new Map<string, Set<string>>();
  const rendered = (textLocale: string) => {
    let pairs = renderedIn.get(textLocale);
    if (!pairs) {
      const other = getTimeline(corpus, policy, textLocale);
      pairs = new Set(other ? getRedlinePairs(other, now).map((pair) => `${pair.from.version}\u0000${pair.to.version}`) : []);
      renderedIn.set(textLocale, pairs);
    }
    return pairs;
  };
  const url = (version: TimelineVersion) => urls.absolute(urls.version(version.policy, version.locale, version.version));
  const redlineTo = (text: TimelineVersion) => {
    if (text.locale !== locale && !getVersion(corpus, policy, text.locale, accepted.version)) return url(text);
    return rendered(text.locale).has(`${accepted.version}\u0000${text.version}`)
      ? urls.absolute(urls.diff(policy, text.locale, accepted.version, text.version))
      : `${urls.absolute(urls.compare(policy, text.locale))}?from=${encodeURIComponent(accepted.version)}&to=${encodeURIComponent(text.version)}`;
  };
  const entries = getVersionTimeline(corpus, policy, locale)?.entries ?? [];
  const acceptedAt = entries.findIndex((entry) => entry.version === accepted.version);
  const later: LaterVersion[] = entries.slice(acceptedAt + 1).flatMap((entry) => {
    const text = getVersion(corpus, policy, locale, entry.version) ?? getTextElsewhere(corpus, entry, settings.defaultLocale);
    if (!text) return [];
    return [
      {
        version: entry.version,
        title: text.title,
        effectiveFrom: formatInstant(entry.effectiveFrom),
        changeType: text.changeType,
        summary: text.summary,
        sha256: text.sha256,
        url: url(text),
        redlineUrl: redlineTo(text),
        locale: text.locale,
        locales: entry.locales,
        rescheduled: (text.published?.rescheduled ?? []).map(({ previousEffectiveFrom, effectiveFrom, recordedAt, reason }) => ({ previousEffectiveFrom, effectiveFrom, recordedAt, reason })),
        corrections: (text.published?.corrections ?? []).map(({ date, reason, kind, changeType, summary }) => ({ date, reason, kind, changeType, summary })),
      },
    ];
  });
  const key = getTimelineKey(policy, locale, corpus.localeModel);
  const withdrawn = new Map<string, NonNullable<ReconsentInput['withdrawn']>[number]>();
  for (const version of corpus.withdrawn) {
    if (getTimelineKey(version.policy, version.locale, corpus.localeModel) !== key || version.effectiveFrom <= accepted.effectiveFrom || !version.published?.withdrawn) continue;
    withdrawn.set(version.version, { version: version.version, effectiveFrom: formatInstant(version.effectiveFrom), withdrawnAt: version.published.withdrawn.recordedAt, reason: version.published.withdrawn.reason });
  }
  return {
    policy,
    locale,
    acceptedVersion,
    accepted: { version: accepted.version, title: accepted.title, effectiveFrom: formatInstant(accepted.effectiveFrom), sha256: accepted.sha256, url: url(accepted) },
    later,
    withdrawn: [...withdrawn.values()].sort((a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom)),
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
    announcement: toFeedAnnouncement(context, timeline.policy, timeline.locale),
    // What the kit stores with a consent: the log as it stood when this answer was built.
    checkpoint: context.log.checkpoint,
  };
  return validateFeedFile(SinceFeedSchema, since, context.urls.since(timeline.policy, timeline.locale, version.version));
}

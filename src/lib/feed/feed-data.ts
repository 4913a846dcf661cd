/**
 * Building the JSON feed files from the corpus: the per-policy feed (every
 * version, all locales), the index, and each policy's current.json. Every
 * file is validated against its schema before it is returned, so a file that
 * breaks the contract fails the build instead of reaching a consent database.
 */
import type { z } from 'zod';
import {
  CurrentFeedSchema,
  FeedIndexSchema,
  PolicyFeedSchema,
  type CurrentFeed,
  type CurrentVersion,
  type FeedIndex,
  type FeedVersion,
  type PolicyFeed,
} from '#schemas/feed.ts';
import { formatInstant } from '#lib/time/zoned-time.ts';
import { getPolicyLocales, getTimeline } from '#lib/timeline/policy-corpus.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import { getCurrentVersion, getNextChangeAfter, getVersionInForceAt, type TimelineVersion } from '#lib/timeline/timeline.ts';

/** Thrown when a feed file does not satisfy its own schema (a bug, never a content problem). */
export class FeedContractError extends Error {
  override name = 'FeedContractError';
}

/** Parses data with a feed schema, or throws naming the file and every violation. */
export function validateFeedFile<T extends z.ZodType>(schema: T, data: unknown, file: string): z.output<T> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
    throw new FeedContractError(`${file} does not match the feed schema:\n${issues}`);
  }
  return result.data;
}

/** One version as the feed lists it. */
export function toFeedVersion(context: SiteContext, version: TimelineVersion): FeedVersion {
  const { urls } = context;
  return {
    policy: version.policy,
    locale: version.locale,
    version: version.version,
    title: version.title,
    effectiveFrom: formatInstant(version.effectiveFrom),
    effectiveUntil: version.effectiveUntil === null ? null : formatInstant(version.effectiveUntil),
    sha256: version.sha256,
    url: urls.absolute(urls.version(version.policy, version.locale, version.version)),
    markdownUrl: urls.absolute(urls.raw(version.policy, version.locale, version.version)),
    diffUrl: version.previousVersion === null ? null : urls.absolute(urls.diff(version.policy, version.locale, version.previousVersion, version.version)),
    summary: version.summary,
    changeType: version.changeType,
    publishedAt: version.published?.publishedAt ?? null,
    logIndex: version.published ? context.log.indexOf(version.id, 0) : null,
    corrections: (version.published?.corrections ?? []).map((correction, index) => ({
      date: correction.date,
      reason: correction.reason,
      previousSha256: correction.previousSha256,
      sha256: correction.sha256,
      previousMarkdownUrl: urls.absolute(urls.rawByHash(version.policy, version.locale, version.version, correction.previousSha256)),
      diffUrl: urls.absolute(urls.correction(version.policy, version.locale, version.version, index + 1)),
      logIndex: context.log.indexOf(version.id, index + 1),
    })),
  };
}

/** The short reference to a version that current.json, index.json and version pages carry. */
export function toVersionReference(context: SiteContext, version: TimelineVersion): CurrentVersion {
  const { urls } = context;
  return {
    version: version.version,
    title: version.title,
    effectiveFrom: formatInstant(version.effectiveFrom),
    sha256: version.sha256,
    url: urls.absolute(urls.version(version.policy, version.locale, version.version)),
    markdownUrl: urls.absolute(urls.raw(version.policy, version.locale, version.version)),
  };
}

function toCurrentVersion(context: SiteContext, version: TimelineVersion | undefined): CurrentVersion | null {
  return version ? toVersionReference(context, version) : null;
}

/**
 * `/feed/v1/<policy>.json`. Depends on the content only (not on the build
 * time), so the same policies give byte-identical files.
 */
export function createPolicyFeed(context: SiteContext, policy: string): PolicyFeed {
  const { corpus, urls } = context;
  const locales = getPolicyLocales(corpus, policy);
  const feed = {
    $schema: urls.absolute(urls.feedSchema()),
    feedVersion: 1,
    policy,
    locales,
    versions: locales.flatMap((locale) => getTimeline(corpus, policy, locale)?.versions.map((version) => toFeedVersion(context, version)) ?? []),
  };
  return validateFeedFile(PolicyFeedSchema, feed, urls.policyFeed(policy));
}

/** `/feed/v1/index.json`: every policy, its locales, feeds and the version in force at build time. */
export function createFeedIndex(context: SiteContext): FeedIndex {
  const { corpus, urls, settings, now } = context;
  const index = {
    $schema: urls.absolute(urls.feedSchema()),
    feedVersion: 1,
    siteUrl: settings.siteUrl,
    defaultLocale: settings.defaultLocale,
    timeZone: settings.timeZone,
    log: {
      url: urls.absolute(urls.log()),
      origin: context.log.origin,
      checkpointUrl: urls.absolute(urls.logCheckpoint()),
      verifierKey: context.log.verifierKey,
      size: context.log.tree.size,
    },
    policies: corpus.policies.map((policy) => {
      const locales = getPolicyLocales(corpus, policy);
      const titleLocale = locales.includes(settings.defaultLocale) ? settings.defaultLocale : locales[0] ?? settings.defaultLocale;
      const titleTimeline = getTimeline(corpus, policy, titleLocale);
      return {
        policy,
        title: (titleTimeline && getCurrentVersion(titleTimeline, now)?.title) ?? policy,
        feedUrl: urls.absolute(urls.policyFeed(policy)),
        locales: locales.map((locale) => {
          const timeline = getTimeline(corpus, policy, locale);
          return {
            locale,
            title: (timeline && getCurrentVersion(timeline, now)?.title) ?? policy,
            currentUrl: urls.absolute(urls.current(policy, locale)),
            historyUrl: urls.absolute(urls.history(policy, locale)),
            currentJsonUrl: urls.absolute(urls.currentJson(policy)),
            atomUrl: urls.absolute(urls.atom(policy, locale)),
            jsonFeedUrl: urls.absolute(urls.jsonFeed(policy, locale)),
            timemapUrl: urls.absolute(urls.timemap(policy, locale)),
            inForce: toCurrentVersion(context, timeline && getVersionInForceAt(timeline, now)),
          };
        }),
      };
    }),
  };
  return validateFeedFile(FeedIndexSchema, index, urls.feedIndex());
}

/** `/feed/v1/<policy>/current.json`: the version in force in each locale, and the next one scheduled. */
export function createCurrentFeed(context: SiteContext, policy: string): CurrentFeed {
  const { corpus, urls, now } = context;
  const current = {
    $schema: urls.absolute(urls.feedSchema()),
    feedVersion: 1,
    policy,
    locales: Object.fromEntries(
      getPolicyLocales(corpus, policy).map((locale) => {
        const timeline = getTimeline(corpus, policy, locale);
        return [
          locale,
          {
            inForce: toCurrentVersion(context, timeline && getVersionInForceAt(timeline, now)),
            next: toCurrentVersion(context, timeline && getNextChangeAfter(timeline, now)),
          },
        ];
      }),
    ),
  };
  return validateFeedFile(CurrentFeedSchema, current, urls.currentJson(policy));
}

/** JSON as the feed files are written: two-space indent and a final newline, keys in schema order. */
export function serializeFeed(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

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
  type VersionInForce,
  type WithdrawnFeedVersion,
  type FeedShortNotice,
  type FeedAnnouncement,
} from '#schemas/feed.ts';
import type { ShortNoticeRecord } from '#schemas/ledger.ts';
import { getAnnouncedAt, getAnnouncement, getGivenNoticeDays } from '#lib/notice/announcement.ts';
import { formatInstant } from '#lib/time/zoned-time.ts';
import { getEntry, getEntryInForceAt, getNextEntryAfter, getPolicyLocales, getTimeline, type TimelineEntry } from '#lib/timeline/policy-corpus.ts';
import { getPublishedHashes } from '#lib/ledger/publication.ts';
import { getEventOrdinal, type RecordEvent } from '#lib/log/log-entry.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import { getCurrentVersion, getNextChangeAfter, getReferenceText, getVersionInForceAt, type TimelineVersion } from '#lib/timeline/timeline.ts';

/**
 * Thrown when a feed file does not satisfy its own schema (a bug, never a content problem).
 * @public Exported for its tests: the tests tell this bug apart from a content error by its class.
 */
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

/**
 * The content-addressed URL of a version's current text,
 * `/raw/<policy>/<locale>/<version>/<sha256>.md`, or null where the build
 * serves no such file: only texts the ledger records get one (see
 * getPublishedHashPaths), so a version outside the ledger (the dev server) has none.
 */
export function getSha256Url(context: SiteContext, version: TimelineVersion): string | null {
  if (!version.published || !getPublishedHashes(version.published).includes(version.sha256)) return null;
  return context.urls.absolute(context.urls.rawByHash(version.policy, version.locale, version.version, version.sha256));
}

/** The build instant, as `builtAt` says it: from SOURCE_DATE_EPOCH when set, so builds stay reproducible. */
const builtAt = (context: SiteContext) => formatInstant(context.now);

/** The index in the public log of an event of a version's ledger record; null for a version not in the ledger. */
function logIndexOf(context: SiteContext, version: TimelineVersion, event: RecordEvent): number | null {
  const ordinal = version.published ? getEventOrdinal(version.published, event) : null;
  return ordinal === null ? null : context.log.indexOf(version.id, ordinal);
}

/** The decision to publish a version as editorial though the check did not prove it, or null. */
function getEditorialDecision(context: SiteContext, version: TimelineVersion): FeedVersion['editorialDecision'] {
  const check = version.published?.editorialCheck;
  if (check?.result !== 'confirmed' || check.reason === null) return null;
  return { reason: check.reason, comparedWithSha256: check.comparedWith?.sha256 ?? null, logIndex: logIndexOf(context, version, { type: 'editorial' }) };
}

/** A recorded short notice as the feed gives it: the reason, when it was recorded, the notice required then. */
export function toFeedShortNotice(record: ShortNoticeRecord): FeedShortNotice {
  return { reason: record.reason, recordedAt: record.recordedAt, requiredNotice: record.requiredNotice };
}

/** One version as the feed lists it. */
function toFeedVersion(context: SiteContext, version: TimelineVersion): FeedVersion & Required<Pick<FeedVersion, 'sha256Url' | 'publication'>> {
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
    sha256Url: getSha256Url(context, version),
    diffUrl: version.previousVersion === null ? null : urls.absolute(urls.diff(version.policy, version.locale, version.previousVersion, version.version)),
    summary: version.summary,
    changeType: version.changeType,
    publishedAt: version.published?.publishedAt ?? null,
    publication: version.published?.publication.kind ?? null,
    publicationReason: version.published?.publication.reason ?? null,
    announcedAt: getAnnouncedAt(version.published),
    noticeDays: getGivenNoticeDays(version),
    shortNotice: version.published?.shortNotice ? toFeedShortNotice(version.published.shortNotice) : null,
    noticeUrl: urls.absolute(urls.notice(version.policy, version.locale, version.version, 'txt')),
    noticeHtmlUrl: urls.absolute(urls.notice(version.policy, version.locale, version.version, 'html')),
    logIndex: version.published ? context.log.indexOf(version.id, 0) : null,
    editorialDecision: getEditorialDecision(context, version),
    corrections: (version.published?.corrections ?? []).map((correction, index) => ({
      date: correction.date,
      reason: correction.reason,
      previousSha256: correction.previousSha256,
      sha256: correction.sha256,
      previousMarkdownUrl: urls.absolute(urls.rawByHash(version.policy, version.locale, version.version, correction.previousSha256)),
      recordedAt: correction.recordedAt,
      // Every text the ledger records is served by its hash, the corrected one included.
      sha256Url: urls.absolute(urls.rawByHash(version.policy, version.locale, version.version, correction.sha256)),
      diffUrl: urls.absolute(urls.correction(version.policy, version.locale, version.version, index + 1)),
      kind: correction.kind,
      overrideReason: correction.overrideReason,
      changeType: correction.changeType,
      summary: correction.summary,
      logIndex: logIndexOf(context, version, { type: 'correction', index }),
    })),
    locales: getEntry(context.corpus, version.policy, version.locale, version.version)?.locales ?? [version.locale],
    rescheduled: (version.published?.rescheduled ?? []).map((change, index) => ({
      ...change,
      previousMarkdownUrl: urls.absolute(urls.rawByHash(version.policy, version.locale, version.version, change.previousSha256)),
      logIndex: logIndexOf(context, version, { type: 'postponement', index }),
    })),
  };
}

/** A withdrawn version as the feed lists it. */
function toWithdrawnVersion(context: SiteContext, version: TimelineVersion): WithdrawnFeedVersion {
  return {
    policy: version.policy,
    locale: version.locale,
    ...toVersionReference(context, version),
    publishedAt: version.published?.publishedAt ?? '',
    withdrawnAt: version.published?.withdrawn?.recordedAt ?? '',
    reason: version.published?.withdrawn?.reason ?? '',
    logIndex: logIndexOf(context, version, { type: 'withdrawal' }),
  };
}

/** A version of the policy's timeline, whatever its languages. */
function toVersionInForce(entry: TimelineEntry | undefined): VersionInForce | null {
  return entry ? { version: entry.version, effectiveFrom: formatInstant(entry.effectiveFrom), locales: entry.locales } : null;
}

/** The short reference to a version that current.json, index.json and version pages carry. */
export function toVersionReference(context: SiteContext, version: TimelineVersion): CurrentVersion & Required<Pick<CurrentVersion, 'sha256Url'>> {
  const { urls } = context;
  return {
    version: version.version,
    title: version.title,
    effectiveFrom: formatInstant(version.effectiveFrom),
    sha256: version.sha256,
    url: urls.absolute(urls.version(version.policy, version.locale, version.version)),
    markdownUrl: urls.absolute(urls.raw(version.policy, version.locale, version.version)),
    sha256Url: getSha256Url(context, version),
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
    localeModel: corpus.localeModel,
    timeline: (corpus.localeModel === 'translations' ? [policy] : locales.map((locale) => `${policy}/${locale}`)).flatMap(
      (key) =>
        corpus.versionTimelines.get(key)?.entries.map((entry) => ({
          version: entry.version,
          effectiveFrom: formatInstant(entry.effectiveFrom),
          effectiveUntil: entry.effectiveUntil === null ? null : formatInstant(entry.effectiveUntil),
          locales: entry.locales,
        })) ?? [],
    ),
    versions: locales.flatMap((locale) => getTimeline(corpus, policy, locale)?.versions.map((version) => toFeedVersion(context, version)) ?? []),
    withdrawn: corpus.withdrawn.filter((version) => version.policy === policy).map((version) => toWithdrawnVersion(context, version)),
  };
  return validateFeedFile(PolicyFeedSchema, feed, urls.policyFeed(policy));
}

/** Every policy's feed, `<policy>.json`, in the corpus's order of policies. */
export function getAllPolicyFeeds(context: SiteContext): PolicyFeed[] {
  return context.corpus.policies.map((policy) => createPolicyFeed(context, policy));
}

/** `/feed/v1/index.json`: every policy, its locales, feeds and the version in force at build time, and that time (`builtAt`). */
export function createFeedIndex(context: SiteContext): FeedIndex {
  const { corpus, urls, settings, now } = context;
  const index = {
    $schema: urls.absolute(urls.feedSchema()),
    feedVersion: 1,
    builtAt: builtAt(context),
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
      const titleLocale = locales.includes(settings.defaultLocale) ? settings.defaultLocale : (locales[0] ?? settings.defaultLocale);
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
            inForceVersion: toVersionInForce(getEntryInForceAt(corpus, policy, locale, now)),
          };
        }),
      };
    }),
  };
  return validateFeedFile(FeedIndexSchema, index, urls.feedIndex());
}

/**
 * The version of `policy` announced and not yet in force, as current.json and
 * since.json give it to `locale`: what the site's banner says, for the kit to
 * tell a returning user before the change takes effect. Null when none is scheduled.
 */
export function toFeedAnnouncement(context: SiteContext, policy: string, locale: string): FeedAnnouncement | null {
  const announcement = getAnnouncement(context, policy, locale);
  if (!announcement) return null;
  const { urls } = context;
  const { linked } = announcement;
  return {
    version: announcement.version,
    title: linked.title,
    effectiveFrom: formatInstant(announcement.effectiveFrom),
    announcedAt: getAnnouncedAt(linked.published),
    noticeDays: getGivenNoticeDays(linked),
    changeType: linked.changeType,
    summary: linked.summary,
    banner: announcement.banner,
    acceptEarly: announcement.acceptEarly,
    locale: linked.locale,
    locales: announcement.locales,
    url: urls.absolute(announcement.textHref),
    redlineUrl: announcement.redlineHref === null ? null : urls.absolute(announcement.redlineHref),
    noticeUrl: urls.absolute(urls.notice(policy, linked.locale, linked.version, 'txt')),
    noticeHtmlUrl: urls.absolute(urls.notice(policy, linked.locale, linked.version, 'html')),
    shortNotice: linked.published?.shortNotice ? toFeedShortNotice(linked.published.shortNotice) : null,
  };
}

/** `/feed/v1/<policy>/current.json`: the version in force in each locale, the next one scheduled, and the build time (`builtAt`). */
export function createCurrentFeed(context: SiteContext, policy: string): CurrentFeed {
  const { corpus, urls, now } = context;
  const current = {
    $schema: urls.absolute(urls.feedSchema()),
    feedVersion: 1,
    builtAt: builtAt(context),
    timeZone: context.settings.timeZone,
    checkpoint: context.log.checkpoint,
    policy,
    locales: Object.fromEntries(
      getPolicyLocales(corpus, policy).map((locale) => {
        const timeline = getTimeline(corpus, policy, locale);
        // The stable page shows this language's previous text, for reference only, while the version in force has none here.
        const reference = timeline && getReferenceText(timeline, now);
        return [
          locale,
          {
            inForce: toCurrentVersion(context, timeline && getVersionInForceAt(timeline, now)),
            next: toCurrentVersion(context, timeline && getNextChangeAfter(timeline, now)),
            inForceVersion: toVersionInForce(getEntryInForceAt(corpus, policy, locale, now)),
            nextVersion: toVersionInForce(getNextEntryAfter(corpus, policy, locale, now)),
            reference: reference ? { ...toVersionReference(context, reference), notInForceSince: formatInstant(reference.effectiveUntil ?? now) } : null,
            announcement: toFeedAnnouncement(context, policy, locale),
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

/**
 * Where the CLI reads published versions from: the policies folder (checked
 * exactly as the build checks it) or a published feed (`--feed`: a built
 * site, a mirror, an archive, the live site, or standard input). Both end as
 * the same feed versions, so `at` and `verify` answer the same whichever is
 * given.
 */
import { dirname, join, posix } from 'node:path';
import { FeedIndexSchema, PolicyFeedSchema, SinceFeedSchema, type FeedIndex, type PolicyFeed } from '#schemas/feed.ts';
import type { ReconsentInput } from './reconsent-decision.ts';
import { createPolicyFeed, validateFeedFile } from '#lib/feed/feed-data.ts';
import { getReconsentInput } from '#lib/feed/since-data.ts';
import { loadCorpus } from '#lib/corpus/load-corpus.ts';
import { CorpusError } from '#lib/corpus/problem.ts';
import { createSiteContext } from '#lib/site/site-context.ts';
import type { SiteSettings } from '#lib/site/site-settings.ts';
import { DEFAULT_TIMEOUT_MS, isUrl, readLocation, statPath } from './read-location.ts';
import { createVersionIndex, type VersionIndex } from './version-index.ts';

/** Published versions and the site facts needed to read instants. */
export interface PolicySource {
  index: VersionIndex;
  timeZone: string;
  defaultLocale: string;
  /** Where the versions came from, for messages. */
  origin: string;
  /** Where a URL of the site is read from: the copy the feed came from, or the URL itself. */
  locate(url: string): string;
  /** The re-consent input for users who accepted a version (the data of its since.json). */
  getReconsentInput(policy: string, locale: string, acceptedVersion: string): Promise<ReconsentInput>;
}

/** Thrown when a feed cannot be read or does not match the schema. */
export class FeedSourceError extends Error {
  override name = 'FeedSourceError';
}

/** Reads the policies folder of the settings; every content problem is a {@link CorpusError}. */
export function loadLocalSource(settings: SiteSettings, now: number, cwd: string = process.cwd()): PolicySource {
  const loaded = loadCorpus({
    policiesPath: settings.policiesPath,
    timeZone: settings.timeZone,
    defaultLocale: settings.defaultLocale,
    includeDrafts: false,
    enforceLedger: true,
    cwd,
    now,
    localeModel: settings.localeModel,
    notice: settings.notice,
    foreignFolder: settings.foreignFolder,
  });
  if (loaded.problems.length > 0) throw new CorpusError(loaded.problems, 'sourceCheck');
  const context = createSiteContext(settings, loaded.corpus, now);
  return {
    index: createVersionIndex(loaded.corpus.policies.map((policy) => createPolicyFeed(context, policy))),
    timeZone: settings.timeZone,
    defaultLocale: settings.defaultLocale,
    origin: settings.policiesDir,
    // The policies folder holds no built texts: they are read where the feed says they are served.
    locate: (url) => url,
    getReconsentInput: (policy, locale, acceptedVersion) => Promise.resolve(getReconsentInput(context, policy, locale, acceptedVersion)),
  };
}

/** How a published feed is read. */
export interface FeedReadOptions {
  /** Limit of each network read, in milliseconds. */
  timeoutMs?: number;
  /** Read the files the index names at their own absolute URLs, not in the copy the index came from. */
  followAbsolute?: boolean;
}

async function readJson(location: string, timeoutMs: number): Promise<unknown> {
  let text: string;
  try {
    text = (await readLocation(location, timeoutMs)).toString('utf8');
  } catch (error) {
    throw new FeedSourceError(error instanceof Error ? error.message : String(error));
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new FeedSourceError(`${location === '-' ? 'standard input' : location} is not JSON`);
  }
}

/**
 * Where the feed index is: `-` (standard input); a URL of `index.json`, of
 * its folder (`…/feed/v1/`) or of the site; a path of `index.json`, of its
 * folder (`dist/feed/v1/`) or of the built site (`dist/`).
 */
export async function findFeedIndex(location: string): Promise<string> {
  if (location === '-') return location;
  if (isUrl(location)) {
    const url = new URL(location);
    if (url.pathname.endsWith('.json')) return url.href;
    const folder = url.pathname.endsWith('/') ? url : new URL(`${url.pathname}/${url.search}`, url);
    return new URL(folder.pathname.endsWith('/feed/v1/') ? 'index.json' : 'feed/v1/index.json', folder).href;
  }
  try {
    if ((await statPath(location)) === 'file') return location;
  } catch (error) {
    throw new FeedSourceError(`${error instanceof Error ? error.message : String(error)} (--feed takes a built site, its feed/v1/ folder, an index.json, a URL or -)`);
  }
  for (const candidate of [join(location, 'index.json'), join(location, 'feed', 'v1', 'index.json')]) {
    if (
      await statPath(candidate).then(
        (kind) => kind === 'file',
        () => false,
      )
    )
      return candidate;
  }
  throw new FeedSourceError(`${location} is a folder without a feed: neither ${join(location, 'index.json')} nor ${join(location, 'feed', 'v1', 'index.json')} exists`);
}

/**
 * Maps a URL the index names onto the copy the index was read from: the
 * same path relative to the index, in the same folder tree or on the same
 * mirror. URLs outside the site, an index read from standard input, and
 * `followAbsolute` keep the URL as it is.
 */
export function createLocator(indexLocation: string, siteUrl: string, followAbsolute: boolean): (url: string) => string {
  if (followAbsolute || indexLocation === '-') return (url) => url;
  const site = new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
  const indexFolder = posix.dirname(new URL('feed/v1/index.json', site).pathname);
  return (url) => {
    const target = new URL(url);
    if (target.origin !== site.origin || !target.pathname.startsWith(site.pathname)) return url;
    const relative = posix.relative(indexFolder, target.pathname);
    if (isUrl(indexLocation)) return new URL(relative, indexLocation).href;
    return join(dirname(indexLocation), ...decodeURIComponent(relative).split('/'));
  };
}

/**
 * Reads a published feed: `index.json` (see {@link findFeedIndex}), then
 * each policy's feed. Files the index names are read from the same copy (a
 * built site, a mirror, an archive), whatever host their URLs name, unless
 * `followAbsolute`.
 */
export async function loadFeedSource(location: string, options: FeedReadOptions = {}): Promise<PolicySource> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const indexLocation = await findFeedIndex(location);
  const data = await readJson(indexLocation, timeoutMs);
  let feedIndex: FeedIndex;
  try {
    feedIndex = validateFeedFile(FeedIndexSchema, data, indexLocation === '-' ? 'standard input' : indexLocation);
  } catch (error) {
    throw new FeedSourceError(error instanceof Error ? error.message : String(error));
  }
  const locate = createLocator(indexLocation, feedIndex.siteUrl, options.followAbsolute ?? false);
  const feeds: PolicyFeed[] = [];
  for (const policy of feedIndex.policies) {
    const feedLocation = locate(policy.feedUrl);
    try {
      feeds.push(validateFeedFile(PolicyFeedSchema, await readJson(feedLocation, timeoutMs), feedLocation));
    } catch (error) {
      throw error instanceof FeedSourceError ? error : new FeedSourceError(error instanceof Error ? error.message : String(error));
    }
  }
  const index = createVersionIndex(feeds);
  return {
    index,
    timeZone: feedIndex.timeZone,
    defaultLocale: feedIndex.defaultLocale,
    origin: indexLocation === '-' ? 'standard input' : indexLocation,
    locate,
    getReconsentInput: async (policy, locale, acceptedVersion) => {
      // Only published versions have a since.json; anything else is an unknown version.
      if (!index.versions.has(`${policy}/${locale}/${acceptedVersion}`)) return { policy, locale, acceptedVersion, accepted: null, later: [] };
      const sinceUrl = new URL(`feed/v1/${policy}/${locale}/${acceptedVersion}/since.json`, feedIndex.siteUrl).href;
      const since = validateFeedFile(SinceFeedSchema, await readJson(locate(sinceUrl), timeoutMs), sinceUrl);
      return { policy, locale, acceptedVersion, accepted: since.accepted, later: since.later, withdrawn: since.withdrawn };
    },
  };
}

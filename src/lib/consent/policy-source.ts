/**
 * Where the CLI reads published versions from: the policies folder (checked
 * exactly as the build checks it) or a published feed (`--feed`, a URL or the
 * path of an `index.json` in a built site). Both end as the same feed
 * versions, so `at` and `verify` answer the same whichever is given.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { FeedIndexSchema, PolicyFeedSchema, SinceFeedSchema, type PolicyFeed } from '#schemas/feed.ts';
import type { ReconsentInput } from './reconsent.ts';
import { createPolicyFeed, validateFeedFile } from '#lib/feed/feed-data.ts';
import { getReconsentInput } from '#lib/feed/since-data.ts';
import { loadCorpus } from '#lib/corpus/load-corpus.ts';
import { CorpusError } from '#lib/corpus/problem.ts';
import { createSiteContext } from '#lib/site/site-context.ts';
import type { SiteSettings } from '#lib/site/site-settings.ts';
import { createVersionIndex, type VersionIndex } from './version-index.ts';

/** Published versions and the site facts needed to read instants. */
export interface PolicySource {
  index: VersionIndex;
  timeZone: string;
  defaultLocale: string;
  /** Where the versions came from, for messages. */
  origin: string;
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
  });
  if (loaded.problems.length > 0) throw new CorpusError(loaded.problems);
  const context = createSiteContext(settings, loaded.corpus, now);
  return {
    index: createVersionIndex(loaded.corpus.policies.map((policy) => createPolicyFeed(context, policy))),
    timeZone: settings.timeZone,
    defaultLocale: settings.defaultLocale,
    origin: settings.policiesDir,
    getReconsentInput: (policy, locale, acceptedVersion) => Promise.resolve(getReconsentInput(context, policy, locale, acceptedVersion)),
  };
}

const isUrl = (location: string) => /^https?:\/\//i.test(location);

async function readJson(location: string): Promise<unknown> {
  let text: string;
  try {
    if (isUrl(location)) {
      const response = await fetch(location, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      text = await response.text();
    } else {
      text = await readFile(location, 'utf8');
    }
  } catch (error) {
    throw new FeedSourceError(`cannot read ${location}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FeedSourceError(`${location} is not JSON`);
  }
}

/**
 * Reads a published feed: `index.json` by URL or path, then each policy's
 * feed. From a path, the policy feeds are read beside it (the layout of a
 * built site), whatever host their URLs name.
 */
export async function loadFeedSource(location: string): Promise<PolicySource> {
  const indexLocation = isUrl(location) || location.endsWith('.json') ? location : join(location, 'feed', 'v1', 'index.json');
  const data = await readJson(indexLocation);
  let feedIndex;
  try {
    feedIndex = validateFeedFile(FeedIndexSchema, data, indexLocation);
  } catch (error) {
    throw new FeedSourceError(error instanceof Error ? error.message : String(error));
  }
  const indexPath = new URL('feed/v1/index.json', feedIndex.siteUrl).pathname;
  const feeds: PolicyFeed[] = [];
  for (const policy of feedIndex.policies) {
    const feedLocation = isUrl(indexLocation)
      ? new URL(policy.feedUrl, indexLocation).href
      : join(dirname(indexLocation), posix.relative(posix.dirname(indexPath), new URL(policy.feedUrl).pathname));
    try {
      feeds.push(validateFeedFile(PolicyFeedSchema, await readJson(feedLocation), feedLocation));
    } catch (error) {
      throw error instanceof FeedSourceError ? error : new FeedSourceError(error instanceof Error ? error.message : String(error));
    }
  }
  const locate = (url: string) =>
    isUrl(indexLocation) ? new URL(url, indexLocation).href : join(dirname(indexLocation), posix.relative(posix.dirname(indexPath), new URL(url).pathname));
  const index = createVersionIndex(feeds);
  return {
    index,
    timeZone: feedIndex.timeZone,
    defaultLocale: feedIndex.defaultLocale,
    origin: indexLocation,
    getReconsentInput: async (policy, locale, acceptedVersion) => {
      // Only published versions have a since.json; anything else is an unknown version.
      if (!index.versions.has(`${policy}/${locale}/${acceptedVersion}`)) return { policy, locale, acceptedVersion, accepted: null, later: [] };
      const sinceUrl = new URL(`feed/v1/${policy}/${locale}/${acceptedVersion}/since.json`, feedIndex.siteUrl).href;
      const since = validateFeedFile(SinceFeedSchema, await readJson(locate(sinceUrl)), sinceUrl);
      return { policy, locale, acceptedVersion, accepted: since.accepted, later: since.later, withdrawn: since.withdrawn };
    },
  };
}

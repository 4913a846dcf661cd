/**
 * The DOM-free half of the client kit, served as `/kit/v1/reconsent.js` and
 * bundled into `/kit/v1/policy-kit.js`: `checkReconsent()` answers, with one
 * fetch of the feed, whether a user who accepted a version must accept again.
 * It needs nothing but `fetch`, so it runs in a browser, in Node (a check at
 * sign-in on the server), Deno or a worker.
 *
 * It fails closed: it never throws for what the feed says or cannot say. An
 * id that is not a valid id (never sent: `../../consent/en/2025-09-01` would
 * fetch another document's answer), a version the feed does not publish (a
 * 404), an unreachable feed or a file that answers for something else all
 * give `unknown-version`, which means "ask for consent", with `problem`
 * saying which and `current` the version in force when the feed names it.
 */
import { decideReconsent, type AcceptedVersion, type ReconsentAnswer, type ReconsentInput } from '#lib/consent/reconsent.ts';
import { LOCALE_PATTERN, POLICY_ID_PATTERN, VERSION_ID_PATTERN } from '#lib/corpus/policy-path.ts';

export { decideReconsent, type AcceptedVersion, type LaterVersion, type ReconsentAnswer, type ReconsentDecision, type ReconsentInput } from '#lib/consent/reconsent.ts';

/** What `checkReconsent` needs. */
export interface CheckReconsentOptions {
  /** The feed: `https://example.com/feed/v1/` or its `index.json`; relative to the page in a browser. */
  feedUrl: string;
  policy: string;
  locale: string;
  /** The version the user accepted, as recorded; an empty string for a user with none. */
  acceptedVersion: string;
  /** The instant to answer for; default now. */
  at?: Date | number;
}

/**
 * Why an answer is `unknown-version`:
 * - `invalid-id`: the policy, locale or version is not a valid id; nothing was requested for it;
 * - `not-found`: the feed has no since.json for the version (a 404): it never published it;
 * - `feed-error`: the feed could not answer: an invalid feed URL, a network error, another
 *   HTTP status, a file that is not JSON or answers for another version.
 */
export type ReconsentProblem = 'invalid-id' | 'not-found' | 'feed-error';

/** The answer, with the site's time zone for showing its dates. */
export type CheckReconsentResult = ReconsentAnswer & {
  /** IANA time zone of the site; null when the feed did not answer. */
  timeZone: string | null;
  /** Why the answer is `unknown-version`; null when the feed answered for the version. */
  problem: ReconsentProblem | null;
  /** The site's public log checkpoint (`/log/v1/checkpoint`, a signed note) the feed was built with; null when it gave none. */
  checkpoint: string | null;
};

/** The identity a product stores: the `detail` of the notice's `policy-accept` and `policy-acknowledge` events. */
export interface AcceptedIdentity {
  policy: string;
  locale: string;
  version: string;
  sha256: string;
  /** The site's log checkpoint (`/log/v1/checkpoint`, a signed note) of the answer the notice showed; null when the feed gave none. */
  checkpoint?: string | null;
}

type Version = AcceptedVersion | null | undefined;

/**
 * The feed's folder (`…/feed/v1/`) from a feed URL (the folder or its
 * `index.json`); a relative one is resolved against the page, as a link would
 * be. Throws a TypeError for a URL that cannot be resolved.
 */
function getFeedBase(feedUrl: string): URL {
  return new URL(feedUrl.replace(/index\.json$/, '').replace(/\/?$/, '/'), typeof location === 'undefined' ? undefined : location.href);
}

/** Reads an object from the feed, or says why it could not. */
async function readFeed(url: URL): Promise<Record<string, unknown> | ReconsentProblem> {
  try {
    const response = await fetch(url, { credentials: 'omit' });
    const data: unknown = response.ok ? await response.json() : null;
    return data && typeof data === 'object' ? (data as Record<string, unknown>) : response.status === 404 ? 'not-found' : 'feed-error';
  } catch {
    return 'feed-error';
  }
}

/** The version in force at `at` from `<policy>/current.json` (its `next` once that has taken effect, else `inForce`), and the site's time zone. */
async function readCurrent(base: URL, policy: string, locale: string, at: number): Promise<Pick<CheckReconsentResult, 'current' | 'timeZone' | 'checkpoint'>> {
  const read = await readFeed(new URL(`${policy}/current.json`, base));
  if (typeof read === 'string') return { current: null, timeZone: null, checkpoint: null };
  const entry = (read['locales'] as Record<string, Record<'inForce' | 'next', Version>> | undefined)?.[locale];
  return {
    current: [entry?.next, entry?.inForce].find((version) => version?.sha256 && Date.parse(version.effectiveFrom) <= at) ?? null,
    timeZone: (read['timeZone'] as string | undefined) ?? null,
    checkpoint: (read['checkpoint'] as string | undefined) ?? null,
  };
}

/**
 * Fetches `<policy>/<locale>/<version>/since.json` from the feed and decides.
 * For `unknown-version` it also reads `<policy>/current.json` (when the policy
 * and locale are valid ids), to name the version to accept.
 */
export async function checkReconsent(options: CheckReconsentOptions): Promise<CheckReconsentResult> {
  const { policy, locale, acceptedVersion } = options;
  const at = options.at === undefined ? Date.now() : +options.at;
  if (!Number.isFinite(at)) throw new TypeError(`policy-kit: invalid "at": ${String(options.at)}`);
  const unknown = async (problem: ReconsentProblem, base?: URL): Promise<CheckReconsentResult> => ({
    ...decideReconsent({ policy, locale, acceptedVersion, accepted: null, later: [] }, at),
    // Only ids that are valid go into a URL.
    ...(base && POLICY_ID_PATTERN.test(policy) && LOCALE_PATTERN.test(locale) ? await readCurrent(base, policy, locale, at) : { current: null, timeZone: null, checkpoint: null }),
    problem,
  });
  let base: URL;
  try {
    base = getFeedBase(options.feedUrl);
  } catch {
    return unknown('feed-error');
  }
  if (!POLICY_ID_PATTERN.test(policy) || !LOCALE_PATTERN.test(locale) || !VERSION_ID_PATTERN.test(acceptedVersion)) return unknown('invalid-id', base);
  // The ids match their patterns, so they are single URL path segments as they are.
  const read = await readFeed(new URL(`${policy}/${locale}/${acceptedVersion}/since.json`, base));
  if (typeof read === 'string') return unknown(read, base);
  const since = read as unknown as ReconsentInput & { timeZone?: string; checkpoint?: string };
  // A file for another document (a host that rewrote the path) answers nothing about this one.
  if (since.policy !== policy || since.locale !== locale || since.acceptedVersion !== acceptedVersion || !since.accepted || !Array.isArray(since.later)) {
    return unknown('feed-error', base);
  }
  return { ...decideReconsent(since, at), timeZone: since.timeZone ?? null, problem: null, checkpoint: since.checkpoint ?? null };
}

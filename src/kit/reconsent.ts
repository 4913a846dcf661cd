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
 * 404), an unreachable or silent feed (every fetch has a timeout), or a file
 * that breaks its contract (not JSON, cut short, another document's, an
 * instant that does not parse) all give `unknown-version`, which means "ask
 * for consent", with `problem` saying which and `current` the version in
 * force when the feed names it. A `changeType` that is not exactly
 * `editorial` counts as material. The files are checked here by hand, field
 * by field, against what src/schemas/feed.ts says of the fields the answer
 * reads: zod itself would not fit the kit's size.
 */
import { decideReconsent, type AcceptedVersion, type LaterVersion, type ReconsentAnswer } from '#lib/consent/reconsent-decision.ts';
import { LOCALE_PATTERN, POLICY_ID_PATTERN, VERSION_ID_PATTERN } from '#lib/corpus/policy-id-patterns.ts';

export { decideReconsent, type AcceptedVersion, type LaterVersion, type ReconsentAnswer, type ReconsentDecision, type ReconsentInput } from '#lib/consent/reconsent-decision.ts';

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
  /** How long each request to the feed may take, in milliseconds, before it counts as unanswered (`problem: "timeout"`); default 5000: long enough for a slow mobile network, short enough that a sign-in does not hang on a silent feed. */
  timeoutMs?: number;
  /** Aborts the check: `checkReconsent` then rejects with the signal's reason, as `fetch` does. */
  signal?: AbortSignal;
}

/**
 * Why an answer is `unknown-version`:
 * - `invalid-id`: the policy, locale or version is not a valid id; nothing was requested for it;
 * - `not-found`: the feed has no since.json for the version (a 404): it never published it;
 * - `feed-error`: the feed could not answer: an invalid feed URL, a network error, another
 *   HTTP status, a file that is not JSON, is cut short, breaks its contract or answers for another version;
 * - `timeout`: the feed did not answer within `timeoutMs`; the check does what it does for a network error.
 */
export type ReconsentProblem = 'invalid-id' | 'not-found' | 'feed-error' | 'timeout';

/** The answer, with the site's time zone for showing its dates. */
export type CheckReconsentResult = ReconsentAnswer & {
  /** IANA time zone of the site; null when the feed did not answer. */
  timeZone: string | null;
  /** Why the answer is `unknown-version`; null when the feed answered for the version. */
  problem: ReconsentProblem | null;
  /** The site's public log checkpoint (`/log/v1/checkpoint`, a signed note) the feed was built with; null when it gave none. */
  checkpoint: string | null;
  /**
   * The next version after the accepted one that is announced and not yet in
   * force at the instant asked for: tell the user before it takes effect
   * (docs/legal-staff.en.md, "Notice before change"). Null when none is, or when the feed did not answer.
   */
  upcoming: UpcomingVersion | null;
};

/** A version announced and not yet in force, as since.json lists it, with what its `announcement` says the site does with it. */
export type UpcomingVersion = LaterVersion & {
  /** Whether the site announces it with a banner (a material version, or an editorial one the site announces): the notice shows it. */
  banner: boolean;
  /** Whether the site lets the user accept it before it takes effect (`notice.acceptEarly`): only a material version with a text in this language, never from a feed that does not say so. */
  acceptEarly: boolean;
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

type Json = Record<string, unknown>;
/** How the requests of one check end early: the caller's signal, and the timeout of each. */
type Limits = { signal?: AbortSignal | undefined; timeoutMs: number };

/**
 * The feed's folder (`…/feed/v1/`) from a feed URL (the folder or its
 * `index.json`); a relative one is resolved against the page, as a link would
 * be. Throws a TypeError for a URL that cannot be resolved.
 */
function getFeedBase(feedUrl: string): URL {
  return new URL(feedUrl.replace(/index\.json$/, '').replace(/\/?$/, '/'), typeof location === 'undefined' ? undefined : location.href);
}

/** Reads an object from the feed, or says why it could not; rejects only when the caller aborted. */
async function readFeed(url: URL, { signal, timeoutMs }: Limits): Promise<Json | ReconsentProblem> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { credentials: 'omit', signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    const data: unknown = response.ok ? await response.json() : null;
    return isObject(data) ? data : response.status === 404 ? 'not-found' : 'feed-error';
  } catch {
    if (signal?.aborted) throw signal.reason;
    return timeout.aborted ? 'timeout' : 'feed-error';
  }
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';

/** An instant as the feed writes it (ISO 8601, UTC, with Z) that names a real moment: "2026-02-30T00:00:00Z" or "soon" does not. */
function isInstant(value: unknown): value is string {
  const time = isString(value) && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z$/.test(value) ? Date.parse(value) : NaN;
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === (value as string).slice(0, 10);
}

/** Whether an IANA time zone is one this runtime can show dates in. */
function isTimeZone(value: unknown): value is string {
  try {
    return isString(value) && !!new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    return false;
  }
}

/** A version as since.json and current.json name it (its id, title, instant, hash and page), and as since.json lists a later one (its redline and summary too). */
function isVersion(value: unknown, later?: boolean): value is AcceptedVersion {
  const summary = isObject(value) && value['summary'];
  return (
    isObject(value) &&
    isString(value['version']) &&
    isString(value['title']) &&
    isInstant(value['effectiveFrom']) &&
    isString(value['sha256']) &&
    isString(value['url']) &&
    (!later || (isString(value['redlineUrl']) && Array.isArray(summary) && summary.every(isString)))
  );
}

/** since.json's later versions: each complete, oldest first (the decision counts those begun by a binary search). */
const isLaterList = (later: unknown): later is LaterVersion[] =>
  Array.isArray(later) && later.every((version, index) => isVersion(version, true) && (index === 0 || Date.parse(later[index - 1].effectiveFrom) <= Date.parse(version.effectiveFrom)));

/** The fields around the answer that both files may carry: the site's time zone and log checkpoint, each absent or valid. */
const hasValidContext = (data: Json) => (data['timeZone'] === undefined || isTimeZone(data['timeZone'])) && (data['checkpoint'] === undefined || isString(data['checkpoint']));

/** The version in force at `at` from `<policy>/current.json` (its `next` once that has taken effect, else `inForce`), and the site's time zone; nothing from a file that breaks its contract. */
async function readCurrent(base: URL, policy: string, locale: string, at: number, limits: Limits): Promise<Pick<CheckReconsentResult, 'current' | 'timeZone' | 'checkpoint'>> {
  const read = await readFeed(new URL(`${policy}/current.json`, base), limits);
  const locales = typeof read === 'string' ? null : read['locales'];
  const entry = isObject(locales) ? locales[locale] : null;
  const [next, inForce] = isObject(entry) ? [entry['next'], entry['inForce']] : [];
  if (typeof read === 'string' || read['policy'] !== policy || !hasValidContext(read) || !isObject(entry) || ![next, inForce].every((version) => version === null || isVersion(version))) {
    return { current: null, timeZone: null, checkpoint: null };
  }
  return {
    current: [next, inForce].find((version): version is AcceptedVersion => isVersion(version) && Date.parse(version.effectiveFrom) <= at) ?? null,
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
  const limits: Limits = { signal: options.signal, timeoutMs: options.timeoutMs ?? 5000 };
  if (!(limits.timeoutMs > 0 && Number.isFinite(limits.timeoutMs))) throw new TypeError(`policy-kit: invalid "timeoutMs": ${String(options.timeoutMs)}`);
  const unknown = async (problem: ReconsentProblem, base?: URL): Promise<CheckReconsentResult> => ({
    ...decideReconsent({ policy, locale, acceptedVersion, accepted: null, later: [] }, at),
    // Only ids that are valid go into a URL; a feed that did not answer in time is not asked again.
    ...(base && problem !== 'timeout' && POLICY_ID_PATTERN.test(policy) && LOCALE_PATTERN.test(locale) ? await readCurrent(base, policy, locale, at, limits) : { current: null, timeZone: null, checkpoint: null }),
    problem,
    upcoming: null,
  });
  let base: URL;
  try {
    base = getFeedBase(options.feedUrl);
  } catch {
    return unknown('feed-error');
  }
  if (!POLICY_ID_PATTERN.test(policy) || !LOCALE_PATTERN.test(locale) || !VERSION_ID_PATTERN.test(acceptedVersion)) return unknown('invalid-id', base);
  // The ids match their patterns, so they are single URL path segments as they are.
  const read = await readFeed(new URL(`${policy}/${locale}/${acceptedVersion}/since.json`, base), limits);
  if (typeof read === 'string') return unknown(read, base);
  const later = read['later'];
  // A file for another document (a host that rewrote the path), or one that breaks its contract, answers nothing about this one.
  if (read['policy'] !== policy || read['locale'] !== locale || read['acceptedVersion'] !== acceptedVersion || !isVersion(read['accepted']) || !isLaterList(later) || !hasValidContext(read)) {
    return unknown('feed-error', base);
  }
  // The later versions are oldest first: the first not yet in force at `at` is the one announced next.
  const next = later.find((version) => Date.parse(version.effectiveFrom) > at);
  // What the site does with it, from the announcement when it names this version; otherwise as the site does by default:
  // a banner for a material version only, and no early acceptance.
  const announced = isObject(read['announcement']) && read['announcement']['version'] === next?.version ? read['announcement'] : {};
  const material = next?.changeType !== 'editorial';
  const upcoming = next
    ? { ...next, banner: announced['banner'] === true || (announced['banner'] === undefined && material), acceptEarly: material && announced['acceptEarly'] === true && (next.locale ?? locale) === locale }
    : null;
  return {
    ...decideReconsent({ policy, locale, acceptedVersion, accepted: read['accepted'], later }, at),
    timeZone: (read['timeZone'] as string | undefined) ?? null,
    problem: null,
    checkpoint: (read['checkpoint'] as string | undefined) ?? null,
    upcoming,
  };
}

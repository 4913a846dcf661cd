// Declarations of /kit/v1/reconsent.js, generated from src/kit/ (see test/helpers/kit-declarations.ts).
/** What the product should do. */
export type ReconsentDecision = 'none' | 'notify' | 'required' | 'unknown-version';
/** A version later than the accepted one, as since.json lists it. */
export interface LaterVersion {
    version: string;
    title: string;
    effectiveFrom: string;
    changeType: 'material' | 'editorial';
    summary: string[];
    sha256: string;
    url: string;
    /** Redline from the accepted version straight to this one. */
    redlineUrl: string;
    /** The language of the text named: the accepted one's, or another when this version has no text in it. */
    locale?: string | undefined;
    /** The languages this version exists in. */
    locales?: string[] | undefined;
    /** Postponements before it took effect. */
    rescheduled?: {
        previousEffectiveFrom: string;
        effectiveFrom: string;
        recordedAt: string;
        reason: string;
    }[] | undefined;
    /** Corrections of its text, changeType or summary since it was published: what the answer reads is the corrected one. */
    corrections?: {
        date: string;
        reason: string;
        kind?: string | undefined;
        changeType?: {
            from: string;
            to: string;
        } | null | undefined;
        summary?: {
            from: string[];
            to: string[];
        } | null | undefined;
    }[] | undefined;
}
/** The accepted version. */
export interface AcceptedVersion {
    version: string;
    title: string;
    effectiveFrom: string;
    sha256: string;
    url: string;
    /** Set when the text named is in another language than the accepted one (the version has no text in it). */
    locale?: string | undefined;
}
/** The versions the decision needs: the accepted one (null if unknown) and every later one, oldest first. */
export interface ReconsentInput {
    policy: string;
    locale: string;
    acceptedVersion: string;
    accepted: AcceptedVersion | null;
    later: LaterVersion[];
    /** Versions after the accepted one withdrawn before taking effect: they never apply. */
    withdrawn?: {
        version: string;
        effectiveFrom: string;
        withdrawnAt: string;
        reason: string;
    }[] | undefined;
}
/** The answer. */
export interface ReconsentAnswer {
    policy: string;
    locale: string;
    acceptedVersion: string;
    /** The instant asked about, ISO 8601 UTC. */
    at: string;
    reconsent: ReconsentDecision;
    /** The version in force at `at` (the accepted one when nothing took effect since); null if unknown or none yet. */
    current: (AcceptedVersion & {
        version: string;
    }) | null;
    /** Versions that took effect after the accepted one, up to `at`, oldest first. */
    changes: {
        version: string;
        effectiveFrom: string;
        changeType: 'material' | 'editorial';
        summary: string[];
    }[];
    /** Redline from the accepted version straight to the current one; null when they are the same. */
    redlineUrl: string | null;
}
/** Decides re-consent at instant `at` (epoch ms). */
export declare function decideReconsent(input: ReconsentInput, at: number): ReconsentAnswer;
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
/**
 * Fetches `<policy>/<locale>/<version>/since.json` from the feed and decides.
 * For `unknown-version` it also reads `<policy>/current.json` (when the policy
 * and locale are valid ids), to name the version to accept.
 */
export declare function checkReconsent(options: CheckReconsentOptions): Promise<CheckReconsentResult>;

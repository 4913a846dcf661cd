// Declarations of /kit/v1/reconsent.js, generated from src/kit/ (see test/helpers/kit-declarations.ts).
/**
 * The re-consent decision: given the version a user accepted and an instant,
 * which version is in force, whether the user must accept again (a material
 * change took effect since), only be told (editorial changes only), or
 * nothing, and where the redline from the accepted version to the current one
 * is. One pure function, with no imports but the interval rules (time/interval.ts) and the types of since.json's
 * schema, used by the CLI, the pages, the since.json files and the client kit in the browser alike.
 */
/** since.json (see schema.json, #/$defs/SinceFeed), as src/schemas/feed.ts says. */
type SinceFeed = {
    [x: string]: unknown;
    $schema: string;
    feedVersion: 1;
    timeZone: string;
    policy: string;
    locale: string;
    acceptedVersion: string;
    accepted: {
        [x: string]: unknown;
        version: string;
        title: string;
        effectiveFrom: string;
        sha256: string;
        url: string;
    };
    later: {
        [x: string]: unknown;
        version: string;
        title: string;
        effectiveFrom: string;
        sha256: string;
        url: string;
        changeType: "editorial" | "material";
        summary: string[];
        redlineUrl: string;
        rescheduled?: {
            [x: string]: unknown;
            previousEffectiveFrom: string;
            effectiveFrom: string;
            recordedAt: string;
            reason: string;
        }[] | undefined;
        corrections?: {
            [x: string]: unknown;
            date: string;
            reason: string;
            kind: "editorial" | "material" | "unchecked";
            changeType: {
                [x: string]: unknown;
                from: "editorial" | "material";
                to: "editorial" | "material";
            } | null;
            summary: {
                [x: string]: unknown;
                from: string[];
                to: string[];
            } | null;
        }[] | undefined;
        locale?: string | undefined;
        locales?: string[] | undefined;
    }[];
    answer: {
        [x: string]: unknown;
        policy: string;
        locale: string;
        acceptedVersion: string;
        at: string;
        reconsent: "none" | "notify" | "required" | "unknown-version";
        current: {
            [x: string]: unknown;
            version: string;
            title: string;
            effectiveFrom: string;
            sha256: string;
            url: string;
            locale?: string | undefined;
        } | null;
        changes: {
            [x: string]: unknown;
            version: string;
            effectiveFrom: string;
            changeType: "editorial" | "material";
            summary: string[];
        }[];
        redlineUrl: string | null;
    };
    checkpoint?: string | undefined;
    announcement?: {
        [x: string]: unknown;
        version: string;
        title: string;
        effectiveFrom: string;
        announcedAt: string | null;
        noticeDays: number | null;
        changeType: "editorial" | "material";
        summary: string[];
        banner: boolean;
        locale: string;
        locales: string[];
        url: string;
        redlineUrl: string | null;
        noticeUrl: string;
        noticeHtmlUrl: string;
        shortNotice: {
            [x: string]: unknown;
            reason: string;
            recordedAt: string;
            requiredNotice: string | number;
        } | null;
        acceptEarly?: boolean | undefined;
    } | null | undefined;
    withdrawn?: {
        [x: string]: unknown;
        version: string;
        effectiveFrom: string;
        withdrawnAt: string;
        reason: string;
    }[] | undefined;
};
/** A version later than the accepted one, as since.json lists it. */
export type LaterVersion = SinceFeed['later'][number];
/** The accepted version, as since.json names it. */
export type AcceptedVersion = SinceFeed['accepted'];
/** The versions the decision needs: the accepted one (null if unknown) and every later one, oldest first (and those withdrawn, which never apply). */
export type ReconsentInput = Pick<SinceFeed, 'policy' | 'locale' | 'acceptedVersion' | 'later' | 'withdrawn'> & {
    accepted: AcceptedVersion | null;
};
/** The answer, as since.json's `answer` gives it for the build's instant. */
export type ReconsentAnswer = SinceFeed['answer'];
/** What the product should do: `none`, `notify` (editorial changes only), `required` (a material one), `unknown-version` (ask for consent). */
export type ReconsentDecision = ReconsentAnswer['reconsent'];
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
/**
 * Fetches `<policy>/<locale>/<version>/since.json` from the feed and decides.
 * For `unknown-version` it also reads `<policy>/current.json` (when the policy
 * and locale are valid ids), to name the version to accept.
 */
export declare function checkReconsent(options: CheckReconsentOptions): Promise<CheckReconsentResult>;

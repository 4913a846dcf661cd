// Declarations of /kit/v1/policy-kit.js, generated from src/kit/ (see test/helpers/kit-declarations.ts).
import { type AcceptedIdentity, type CheckReconsentResult } from './reconsent.js';
export * from './reconsent.js';
declare global {
    interface HTMLElementTagNameMap {
        'policy-update-notice': PolicyUpdateNotice;
    }
    interface GlobalEventHandlersEventMap {
        /** The user accepted the version in force (a required update, or a version the feed did not know): store it as a consent. */
        'policy-accept': CustomEvent<AcceptedIdentity>;
        /** The user was told of editorial changes: not a consent. */
        'policy-acknowledge': CustomEvent<AcceptedIdentity>;
        /** The user accepted a version announced and not yet in force (the site allows it: `notice.acceptEarly`): a consent that applies from `effectiveFrom`. */
        'policy-accept-early': CustomEvent<EarlyAcceptance>;
        /** Every answer the notice received, whatever it shows. */
        'policy-check': CustomEvent<CheckReconsentResult>;
        /** The feed did not answer in time (`timeout-ms`): the notice says it could not check, as for an unreachable feed. */
        'policy-timeout': CustomEvent<CheckReconsentResult>;
    }
}
/**
 * The `detail` of `policy-accept-early`: the identity of a version accepted
 * before it takes effect, and the instant it does. Until then the version in
 * force still applies; `verify` counts a consent whose `acceptedAt` is before
 * `effectiveFrom` as `not-in-force`.
 */
export interface EarlyAcceptance extends AcceptedIdentity {
    effectiveFrom: string;
}
declare const Base: typeof HTMLElement;
/**
 * `<policy-update-notice feed-url="…" policy="privacy" locale="ru" accepted-version="2025-09-01">`:
 * empty when nothing changed; otherwise a notice with a link to the redline
 * and a button. "required" (a material change) and "unknown-version" (the feed
 * does not know the accepted version: fail closed) ask the user to accept and
 * dispatch `policy-accept`; "notify" (editorial changes only) dispatches
 * `policy-acknowledge`. Both carry {@link AcceptedIdentity}. A version
 * announced and not yet in force (the answer's `upcoming`, when the site
 * announces it with a banner) is told too, with a link to what will change:
 * alone when nothing else changed ("upcoming", saying consent will be asked
 * again for a material one, with «Принять новую редакцию сейчас» and
 * `policy-accept-early` where the site allows it), else after the notice of
 * the version in force. Every answer is
 * also dispatched as `policy-check`. Its language is its `lang` attribute, else
 * the locale. Without `accepted-version` it waits; `accepted-version=""` (no
 * consent on record) asks for the version in force. `timeout-ms` bounds each
 * request to the feed (default 5000); a check that a newer one replaces, or
 * an element removed from the page, aborts its requests.
 */
export declare class PolicyUpdateNotice extends Base {
    #private;
    static observedAttributes: string[];
    /** The last answer, for products that want more than the notice. */
    answer: CheckReconsentResult | null;
    connectedCallback(): void;
    disconnectedCallback(): void;
    attributeChangedCallback(): void;
    /** Asks the feed again and redraws. */
    refresh(): Promise<void>;
}

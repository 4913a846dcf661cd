/**
 * The re-consent decision: given the version a user accepted and an instant,
 * which version is in force, whether the user must accept again (a material
 * change took effect since), only be told (editorial changes only), or
 * nothing, and where the redline from the accepted version to the current one
 * is. One pure function, with no imports but the interval rules (time/interval.ts) and the types of since.json's
 * schema, used by the CLI, the pages, the since.json files and the client kit in the browser alike.
 */
import type { SinceFeed } from '#schemas/feed.ts';
import { countStartedBy, hasBegun } from '#lib/time/interval.ts';

// The types are since.json's, from its zod schema (src/schemas/feed.ts): the decision reads and answers in them.
// A type-only import: nothing of zod reaches the kit's bundle.

/** A version later than the accepted one, as since.json lists it. */
export type LaterVersion = SinceFeed['later'][number];

/** The accepted version, as since.json names it. */
export type AcceptedVersion = SinceFeed['accepted'];

/** The versions the decision needs: the accepted one (null if unknown) and every later one, oldest first (and those withdrawn, which never apply). */
export type ReconsentInput = Pick<SinceFeed, 'policy' | 'locale' | 'acceptedVersion' | 'later' | 'withdrawn'> & { accepted: AcceptedVersion | null };

/** The answer, as since.json's `answer` gives it for the build's instant. */
export type ReconsentAnswer = SinceFeed['answer'];

/** What the product should do: `none`, `notify` (editorial changes only), `required` (a material one), `unknown-version` (ask for consent). */
export type ReconsentDecision = ReconsentAnswer['reconsent'];

/** Decides re-consent at instant `at` (epoch ms). */
export function decideReconsent(input: ReconsentInput, at: number): ReconsentAnswer {
  const base = { policy: input.policy, locale: input.locale, acceptedVersion: input.acceptedVersion, at: new Date(at).toISOString() };
  if (!input.accepted) return { ...base, reconsent: 'unknown-version', current: null, changes: [], redlineUrl: null };
  // `later` is oldest first: the versions that took effect by `at` are a prefix of it.
  const inForce = input.later.slice(
    0,
    countStartedBy(input.later, at, (version) => Date.parse(version.effectiveFrom)),
  );
  const latest = inForce.at(-1);
  const accepted = input.accepted;
  const current = latest
    ? {
        version: latest.version,
        title: latest.title,
        effectiveFrom: latest.effectiveFrom,
        sha256: latest.sha256,
        url: latest.url,
        ...(latest.locale !== undefined && latest.locale !== input.locale ? { locale: latest.locale } : {}),
      }
    : hasBegun(Date.parse(accepted.effectiveFrom), at)
      ? accepted
      : null;
  return {
    ...base,
    // Only a change that says exactly "editorial" is one: anything else (a typo, upper case, none) is material, the safe side.
    reconsent: inForce.length === 0 ? 'none' : inForce.some((version) => version.changeType !== 'editorial') ? 'required' : 'notify',
    current,
    changes: inForce.map(({ version, effectiveFrom, changeType, summary }) => ({ version, effectiveFrom, changeType: changeType === 'editorial' ? changeType : 'material', summary })),
    redlineUrl: latest?.redlineUrl ?? null,
  };
}

/**
 * The re-consent decision: given the version a user accepted and an instant,
 * which version is in force, whether the user must accept again (a material
 * change took effect since), only be told (editorial changes only), or
 * nothing, and where the redline from the accepted version to the current one
 * is. One pure function, with no imports but the interval rules (time/interval.ts), used by the CLI, the pages, the
 * since.json files and the client kit in the browser alike.
 */
import { countStartedBy, hasBegun } from '#lib/time/interval.ts';

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
  rescheduled?: { previousEffectiveFrom: string; effectiveFrom: string; recordedAt: string; reason: string }[] | undefined;
  /** Corrections of its text, changeType or summary since it was published: what the answer reads is the corrected one. */
  corrections?: { date: string; reason: string; kind?: string | undefined; changeType?: { from: string; to: string } | null | undefined; summary?: { from: string[]; to: string[] } | null | undefined }[] | undefined;
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
  withdrawn?: { version: string; effectiveFrom: string; withdrawnAt: string; reason: string }[] | undefined;
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
  current: (AcceptedVersion & { version: string }) | null;
  /** Versions that took effect after the accepted one, up to `at`, oldest first. */
  changes: { version: string; effectiveFrom: string; changeType: 'material' | 'editorial'; summary: string[] }[];
  /** Redline from the accepted version straight to the current one; null when they are the same. */
  redlineUrl: string | null;
}

/** Decides re-consent at instant `at` (epoch ms). */
export function decideReconsent(input: ReconsentInput, at: number): ReconsentAnswer {
  const base = { policy: input.policy, locale: input.locale, acceptedVersion: input.acceptedVersion, at: new Date(at).toISOString() };
  if (!input.accepted) return { ...base, reconsent: 'unknown-version', current: null, changes: [], redlineUrl: null };
  // `later` is oldest first: the versions that took effect by `at` are a prefix of it.
  const inForce = input.later.slice(0, countStartedBy(input.later, at, (version) => Date.parse(version.effectiveFrom)));
  const latest = inForce.at(-1);
  const accepted = input.accepted;
  const current = latest
    ? { version: latest.version, title: latest.title, effectiveFrom: latest.effectiveFrom, sha256: latest.sha256, url: latest.url, ...(latest.locale !== undefined && latest.locale !== input.locale ? { locale: latest.locale } : {}) }
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

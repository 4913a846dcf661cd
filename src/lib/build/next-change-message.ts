/**
 * The line every build (and the dev server) logs about the next scheduled
 * change: statuses are computed at build time, so whoever runs the build must
 * know when to build again. It names every version that takes effect at that
 * instant, each policy with all its locales, and marks drafts (which the dev
 * server shows and a production build leaves out).
 */
import { findNextAfter } from '#lib/time/interval.ts';
import { formatInstant, formatZonedInstant } from '#lib/time/zoned-time.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';

/** What the message needs of a version. */
export type ScheduledVersion = Pick<PolicyVersion, 'policy' | 'locale' | 'version' | 'effectiveFrom' | 'draft'>;

/**
 * `next scheduled change: privacy 2026-12-01 (ru, en) takes effect at …`, or
 * that there is none.
 * @param versions the versions the build shows (drafts among them on the dev server)
 * @param now the build's "now"
 * @param defaultLocale named first, as on the site
 * @param timeZone when given, the instant is also said as the site's people read it
 */
export function describeNextChange(versions: readonly ScheduledVersion[], now: number, defaultLocale: string, timeZone?: string): string {
  const sorted = [...versions].sort((a, b) => a.effectiveFrom - b.effectiveFrom);
  const next = findNextAfter(sorted, now, (version) => version.effectiveFrom);
  // Not "every version has taken effect": a withdrawn version never did, and never will.
  if (!next) return 'no scheduled change: no version takes effect after now';
  const instant = next.effectiveFrom;
  const future = sorted.slice(sorted.indexOf(next));
  const groups = new Map<string, ScheduledVersion[]>();
  for (const version of future.filter((candidate) => candidate.effectiveFrom === instant)) {
    const key = `${version.policy} ${version.version}`;
    groups.set(key, [...(groups.get(key) ?? []), version]);
  }
  const byLocale = (a: ScheduledVersion, b: ScheduledVersion) => (a.locale === b.locale ? 0 : a.locale === defaultLocale ? -1 : b.locale === defaultLocale ? 1 : a.locale < b.locale ? -1 : 1);
  const named = [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([key, group]) =>
        `${key} (${[...group]
          .sort(byLocale)
          .map((version) => (version.draft ? `${version.locale} draft` : version.locale))
          .join(', ')})`,
    );
  const drafts = future.filter((version) => version.draft).length;
  const draftNote = drafts > 0 ? `; ${drafts} of the scheduled versions ${drafts === 1 ? 'is a draft' : 'are drafts'}, shown by the dev server only` : '';
  return `next scheduled change: ${named.join(', ')} takes effect at ${formatInstant(instant)}${timeZone ? ` (${formatZonedInstant(instant, timeZone)})` : ''}; rebuild the site then (a daily scheduled build does)${draftNote}`;
}

/**
 * The versions as the small table an engine joins records against: for
 * each version a record can name (and each withdrawn or untranslated one),
 * each hash class (a text of the version, another hash, none) and each
 * kind of acceptedAt (an exact instant, a bare date), the ranges of
 * acceptedAt over which the document's outcome does not change, with that
 * outcome and whether verify adds a note.
 *
 * The outcome of each range is the streaming verifier's own
 * (verifyConsentRecord, run once for each range), so the SQL cannot drift
 * from it: a record's document outcome is a lookup, one equality join and
 * a half-open filter `lo <= acceptedAt < hi`. It changes only where some
 * instant of the policy's versions is crossed (effectiveFrom, effectiveUntil,
 * publishedAt, a correction recorded): every such instant x (verify
 * compares `x <= t` and `t < x`, never `t <= x`) and, for bare dates, the
 * day of x and the day after start a range, so every comparison verify
 * makes gives one answer inside it. (in-the-future, `t > now`, is the
 * record's, computed by the query.)
 *
 * Its size grows with the square of the versions of a timeline (each
 * version's outcome changes wherever the version in force does): tens of
 * thousands of rows for a timeline of a hundred versions, computed once a
 * run (about a second).
 */
import { getUtcMs, getZonedParts } from '#lib/time/zoned-time.ts';
import { verifyConsentRecord, type DocumentStatus } from '../verify-record.ts';
import type { VersionIndex } from '../version-index.ts';
import { getTimelineKey } from '#lib/timeline/policy-corpus.ts';

/** The hash classes besides a text's own hash: none given, and a well-formed hash of no text of the version. */
export const NO_HASH = '';
export const OTHER_HASH = '*';

/** A range of acceptedAt (epoch ms for an instant, days since 1970-01-01 for a bare date), `lo` included, `hi` not; null where open. */
export interface OutcomeSegment {
  policy: string;
  locale: string;
  version: string;
  kind: 'date-time' | 'date';
  /** A text's hash (lower case), NO_HASH or OTHER_HASH. */
  sha: string;
  lo: number | null;
  hi: number | null;
  status: DocumentStatus;
  noted: boolean;
}

const DAY_MS = 86_400_000;
/** The instants acceptedAt can name: 0000-01-01 to 9999-12-31, as the grammar writes years. */
const FIRST_MS = getUtcMs(0, 1, 1);
const LAST_MS = getUtcMs(9999, 12, 31, 23, 59, 59, 999);

/** The calendar day of an instant in the zone, as days since 1970-01-01. */
function getLocalDay(instant: number, timeZone: string): number {
  const parts = getZonedParts(instant, timeZone);
  return getUtcMs(parts.year, parts.month, parts.day) / DAY_MS;
}

/** ISO text of an instant or a day, as a record would write it (years 0000–9999 only). */
const instantText = (ms: number) => new Date(ms).toISOString();
const dayText = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Every instant of a policy's versions a comparison of verify uses. */
function getPolicyInstants(index: VersionIndex, policy: string): number[] {
  const instants: number[] = [];
  const add = (value: number | string | null | undefined) => {
    if (value === null || value === undefined) return;
    const ms = typeof value === 'number' ? value : Date.parse(value);
    if (Number.isFinite(ms)) instants.push(ms);
  };
  for (const version of index.versions.values()) {
    if (version.policy !== policy) continue;
    add(version.from);
    add(version.until);
    add(version.publishedAt);
    for (const text of version.served) {
      add(text.from);
      add(text.until);
    }
  }
  for (const entries of index.timelines.values()) {
    for (const entry of entries) if (entry.policy === policy) add(entry.recordedFrom);
  }
  return instants;
}

/** The starts of the ranges (sorted, distinct, inside the instants the grammar can write), and a point before the first. */
function getRangeStarts(points: readonly number[], first: number, last: number): number[] {
  const starts = [...new Set(points.filter((point) => point >= first && point <= last))].sort((a, b) => a - b);
  const before = (starts[0] ?? first + 1) - 1;
  return before >= first ? [before, ...starts] : starts;
}

/** The keys (policy, locale, version) a record can name that verify knows anything of: versions, withdrawn versions, versions of a timeline without a text in a locale of the policy. */
function getNamedKeys(index: VersionIndex): { policy: string; locale: string; version: string; texts: string[] }[] {
  const keys = new Map<string, { policy: string; locale: string; version: string; texts: string[] }>();
  const add = (policy: string, locale: string, version: string, texts: string[]) => {
    const key = `${policy}\u0000${locale}\u0000${version}`;
    if (!keys.has(key)) keys.set(key, { policy, locale, version, texts });
  };
  for (const version of index.versions.values()) add(version.policy, version.locale, version.version, [...new Set(version.served.map((text) => text.sha256.toLowerCase()))]);
  for (const withdrawn of index.withdrawn.values()) add(withdrawn.policy, withdrawn.locale, withdrawn.version, []);
  for (const [policy, locales] of index.policies) {
    const model = index.localeModels.get(policy) ?? 'independent';
    for (const locale of locales) for (const entry of index.timelines.get(getTimelineKey(policy, locale, model)) ?? []) add(policy, locale, entry.version, []);
  }
  return [...keys.values()];
}

/** A well-formed hash that is none of `texts`. */
function getOtherHash(texts: readonly string[]): string {
  for (const digit of 'fedcba9876543210') {
    const candidate = digit.repeat(64);
    if (!texts.includes(candidate)) return candidate;
  }
  return `${'f'.repeat(63)}e`;
}

/**
 * The segments of every key a record can name. A record naming anything
 * else is unknown-policy, unknown-locale or unknown-version, whatever its
 * instant (see getKnownNames).
 */
export function getOutcomeSegments(index: VersionIndex, timeZone: string): OutcomeSegment[] {
  const cached = computed.get(index);
  if (cached?.timeZone === timeZone) return cached.segments;
  const segments = computeSegments(index, timeZone);
  computed.set(index, { timeZone, segments });
  return segments;
}

/** Segments already computed, by index: a run computes them once, whatever the files and queries. */
const computed = new WeakMap<VersionIndex, { timeZone: string; segments: OutcomeSegment[] }>();

function computeSegments(index: VersionIndex, timeZone: string): OutcomeSegment[] {
  const segments: OutcomeSegment[] = [];
  const instantsByPolicy = new Map<string, { instants: number[]; days: number[] }>();
  // The outcome of a document never depends on now (in-the-future is the record's, computed apart).
  const options = { timeZone, now: Number.MAX_SAFE_INTEGER };
  for (const key of getNamedKeys(index)) {
    let points = instantsByPolicy.get(key.policy);
    if (!points) {
      const instants = getPolicyInstants(index, key.policy);
      const instantStarts = getRangeStarts(instants, FIRST_MS, LAST_MS);
      const days = getRangeStarts(
        instants.flatMap((x) => [getLocalDay(x, timeZone), getLocalDay(x, timeZone) + 1]),
        FIRST_MS / DAY_MS,
        Math.floor(LAST_MS / DAY_MS),
      );
      points = { instants: instantStarts, days };
      instantsByPolicy.set(key.policy, points);
    }
    const other = getOtherHash(key.texts);
    for (const sha of [...key.texts, OTHER_HASH, NO_HASH]) {
      const recordSha = sha === OTHER_HASH ? other : sha;
      for (const kind of ['date-time', 'date'] as const) {
        const starts = kind === 'date-time' ? points.instants : points.days;
        let open: OutcomeSegment | null = null;
        starts.forEach((start, at) => {
          const acceptedAt = kind === 'date-time' ? instantText(start) : dayText(start);
          const record = { policy: key.policy, locale: key.locale, version: key.version, acceptedAt, ...(recordSha === NO_HASH ? {} : { sha256: recordSha }) };
          const result = verifyConsentRecord(record, 1, index, options);
          if (result.status === 'malformed') throw new Error(`outcome segments: a representative record of ${key.policy}/${key.locale}/${key.version} is malformed (${result.message})`);
          const status = result.documents[0]?.status ?? 'ok';
          const noted = result.notes.length > 0;
          // The first start is a point before every instant: its range is open below.
          const lo = at === 0 ? null : start;
          if (open && open.status === status && open.noted === noted) return;
          if (open) open.hi = lo;
          open = { policy: key.policy, locale: key.locale, version: key.version, kind, sha, lo, hi: null, status, noted };
          segments.push(open);
        });
      }
    }
  }
  return segments;
}

/** The policies, and the policy/locale pairs, verify knows: a record naming anything else is unknown-policy, or unknown-locale. */
export function getKnownNames(index: VersionIndex): { policies: string[]; locales: [string, string][] } {
  const policies = [...index.policies.keys()].sort();
  return { policies, locales: policies.flatMap((policy) => [...(index.policies.get(policy) ?? [])].sort().map((locale): [string, string] => [policy, locale])) };
}

/**
 * The query `verify --engine duckdb` runs: what DuckDB is built for, one
 * streaming pass over the records with no sort and no window over them.
 *
 * - acceptedAt: one regular expression (the grammar of parseEffective) and
 *   one cast (DATE for a bare date, TIMESTAMPTZ for an instant); a text the
 *   expression accepts and the cast refuses (2025-02-30) gets no kind, and a
 *   record without a kind is malformed: TRY_CAST never turns a value into
 *   NULL unnoticed.
 * - the document's outcome: one equality join on (policy, locale, version,
 *   kind, hash) with the half-open filter `lo <= acceptedAt < hi` against
 *   the small table of outcome segments (outcome-segments.ts), and a second
 *   for a hash of no text of the version;
 * - duplicates: an aggregate over the fingerprints alone (GROUP BY key
 *   HAVING count > 1, getRepeatedKeysSql), run before the query (or, in
 *   the first pass over a CSV or JSON Lines file, over the fingerprints the
 *   query wrote), in slices of the fingerprints that fit the memory limit; the
 *   first line of each repeated fingerprint is looked up only when there is
 *   one (createRepeatedLinesSql), and the query joins to them only then;
 * - the record's outcome: one CASE (getOutcomeCase, the precedence of the
 *   outcome table).
 *
 * The portable queries `verify --sql` prints stay in classify-sql.ts.
 */
import type { VersionIndex } from '../version-index.ts';
import type { OutcomePolicy } from '../verify-outcomes.ts';
import { getUtcMs, getZonedParts } from '#lib/time/zoned-time.ts';
import { getOutcomeCase } from './classify-sql.ts';
import { getKnownNames, getOutcomeSegments, NO_HASH, OTHER_HASH, type OutcomeSegment } from './outcome-segments.ts';
import { JS_WHITESPACE, sqlString } from './sql-dialect.ts';

/** The grammar of parseEffective (after trim): a date, or a date-time with an offset; calendar days are the cast's to check. */
const INSTANT_PATTERN = '[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?';
const SHA256_SQL_PATTERN = '[0-9a-f]{64}';
/** Open ends of a segment: below and above every instant a record can write. */
const BELOW = '-9000000000000000000';
const ABOVE = '9000000000000000000';

/** What the query needs. */
interface DuckDbClassifyOptions extends OutcomePolicy {
  /** The records: a relation with `line`, `key` (the fingerprint; NULL for none), `read_error`, and the five fields as text. */
  rows: string;
  /** The table holding the outcome segments (createSegmentsTableSql). */
  segments: string;
  index: VersionIndex;
  timeZone: string;
  now: number;
  /** Columns of `rows` carried into the result. */
  passThrough?: readonly string[];
  /** The table of repeated fingerprints and the first line of each (`d_key`, `d_first`; createRepeatedLinesSql), or null when no fingerprint repeats: no record is then a duplicate, and the query joins nothing. */
  repeated: string | null;
  /** Also give `accepted_ms`, the instant of an exact acceptedAt in epoch milliseconds (NULL for a bare date or an unreadable text): what a plain ok record is reported with. */
  instant?: boolean;
}

/** Which records are read more than once: those whose fingerprint is repeated. */
const READ_WITH_KEY = 'read_error IS NULL AND key IS NOT NULL';

/**
 * At most this many fingerprints go through one aggregate. The hash table of
 * 100 million (one record each) did not fit a 585 MB limit: DuckDB failed
 * with "Out of Memory" instead of spilling, in some runs and not others;
 * 25 million fit with room.
 * @public Exported for its tests: they check the slices against one aggregate without writing 20 million records.
 */
export const KEYS_PER_SLICE = 20_000_000;

/**
 * SQL creating the table `keys` of the fingerprints (`key`) of the records
 * of `rows`: read once, then aggregated in slices. Every fingerprint, read
 * or not: whether a record was read is not computed here (for JSON Lines it
 * is most of the query's cost, the JSON functions run on every line), so a
 * fingerprint counted twice is only a candidate. Which records are
 * duplicates is settled among the records read (createRepeatedLinesSql):
 * a candidate with one record read has that record as its first, which is
 * then no duplicate.
 */
export function createKeysSql(keys: string, rows: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${keys} AS SELECT key FROM ${rows} WHERE key IS NOT NULL`;
}

/**
 * The statements that fill the table `name` with the fingerprints (`d_key`)
 * of `keys` (createKeysSql) that more than one record has: an aggregate
 * over the fingerprint alone (the cheapest exact test DuckDB has; the line
 * of each is not carried through a hash table of every record, see
 * createRepeatedLinesSql), one slice of the fingerprints (`key % slices`)
 * at a time, so that a file of any size fits the memory limit.
 */
export function getRepeatedKeysSql(name: string, keys: string, count: number, dropKeys = true): string[] {
  const slices = Math.max(1, Math.ceil(count / KEYS_PER_SLICE));
  const slice = (at: number) => (slices === 1 ? '' : ` WHERE key % ${slices} = ${at}`);
  return [
    `CREATE OR REPLACE TEMP TABLE ${name} (d_key UBIGINT)`,
    ...Array.from({ length: slices }, (_, at) => `INSERT INTO ${name} SELECT key FROM ${keys}${slice(at)} GROUP BY key HAVING count(*) > 1`),
    ...(dropKeys ? [`DROP TABLE ${keys}`] : []),
  ];
}

/** SQL creating the table `name` of the first line (`d_first`) of each repeated fingerprint in `keys`: run only when there is one, over the records with such a fingerprint. */
export function createRepeatedLinesSql(name: string, rows: string, keys: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${name} AS SELECT key AS d_key, min(line) AS d_first FROM ${rows} WHERE ${READ_WITH_KEY} AND key IN (SELECT d_key FROM ${keys}) GROUP BY key`;
}

/** SQL creating the segments table `name` from the index (a few hundred rows for a site). */
export function createSegmentsTableSql(name: string, index: VersionIndex, timeZone: string): string {
  const segments = getOutcomeSegments(index, timeZone);
  const value = (segment: OutcomeSegment) =>
    `(${[segment.policy, segment.locale, segment.version, segment.kind, segment.sha].map(sqlString).join(', ')}, ${segment.lo ?? BELOW}, ${segment.hi ?? ABOVE}, ${sqlString(segment.status)}, ${segment.noted})`;
  const columns = 's_policy VARCHAR, s_locale VARCHAR, s_version VARCHAR, s_kind VARCHAR, s_sha VARCHAR, s_lo BIGINT, s_hi BIGINT, s_status VARCHAR, s_noted BOOLEAN';
  const rows = segments.length === 0 ? '' : `;\nINSERT INTO ${name} VALUES ${segments.map(value).join(',\n')}`;
  return `CREATE OR REPLACE TEMP TABLE ${name} (${columns})${rows}`;
}

const list = (items: readonly string[]) => `[${items.map(sqlString).join(', ')}]::VARCHAR[]`;
const pairs = (items: readonly (readonly [string, string])[]) => `[${items.map(([p, l]) => `{'p': ${sqlString(p)}, 'l': ${sqlString(l)}}`).join(', ')}]::STRUCT(p VARCHAR, l VARCHAR)[]`;

/**
 * The query: one row per record with `line`, the pass-through columns,
 * `outcome`, `noted`, `duplicate_of` (and `accepted_ms` when asked), in no
 * particular order.
 */
export function createDuckDbClassifySql(options: DuckDbClassifyOptions): string {
  const known = getKnownNames(options.index);
  const nowParts = getZonedParts(options.now, options.timeZone);
  const nowDay = getUtcMs(nowParts.year, nowParts.month, nowParts.day) / 86_400_000;
  const pattern = sqlString(INSTANT_PATTERN);
  const absent = (column: string) => `(${column} IS NULL OR ${column} = '')`;
  const keep = (options.passThrough ?? []).map((name) => `, "${name}"`).join('');
  // A hash's shape by the expression only where it is no text's of the version: a hash that found its text's segment is well formed, since every text's segment was computed from a record with that hash that verify did not call malformed (outcome-segments.ts). The expression on every hash cost 1.7 s over 10M CSV records.
  const shaMalformed = `CASE WHEN ${absent('c_sha')} THEN FALSE WHEN exact.s_sha NOT IN (${sqlString(NO_HASH)}, ${sqlString(OTHER_HASH)}) THEN FALSE ELSE NOT regexp_full_match(c_sha, ${sqlString(SHA256_SQL_PATTERN)}) END`;
  const segmentJoin = (alias: string, sha: string) =>
    `LEFT JOIN ${options.segments} AS ${alias} ON ${alias}.s_policy = c.c_policy AND ${alias}.s_locale = c.c_locale AND ${alias}.s_version = c.c_version AND ${alias}.s_kind = c.a_kind AND ${alias}.s_sha = ${sha} AND ${alias}.s_lo <= c.a_at AND c.a_at < ${alias}.s_hi`;
  return `WITH
  c0 AS NOT MATERIALIZED (SELECT line AS c_line, key AS c_key, read_error AS c_read_error, policy AS c_policy, locale AS c_locale, version AS c_version,
    "acceptedAt" AS c_accepted, lower(sha256) AS c_sha, coalesce(regexp_full_match("acceptedAt", ${pattern}), FALSE) AS a_bare${keep} FROM ${options.rows}),
  -- The grammar by one expression; the text trimmed (as verify trims it) only when it does not match as it is: trimming every row would cost more than the rest of the query.
  c1 AS (SELECT *, CASE WHEN a_bare THEN c_accepted ELSE trim(c_accepted, ${sqlString(JS_WHITESPACE)}) END AS a_text,
    CASE WHEN a_bare THEN TRUE ELSE coalesce(regexp_full_match(trim(c_accepted, ${sqlString(JS_WHITESPACE)}), ${pattern}), FALSE) END AS a_shape FROM c0),
  -- Then one cast, which also checks that the day exists (an instant without seconds gets ':00' for the cast).
  c2 AS (SELECT *,
    CASE WHEN a_shape AND length(a_text) = 10 THEN TRY_CAST(a_text AS DATE) END AS a_date,
    CASE WHEN a_shape AND length(a_text) > 10 THEN TRY_CAST(CASE WHEN substr(a_text, 17, 1) = ':' THEN a_text ELSE substr(a_text, 1, 16) || ':00' || substr(a_text, 17) END AS TIMESTAMPTZ) END AS a_ts
    FROM c1),
  -- A text the expression accepts and the cast refuses has no kind: malformed below, never NULL unnoticed.
  c3 AS (SELECT *, CASE WHEN a_date IS NOT NULL THEN 'date' WHEN a_ts IS NOT NULL THEN 'date-time' END AS a_kind, epoch_us(a_ts) AS a_us FROM c2),
  -- Milliseconds as Date.parse gives them: the microseconds floored (an instant before 1970 too).
  c4 AS (SELECT *, CASE WHEN a_kind = 'date' THEN a_date - DATE '1970-01-01' ELSE a_us // 1000 - CASE WHEN a_us % 1000 < 0 THEN 1 ELSE 0 END END AS a_at FROM c3),
  checked AS (SELECT c.*,
    (c_read_error IS NOT NULL OR ${absent('c_accepted')} OR a_kind IS NULL OR ${absent('c_policy')} OR ${absent('c_locale')} OR ${absent('c_version')}
      OR ${shaMalformed}) AS c_malformed,
    ((a_kind = 'date-time' AND a_at > ${Math.floor(options.now)}) OR (a_kind = 'date' AND a_at > ${nowDay})) AS c_future,
    coalesce(exact.s_status, other.s_status,
      CASE WHEN NOT list_contains(${list(known.policies)}, c_policy) THEN 'unknown-policy'
        WHEN NOT list_contains(${pairs(known.locales)}, {'p': c_policy, 'l': c_locale}) THEN 'unknown-locale'
        ELSE 'unknown-version' END) AS c_doc,
    coalesce(exact.s_noted, other.s_noted, a_kind = 'date') AS c_noted,
    ${options.repeated === null ? 'FALSE AS c_duplicate, CAST(NULL AS BIGINT) AS d_first' : '(d.d_first IS NOT NULL AND c_line > d.d_first) AS c_duplicate, d.d_first'}
    FROM c4 AS c
    ${segmentJoin('exact', `CASE WHEN ${absent('c.c_sha')} THEN ${sqlString(NO_HASH)} ELSE c.c_sha END`)}
    ${segmentJoin('other', sqlString(OTHER_HASH))}
    ${options.repeated === null ? '' : `LEFT JOIN ${options.repeated} AS d ON d.d_key = c.c_key`})
SELECT c_line AS line${keep}, ${getOutcomeCase(options)} AS outcome, (NOT c_malformed AND c_noted) AS noted, CASE WHEN c_duplicate THEN d_first END AS duplicate_of${options.instant ? ", CASE WHEN a_kind = 'date-time' THEN a_at END AS accepted_ms" : ''}
FROM checked`;
}

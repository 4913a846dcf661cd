/**
 * The short form of the classifying query, for a consent table whose
 * acceptedAt is a typed timestamp with time zone (what a warehouse almost
 * always has): no instant is parsed, so the whole classification is the
 * outcome segments listed (outcome-segments.ts: each version's ranges of
 * acceptedAt with the streaming verifier's outcome), a join and a CASE.
 * `verify --sql <dialect> --typed` prints it; the text-column strict form
 * stays in classify-sql.ts.
 *
 * A typed value is compared with the segments' millisecond bounds as it
 * is: `lo <= t < hi` for a t with microseconds is the same answer as for
 * t cut to its millisecond, which is what verify reads.
 */
import type { VersionIndex } from '../version-index.ts';
import type { OutcomePolicy } from '../verify-outcomes.ts';
import { getOutcomeCase, DEFAULT_CONSENT_COLUMNS, type ConsentColumns } from './classify-sql.ts';
import { getKnownNames, getOutcomeSegments, NO_HASH, OTHER_HASH } from './outcome-segments.ts';
import { getSqlDialect, sqlString, type SqlDialectName } from './sql-dialect.ts';

/** What the short query needs. */
interface TypedClassifySqlOptions extends OutcomePolicy {
  dialect: SqlDialectName;
  /** The consent table: a name, or a relation in parentheses. */
  consents: string;
  columns?: Partial<ConsentColumns>;
  index: VersionIndex;
  timeZone: string;
  /** Records accepted after this instant (epoch ms) are in-the-future. */
  now: number;
}

/** An instant as a typed literal every dialect reads the same way. */
const instant = (ms: number | null) => `CAST(${ms === null ? 'NULL' : sqlString(new Date(ms).toISOString().replace('T', ' ').replace('Z', '+00:00'))} AS TIMESTAMP WITH TIME ZONE)`;

/** The query: one row per consent row with `line`, `outcome`, `noted` and `duplicate_of`, in the order of `line`. */
export function createTypedClassifySql(options: TypedClassifySqlOptions): string {
  const q = getSqlDialect(options.dialect).quoteName;
  const columns = { ...DEFAULT_CONSENT_COLUMNS, ...options.columns };
  const c = (field: keyof ConsentColumns) => `c.${q(columns[field] ?? '')}`;
  const known = getKnownNames(options.index);
  const segments = getOutcomeSegments(options.index, options.timeZone).filter((segment) => segment.kind === 'date-time');
  // A site without a version still needs one row for VALUES: one that names nothing (no column equals NULL).
  const none = '    (NULL, NULL, NULL, NULL, CAST(NULL AS TIMESTAMP WITH TIME ZONE), CAST(NULL AS TIMESTAMP WITH TIME ZONE), NULL, FALSE)';
  const rows =
    segments.length === 0
      ? [none]
      : segments.map((s) => `    (${[s.policy, s.locale, s.version, s.sha].map(sqlString).join(', ')}, ${instant(s.lo)}, ${instant(s.hi)}, ${sqlString(s.status)}, ${s.noted ? 'TRUE' : 'FALSE'})`);
  const absent = (column: string) => `(${column} IS NULL OR ${column} = '')`;
  const sha = `LOWER(${c('sha256')})`;
  const join = (alias: string, hash: string) =>
    `LEFT JOIN segments AS ${alias} ON ${alias}.s_policy = ${c('policy')} AND ${alias}.s_locale = ${c('locale')} AND ${alias}.s_version = ${c('version')} AND ${alias}.s_sha = ${hash}\n    AND (${alias}.s_from IS NULL OR ${alias}.s_from <= ${c('acceptedAt')}) AND (${alias}.s_until IS NULL OR ${c('acceptedAt')} < ${alias}.s_until)`;
  const key = columns.key === undefined ? null : c('key');
  return [
    `-- Classifies every consent row as \`verify\` does (Policy Press, ${options.dialect}), for a table whose ${q(columns.acceptedAt)} is a timestamp with time zone.`,
    '-- segments: for each version a record can name, each hash (a text of it, another: *, none: empty) and range of acceptedAt, the outcome verify gives.',
    'WITH',
    '  segments (s_policy, s_locale, s_version, s_sha, s_from, s_until, s_status, s_noted) AS (VALUES',
    `${rows.join(',\n')}),`,
    // Without a key no row is a duplicate, and nothing is joined for it: a join to an empty table on `= NULL` cost PostgreSQL 8.4 of 13.5 s over 1M rows (a nested loop).
    ...(key === null ? [] : [`  repeated AS (SELECT ${q(columns.key ?? '')} AS r_key, MIN(${q(columns.line)}) AS r_first FROM ${options.consents} GROUP BY ${q(columns.key ?? '')} HAVING COUNT(*) > 1),`]),
    `  checked AS (SELECT ${c('line')} AS line,`,
    `    (${c('acceptedAt')} IS NULL OR ${absent(c('policy'))} OR ${absent(c('locale'))} OR ${absent(c('version'))}`,
    // A hash equal to a text's (the join found it: not the class of other hashes, *) is well formed; only the others are checked, as TRANSLATE cost PostgreSQL 3 µs a row, computed once for each use of c_malformed.
    `      OR CASE WHEN ${absent(sha)} OR (e.s_sha IS NOT NULL AND e.s_sha <> ${sqlString(OTHER_HASH)}) THEN FALSE ELSE (LENGTH(${sha}) <> 64 OR TRANSLATE(${sha}, '123456789abcdef', '000000000000000') <> '${'0'.repeat(64)}') END) AS c_malformed,`,
    `    ${c('acceptedAt')} >= ${instant(Math.floor(options.now) + 1)} AS c_future,`,
    `    COALESCE(e.s_status, o.s_status, CASE WHEN ${c('policy')} NOT IN (${known.policies.map(sqlString).join(', ')}) THEN 'unknown-policy'`,
    `      WHEN ${c('policy')} || '/' || ${c('locale')} NOT IN (${known.locales.map(([policy, locale]) => sqlString(`${policy}/${locale}`)).join(', ')}) THEN 'unknown-locale' ELSE 'unknown-version' END) AS c_doc,`,
    '    COALESCE(e.s_noted, o.s_noted, FALSE) AS c_noted,',
    key === null ? '    FALSE AS c_duplicate, CAST(NULL AS BIGINT) AS r_first' : `    (r.r_first IS NOT NULL AND ${c('line')} > r.r_first) AS c_duplicate, r.r_first`,
    `  FROM ${options.consents} AS c`,
    `  ${join('e', `CASE WHEN ${absent(sha)} THEN ${sqlString(NO_HASH)} ELSE ${sha} END`)}`,
    `  ${join('o', sqlString(OTHER_HASH))}`,
    ...(key === null ? [] : [`  LEFT JOIN repeated AS r ON r.r_key = ${key}`]),
    '  )',
    `SELECT line, ${getOutcomeCase(options)} AS outcome, (NOT c_malformed AND c_noted) AS noted, CASE WHEN c_duplicate THEN r_first END AS duplicate_of`,
    'FROM checked ORDER BY line',
  ].join('\n');
}

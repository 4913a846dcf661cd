/**
 * One SQL query that gives every row of a consent table the outcome
 * `verify` gives the same record: the same names, the same precedence (both
 * taken from the outcome table, verify-outcomes.ts), the same half-open
 * intervals, the same strict reading of acceptedAt, hashes of texts before a
 * correction accepted. Printed by `verify --sql <dialect>`, run by
 * `verify --engine duckdb`, proven against PostgreSQL by the tests.
 *
 * The query joins each row to the version it names (an equality join), then
 * tests that version's interval, `effectiveFrom <= acceptedAt < effectiveUntil`;
 * a bare-date acceptedAt is compared by calendar days in the site's zone
 * (versions.csv's effectiveFromDay and effectiveUntilDay), which is what
 * verify's "a whole day, on which no version changed" amounts to.
 *
 * A row is one document: records with a `documents` list, and the audit of
 * served texts (`--texts`), stay with the streaming verifier.
 */
import { getUtcMs, getZonedParts } from '#lib/time/zoned-time.ts';
import { getVersionRow, VERSION_COLUMNS, type TableVersion } from '#lib/feed/versions-table.ts';
import type { VersionIndex } from '../version-index.ts';
import { outcomeFails, OUTCOMES, type Outcome, type OutcomePolicy } from '../verify-outcomes.ts';
import { getInstantStages, type SqlStage } from './instant-sql.ts';
import { getSqlDialect, sqlString, type SqlDialect, type SqlDialectName } from './sql-dialect.ts';
import { MAX_RECORD_BYTES } from '../read-lines.ts';

/** The columns of the consent table the query reads, by their names there. */
export interface ConsentColumns {
  policy: string;
  locale: string;
  version: string;
  sha256: string;
  acceptedAt: string;
  /** The order of the records (their line in a file, an id, a sequence): the earlier of two duplicates is the one kept. */
  line: string;
  /** Each record's exact bytes (or any column equal exactly when records are the same): two equal values make the later a duplicate. Without it, no row is a duplicate. */
  key?: string;
  /** Why the record could not be read, NULL when it could: a non-NULL value makes the row malformed (used by the DuckDB engine for lines it read). */
  readError?: string;
}

/** The default column names: those of a consent record. */
export const DEFAULT_CONSENT_COLUMNS: ConsentColumns = { policy: 'policy', locale: 'locale', version: 'version', sha256: 'sha256', acceptedAt: 'acceptedAt', line: 'line' };

/** Where the versions come from. */
type VersionsSource =
  | { kind: 'inline'; versions: readonly TableVersion[] }
  /** versions.csv read by the engine (DuckDB); elsewhere a table loaded from it. `maxCorrections`: the most corrections a version of the site has (getMaxCorrections), how many texts of a version the query reads. */
  | { kind: 'csv'; path: string; maxCorrections: number }
  /** A table holding versions.csv as text columns. */
  | { kind: 'table'; name: string; maxCorrections: number };

/** What the query needs besides the consent table. */
export interface ClassifySqlOptions extends OutcomePolicy {
  dialect: SqlDialectName;
  /** The consent table: a name, or a relation in parentheses. */
  consents: string;
  columns?: Partial<ConsentColumns>;
  versions: VersionsSource;
  /** The site's time zone, where a bare date starts and ends. */
  timeZone: string;
  /** Records accepted after this instant (epoch ms) are in-the-future. */
  now: number;
  /** Columns of the consent table to carry into the result unchanged (e.g. the engine's own flags). */
  passThrough?: readonly string[];
}

/** The versions.csv columns the query reads. */
const VERSION_FIELDS = [
  'policy',
  'locale',
  'version',
  'effectiveFrom',
  'effectiveUntil',
  'effectiveFromLocal',
  'effectiveUntilLocal',
  'sha256',
  'previousSha256s',
  'localeModel',
  'publishedAt',
  'publishedAtLocal',
  'publication',
  'withdrawnAt',
  'correctionRecordedAt',
  'correctionRecordedAtLocal',
] as const;
const SHA256_SHAPE = '0'.repeat(64);

/**
 * Where each outcome is found in the query: a condition on the columns of
 * the final stage, or null for an outcome no row of a table can have (the
 * text audit reads served files; the log's checks need the record's signed
 * checkpoint and today's log, so `verify --log` streams; malformed is
 * decided before all others).
 * Typed by the outcome table, so a new outcome does not compile until it
 * says how SQL finds it.
 */
const FOUND: Record<Outcome, string | null> = {
  malformed: null,
  'engines-disagree': null,
  'in-the-future': 'c_future',
  'unknown-policy': "c_doc = 'unknown-policy'",
  'unknown-locale': "c_doc = 'unknown-locale'",
  'unknown-version': "c_doc = 'unknown-version'",
  withdrawn: "c_doc = 'withdrawn'",
  'no-translation': "c_doc = 'no-translation'",
  backdated: "c_doc = 'backdated'",
  'ambiguous-instant': "c_doc = 'ambiguous-instant'",
  'not-in-force': "c_doc = 'not-in-force'",
  'hash-mismatch': "c_doc = 'hash-mismatch'",
  'text-not-yet-served': "c_doc = 'text-not-yet-served'",
  'text-already-corrected': "c_doc = 'text-already-corrected'",
  'log-checkpoint-malformed': null,
  'log-checkpoint-foreign': null,
  'log-checkpoint-unsigned': null,
  'log-checkpoint-forged': null,
  'log-checkpoint-ahead': null,
  'log-checkpoint-inconsistent': null,
  'log-not-in-log': null,
  'log-not-at-checkpoint': null,
  'text-mismatch': null,
  'text-unavailable': null,
  'no-hash': "c_doc = 'no-hash'",
  duplicate: 'c_duplicate',
  ok: null,
};

/**
 * The outcomes a row can get from the query, in the outcome table's order; the others need what only the streaming verifier reads.
 * @public Exported for its tests: test/unit/consent/sql/engines.test.ts checks that every outcome the query gives is in the outcome table.
 */
export const SQL_OUTCOMES: readonly Outcome[] = (Object.keys(OUTCOMES) as Outcome[]).filter((outcome) => outcome === 'ok' || outcome === 'malformed' || FOUND[outcome] !== null);

/** The outcome column: malformed first, then the first failing outcome found, then the first other one, else ok (pickOutcome). */
export function getOutcomeCase(policy: OutcomePolicy): string {
  const order = (Object.keys(OUTCOMES) as Outcome[]).filter((outcome) => FOUND[outcome] !== null);
  const failing = order.filter((outcome) => outcomeFails(outcome, policy));
  const passing = order.filter((outcome) => !outcomeFails(outcome, policy));
  const when = (outcome: Outcome) => `WHEN ${FOUND[outcome] ?? 'FALSE'} THEN ${sqlString(outcome)}`;
  return ['CASE', "WHEN c_malformed THEN 'malformed'", ...[...failing, ...passing].map(when), "ELSE 'ok' END"].join(' ');
}

/**
 * Where an instant falls among calendar days of the site's zone, as one
 * number: twice its day (days since 1970-01-01), plus one unless it is the
 * very first instant of that day. A bare date D, read as the start of D,
 * is 2·D; comparing these numbers compares the instants whenever one side
 * is the start of a day, which a bare date always is.
 */
function getDayKey(instant: number, timeZone: string): number {
  const parts = getZonedParts(instant, timeZone);
  const day = getUtcMs(parts.year, parts.month, parts.day) / 86_400_000;
  const firstInstant = parts.hour === 0 && parts.minute === 0 && parts.second === 0 && ((instant % 1000) + 1000) % 1000 === 0;
  return 2 * day + (firstInstant ? 0 : 1);
}

/** The most corrections a version has: how many texts of a version a query reading versions.csv picks out of its lists. */
export function getMaxCorrections(versions: readonly TableVersion[]): number {
  return Math.max(0, ...versions.map((row) => (row.withdrawn ? 0 : row.version.corrections.length)));
}

/** The rows of versions.csv for the versions an index holds (the engine's inline list). */
export function getIndexTableVersions(index: VersionIndex): TableVersion[] {
  const model = (policy: string) => index.localeModels.get(policy) ?? 'independent';
  return [
    ...[...index.versions.values()].map((version): TableVersion => ({ version, withdrawn: false, localeModel: model(version.policy) })),
    ...[...index.withdrawn.values()].map((version): TableVersion => ({ version, withdrawn: true, localeModel: model(version.policy) })),
  ];
}

function stagesToCtes(name: string, from: string, stages: SqlStage[], as = 'AS'): string[] {
  return stages.map((items, index) => `${name}${index + 1} ${as} (SELECT *, ${items.join(', ')} FROM ${index === 0 ? from : `${name}${index}`})`);
}

/** The columns of the versions relation `v` the query uses, as the inline list gives them. */
const V_COLUMNS = [
  'v_policy',
  'v_locale',
  'v_version',
  'v_sha256',
  'v_previous',
  'v_model',
  'v_publication',
  'v_withdrawn',
  'v_timeline',
  'v_unrecorded',
  'v_from_ms',
  'v_until_ms',
  'v_published_ms',
  'v_from_day',
  'v_from_key',
  'v_until_key',
  'v_published_key',
] as const;

/** The columns of the served-texts relation `served` (served-texts.ts): each text of a version and the interval it was served in, NULL where open. */
const SERVED_COLUMNS = ['s_policy', 's_locale', 's_version', 's_sha', 's_from_ms', 's_from_key', 's_until_ms', 's_until_key'] as const;

/** The column type of a relation listed inline (an all-NULL column would otherwise be text). */
const columnType = (name: string) => (/_(ms|day|key)$/.test(name) ? 'BIGINT' : name === 'v_withdrawn' || name === 'v_unrecorded' ? 'BOOLEAN' : 'VARCHAR');

/** A relation listed in the query: typed by a first row of NULLs, which is not a row and is filtered out. */
function listedRelation(name: string, columns: readonly string[], rows: readonly string[]): string {
  const typed = `SELECT ${columns.map((column) => `CAST(NULL AS ${columnType(column)}) AS ${column}`).join(', ')}`;
  return `${name} AS (SELECT * FROM (${typed} UNION ALL SELECT * FROM (VALUES ${rows.length > 0 ? rows.join(',\n    ') : `(${columns.map(() => 'NULL').join(', ')})`}) AS listed(${columns.join(', ')})) AS ${name}_listed WHERE ${columns[0]} IS NOT NULL)`;
}

const literal = (value: string | number | boolean | null | undefined) =>
  value === null || value === undefined ? 'NULL' : typeof value === 'number' ? String(value) : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : sqlString(value);

/** Widths of the items of versions.csv's lists, each followed by one space: a hash, a UTC instant with milliseconds, a wall-clock one with its offset. */
const HASH_ITEM = 65;
const UTC_ITEM = 25;
const LOCAL_ITEM = 30;

/** Days since 1970-01-01 of the calendar day a wall-clock ISO text starts with. */
const dayOf = (local: string) => getUtcMs(Number(local.slice(0, 4)), Number(local.slice(5, 7)), Number(local.slice(8, 10))) / 86_400_000;
/** The day key of a wall-clock text (see getDayKey), or null. */
const keyOf = (local: string | null | undefined) => (local ? 2 * dayOf(local) + (local.slice(11, 23) === '00:00:00.000' ? 0 : 1) : null);

/**
 * The versions relation `v`, one row per text (and withdrawn version) with
 * its instants as numbers. Listed inline, the numbers are computed here,
 * from the same cells versions.csv holds; read from versions.csv, the query
 * computes them from the text, with the same rules.
 */
function getVersionsCtes(dialect: SqlDialect, source: VersionsSource, timeZone: string): string[] {
  const q = (name: string) => dialect.quoteName(name);
  if (source.kind === 'inline') {
    const position = (name: string) => VERSION_COLUMNS.findIndex((column) => column.name === name);
    const versions: string[] = [];
    const served: string[] = [];
    for (const version of source.versions) {
      const row = getVersionRow(version, timeZone);
      const cell = (name: string) => row[position(name)] ?? null;
      const ms = (value: string | null | undefined) => (value === null || value === undefined ? null : Date.parse(value));
      const model = cell('localeModel');
      const previous = cell('previousSha256s')?.split(' ') ?? [];
      const recorded = cell('correctionRecordedAt')?.split(' ') ?? [];
      const recordedLocal = cell('correctionRecordedAtLocal')?.split(' ') ?? [];
      const values = [
        cell('policy'),
        cell('locale'),
        cell('version'),
        cell('sha256'),
        cell('previousSha256s'),
        model,
        cell('publication'),
        cell('withdrawnAt') !== null,
        model === 'translations' ? cell('policy') : `${cell('policy')}/${cell('locale')}`,
        previous.length > 0 && recorded.length === 0,
        ms(cell('effectiveFrom')),
        ms(cell('effectiveUntil')),
        ms(cell('publishedAt')),
        dayOf(cell('effectiveFromLocal') ?? ''),
        keyOf(cell('effectiveFromLocal')),
        keyOf(cell('effectiveUntilLocal')),
        keyOf(cell('publishedAtLocal')),
      ];
      versions.push(`(${values.map(literal).join(', ')})`);
      if (version.withdrawn) continue;
      // The texts in the order they were served (getServedTexts), from the same cells.
      for (let i = 0; i <= previous.length; i += 1) {
        const text = [cell('policy'), cell('locale'), cell('version'), i < previous.length ? previous[i] : cell('sha256'), ms(recorded[i - 1]), keyOf(recordedLocal[i - 1]), ms(recorded[i]), keyOf(recordedLocal[i])];
        served.push(`(${text.map(literal).join(', ')})`);
      }
    }
    return [listedRelation('v', V_COLUMNS, versions), listedRelation('served', SERVED_COLUMNS, served)];
  }
  let from = source.kind === 'table' ? source.name : 'versions';
  const ctes: string[] = [];
  if (source.kind === 'csv') {
    const read = dialect.readCsv(source.path);
    if (read !== null) {
      ctes.push(`versions_given AS (SELECT ${VERSION_FIELDS.map(q).join(', ')} FROM ${read})`);
      from = 'versions_given';
    }
  }
  const stages: SqlStage[] = [];
  const parsed: [string, string][] = [
    [q('effectiveFrom'), 'vf_'],
    [q('effectiveUntil'), 'vu_'],
    [q('publishedAt'), 'vp_'],
    // The local day: the first ten characters of the wall-clock column.
    [`SUBSTRING(${q('effectiveFromLocal')}, 1, 10)`, 'vfd_'],
    [`SUBSTRING(${q('effectiveUntilLocal')}, 1, 10)`, 'vud_'],
    [`SUBSTRING(${q('publishedAtLocal')}, 1, 10)`, 'vpd_'],
  ];
  for (const [input, prefix] of parsed) {
    for (const [index, items] of getInstantStages(dialect, input, prefix).entries()) stages[index] = [...(stages[index] ?? []), ...items];
  }
  const dayKey = (localColumn: string, daysColumn: string) => `2 * ${daysColumn} + CASE WHEN SUBSTRING(${q(localColumn)}, 12, 12) = '00:00:00.000' THEN 0 ELSE 1 END`;
  return [
    ...ctes,
    ...stagesToCtes('v', from, stages, dialect.materialized),
    [
      `v ${dialect.materialized} (SELECT ${q('policy')} AS v_policy, ${q('locale')} AS v_locale, ${q('version')} AS v_version, ${q('sha256')} AS v_sha256, ${q('previousSha256s')} AS v_previous,`,
      `    ${q('localeModel')} AS v_model, ${q('publication')} AS v_publication, ${q('withdrawnAt')} IS NOT NULL AND ${q('withdrawnAt')} <> '' AS v_withdrawn,`,
      // The timeline a text follows (getTimelineKey): the policy's, when its locales are translations; else its locale's own.
      `    CASE WHEN ${q('localeModel')} = 'translations' THEN ${q('policy')} ELSE ${q('policy')} || '/' || ${q('locale')} END AS v_timeline,`,
      `    ${q('previousSha256s')} IS NOT NULL AND ${q('previousSha256s')} <> '' AND (${q('correctionRecordedAt')} IS NULL OR ${q('correctionRecordedAt')} = '') AS v_unrecorded,`,
      `    ${q('correctionRecordedAt')} AS v_recorded, ${q('correctionRecordedAtLocal')} AS v_recorded_local,`,
      `    CASE WHEN ${q('previousSha256s')} IS NULL OR ${q('previousSha256s')} = '' THEN 0 ELSE ${dialect.intDiv(`LENGTH(${q('previousSha256s')}) + 1`, String(HASH_ITEM))} END AS v_corrections,`,
      `    vf_ms AS v_from_ms, vu_ms AS v_until_ms, vp_ms AS v_published_ms, vfd_days AS v_from_day,`,
      `    ${dayKey('effectiveFromLocal', 'vfd_days')} AS v_from_key, ${dayKey('effectiveUntilLocal', 'vud_days')} AS v_until_key, ${dayKey('publishedAtLocal', 'vpd_days')} AS v_published_key`,
      `  FROM v${stages.length})`,
    ].join('\n'),
    ...getServedCtes(dialect, source.maxCorrections),
  ];
}

/**
 * The served-texts relation read from versions.csv's lists: text i of a
 * version (0 the first published, the last the one served now) is the i-th
 * hash of previousSha256s (or sha256), served from the (i-1)-th instant of
 * correctionRecordedAt until the i-th. The items have fixed widths, so a
 * numbers relation up to the most corrections a version of the site has
 * picks them out with SUBSTRING; a version with more (a file not of this
 * site) lacks its later texts, and a record with their hashes fails
 * (hash-mismatch), never passes.
 */
function getServedCtes(dialect: SqlDialect, maxCorrections: number): string[] {
  const numbers = `(VALUES ${Array.from({ length: maxCorrections + 1 }, (_, i) => `(${i})`).join(', ')}) AS numbers(s_i)`;
  const item = (list: string, width: number, length: number, at: string) => `SUBSTRING(${list}, ${width} * (${at}) + 1, ${length})`;
  const stages: SqlStage[] = [
    [
      `CASE WHEN s_i < v_corrections THEN ${item('v_previous', HASH_ITEM, 64, 's_i')} ELSE v_sha256 END AS s_sha`,
      `CASE WHEN s_i > 0 THEN ${item('v_recorded', UTC_ITEM, 24, 's_i - 1')} END AS s_from_text`,
      `CASE WHEN s_i < v_corrections THEN ${item('v_recorded', UTC_ITEM, 24, 's_i')} END AS s_until_text`,
      `CASE WHEN s_i > 0 THEN ${item('v_recorded_local', LOCAL_ITEM, 29, 's_i - 1')} END AS s_from_local`,
      `CASE WHEN s_i < v_corrections THEN ${item('v_recorded_local', LOCAL_ITEM, 29, 's_i')} END AS s_until_local`,
    ],
  ];
  for (const [input, prefix] of [
    ['s_from_text', 'sf_'],
    ['s_until_text', 'su_'],
    ['SUBSTRING(s_from_local, 1, 10)', 'sfd_'],
    ['SUBSTRING(s_until_local, 1, 10)', 'sud_'],
  ] as const) {
    for (const [index, items] of getInstantStages(dialect, input, prefix).entries()) stages[index + 1] = [...(stages[index + 1] ?? []), ...items];
  }
  const dayKey = (local: string, days: string) => `CASE WHEN ${local} IS NULL THEN NULL ELSE 2 * ${days} + CASE WHEN SUBSTRING(${local}, 12, 12) = '00:00:00.000' THEN 0 ELSE 1 END END`;
  return [
    `served_items AS (SELECT v_policy, v_locale, v_version, v_sha256, v_previous, v_recorded, v_recorded_local, v_corrections, s_i FROM v JOIN ${numbers} ON numbers.s_i <= v.v_corrections WHERE NOT v_withdrawn)`,
    ...stagesToCtes('sv', 'served_items', stages, dialect.materialized),
    `served ${dialect.materialized} (SELECT v_policy AS s_policy, v_locale AS s_locale, v_version AS s_version, s_sha, sf_ms AS s_from_ms, ${dayKey('s_from_local', 'sfd_days')} AS s_from_key, su_ms AS s_until_ms, ${dayKey('s_until_local', 'sud_days')} AS s_until_key FROM sv${stages.length})`,
  ];
}

/**
 * The query. Its result has one row per consent row, in the order of
 * `line`: `line` (the order column), `outcome` (an outcome name of
 * verify-outcomes.ts), `noted` (true when verify would add a note: a bare
 * date read as a whole day, a hash of the text before a correction) and
 * `duplicate_of` (the line of the earlier copy of a duplicate, else NULL).
 */
export function createClassifySql(options: ClassifySqlOptions): string {
  const dialect = getSqlDialect(options.dialect);
  const columns = { ...DEFAULT_CONSENT_COLUMNS, ...options.columns };
  const passThrough = options.passThrough ?? [];
  const q = (name: string) => dialect.quoteName(name);
  const acceptedStages = getInstantStages(dialect, 'c_accepted', 'a_');
  const lastAccepted = `ca${acceptedStages.length}`;
  const nowMs = Math.floor(options.now);
  const nowKey = getDayKey(options.now, options.timeZone);
  const absent = (column: string) => `(${column} IS NULL OR ${column} = '')`;
  // "acceptedAt is before X" and "X is at or before acceptedAt", for an instant X given as milliseconds and as a day key.
  const before = (ms: string, key: string) => `((a_kind = 'date-time' AND a_ms < ${ms}) OR (a_kind = 'date' AND 2 * a_days < ${key}))`;
  const reached = (ms: string, key: string) => `((a_kind = 'date-time' AND ${ms} <= a_ms) OR (a_kind = 'date' AND ${key} <= 2 * a_days))`;
  const inInterval = (alias: string) => `(${reached(`${alias}.v_from_ms`, `${alias}.v_from_key`)} AND (${alias}.v_until_ms IS NULL OR ${before(`${alias}.v_until_ms`, `${alias}.v_until_key`)}))`;
  const ctes = [
    ...getVersionsCtes(dialect, options.versions, options.timeZone),
    'texts AS (SELECT * FROM v WHERE NOT v_withdrawn)',
    'known_policies AS (SELECT DISTINCT v_policy AS k_policy, v_model AS k_model FROM texts)',
    'known_locales AS (SELECT DISTINCT v_policy AS k_policy, v_locale AS k_locale FROM texts)',
    // One entry per version of a timeline, whatever its languages; a change is the start of one.
    // With when the ledger first recorded it (any language) and whether it was backdated: before then it was in force only retroactively (isBackdatedAt).
    [
      'entries AS (SELECT v_policy, v_timeline, v_version, v_from_ms, v_until_ms, v_from_key, v_until_key, v_from_day,',
      "    MIN(v_published_ms) AS e_recorded_ms, MIN(v_published_key) AS e_recorded_key, MAX(CASE WHEN v_publication = 'backdated' THEN 1 ELSE 0 END) = 1 AS e_backdated",
      '  FROM texts GROUP BY v_policy, v_timeline, v_version, v_from_ms, v_until_ms, v_from_key, v_until_key, v_from_day)',
    ].join('\n'),
    'change_days AS (SELECT DISTINCT v_timeline AS k_timeline, v_from_day AS k_day FROM entries)',
    // Where a locale of a policy of translations has no text of the version in force: the intervals of those entries.
    [
      'gaps AS (SELECT e.*, kl.k_locale AS v_locale FROM entries AS e',
      "  JOIN known_policies AS kp ON kp.k_policy = e.v_policy AND kp.k_model = 'translations'",
      '  JOIN known_locales AS kl ON kl.k_policy = e.v_policy',
      '  WHERE NOT EXISTS (SELECT 1 FROM texts AS t WHERE t.v_policy = e.v_policy AND t.v_locale = kl.k_locale AND t.v_version = e.v_version))',
    ].join('\n'),
    [
      'c0 AS (SELECT',
      `    ${q(columns.line)} AS c_line,`,
      `    ${columns.key ? q(columns.key) : 'NULL'} AS c_key,`,
      `    ${columns.readError ? q(columns.readError) : 'NULL'} AS c_read_error,`,
      `    ${q(columns.policy)} AS c_policy, ${q(columns.locale)} AS c_locale, ${q(columns.version)} AS c_version,`,
      `    ${q(columns.acceptedAt)} AS c_accepted, LOWER(${q(columns.sha256)}) AS c_sha${passThrough.map((name) => `, ${q(name)} AS ${q(`keep_${name}`)}`).join('')}`,
      `  FROM ${options.consents})`,
    ].join('\n'),
    ...stagesToCtes('ca', 'c0', acceptedStages, dialect.rowsAs),
    [
      `timed ${dialect.rowsAs} (SELECT c.*,${dialect.fence ? ' ROW_NUMBER() OVER () AS c_fence,' : ''} kp.k_policy AS c_known_policy, CASE WHEN kp.k_model = 'translations' THEN c.c_policy ELSE c.c_policy || '/' || c.c_locale END AS c_timeline`,
      `  FROM ${lastAccepted} AS c LEFT JOIN known_policies AS kp ON kp.k_policy = c.c_policy)`,
    ].join('\n'),
  ];
  const beforePublished = `(nv.v_published_ms IS NOT NULL AND ${before('nv.v_published_ms', 'nv.v_published_key')})`;
  // The texts of the version a row names with its hash; served during acceptedAt (its day, for a bare date: [start, end) meets the interval), or first served after it.
  const servedWhere = (condition = 'TRUE') => `SELECT 1 FROM served AS s WHERE s.s_policy = c.c_policy AND s.s_locale = c.c_locale AND s.s_version = c.c_version AND s.s_sha = c.c_sha AND ${condition}`;
  const servedThen = [
    "((c.a_kind = 'date-time' AND (s.s_from_ms IS NULL OR s.s_from_ms <= c.a_ms) AND (s.s_until_ms IS NULL OR c.a_ms < s.s_until_ms))",
    "OR (c.a_kind = 'date' AND (s.s_from_key IS NULL OR s.s_from_key <= 2 * c.a_days + 1) AND (s.s_until_key IS NULL OR 2 * c.a_days < s.s_until_key)))",
  ].join(' ');
  // The version a row names was the one readers could find at acceptedAt, though no longer in force: every version started since then was backdated over it (findReadableEntryAt).
  const backdatedOver = [
    `(nv.v_version IS NOT NULL AND ${reached('nv.v_from_ms', 'nv.v_from_key')} AND NOT ${inInterval('nv')}`,
    `AND NOT EXISTS (SELECT 1 FROM entries AS e WHERE e.v_timeline = c.c_timeline AND e.v_from_ms > nv.v_from_ms AND ${reached('e.v_from_ms', 'e.v_from_key')}`,
    `AND NOT (e.e_backdated AND e.e_recorded_ms IS NOT NULL AND ${before('e.e_recorded_ms', 'e.e_recorded_key')}))`,
    // …and it was readable itself: not backdated over acceptedAt in its turn.
    `AND NOT EXISTS (SELECT 1 FROM entries AS e WHERE e.v_timeline = c.c_timeline AND e.v_version = nv.v_version AND e.e_backdated AND e.e_recorded_ms IS NOT NULL AND ${before('e.e_recorded_ms', 'e.e_recorded_key')}))`,
  ].join(' ');
  const servedLater = "((c.a_kind = 'date-time' AND s.s_from_ms > c.a_ms) OR (c.a_kind = 'date' AND s.s_from_key >= 2 * c.a_days + 2))";
  ctes.push(
    [
      `checked AS (SELECT c.*,`,
      `    (c_read_error IS NOT NULL OR ${absent('c_accepted')} OR a_kind IS NULL OR ${absent('c_policy')} OR ${absent('c_locale')} OR ${absent('c_version')}`,
      `      OR (NOT ${absent('c_sha')} AND (LENGTH(c_sha) <> 64 OR TRANSLATE(c_sha, '123456789abcdef', '000000000000000') <> '${SHA256_SHAPE}'))) AS c_malformed,`,
      `    ((a_kind = 'date-time' AND a_ms > ${nowMs}) OR (a_kind = 'date' AND 2 * a_days > ${nowKey})) AS c_future,`,
      // What checkDocument settles on, in its order.
      "    CASE WHEN c_known_policy IS NULL THEN 'unknown-policy'",
      "      WHEN kl.k_policy IS NULL THEN 'unknown-locale'",
      "      WHEN nv.v_version IS NULL AND wd.v_version IS NOT NULL THEN 'withdrawn'",
      "      WHEN nv.v_version IS NULL AND el.v_version IS NOT NULL THEN 'no-translation'",
      `      WHEN nv.v_version IS NOT NULL AND gap.v_version IS NOT NULL AND NOT ${backdatedOver} THEN 'no-translation'`,
      "      WHEN nv.v_version IS NULL THEN 'unknown-version'",
      "      WHEN a_kind = 'date' AND cd.k_timeline IS NOT NULL THEN 'ambiguous-instant'",
      `      WHEN NOT ${inInterval('nv')} AND NOT ${backdatedOver} THEN 'not-in-force'`,
      `      WHEN ${beforePublished} AND nv.v_publication = 'backdated' THEN 'backdated'`,
      `      WHEN ${beforePublished} AND nv.v_publication = 'late-translation' THEN 'no-translation'`,
      `      WHEN NOT ${absent('c_sha')} AND NOT EXISTS (${servedWhere()}) THEN 'hash-mismatch'`,
      // The text with the hash must have been served at acceptedAt (findServedText): else first served later, or replaced already.
      `      WHEN NOT ${absent('c_sha')} AND NOT EXISTS (${servedWhere(servedThen)}) AND EXISTS (${servedWhere(servedLater)}) THEN 'text-not-yet-served'`,
      `      WHEN NOT ${absent('c_sha')} AND NOT EXISTS (${servedWhere(servedThen)}) THEN 'text-already-corrected'`,
      `      WHEN ${absent('c_sha')} THEN 'no-hash'`,
      "      ELSE 'ok' END AS c_doc,",
      // An ok that verify explains: the text before a correction, corrections whose recording the feed does not give, a version backdated over acceptedAt, imported history before its import.
      `    ((NOT ${absent('c_sha')} AND (c_sha <> nv.v_sha256 OR nv.v_unrecorded)) OR ${backdatedOver} OR (nv.v_publication = 'imported' AND ${beforePublished})) AS c_explained,`,
      // verify fingerprints every record it could read, and only those. Without a key no row is a duplicate, and no window is computed: over one partition of every row, it sorted them all.
      columns.key ? '    CASE WHEN c_read_error IS NULL AND c_key IS NOT NULL THEN MIN(CASE WHEN c_read_error IS NULL THEN c_line END) OVER (PARTITION BY c_key) END AS c_first' : '    CAST(NULL AS BIGINT) AS c_first',
      '  FROM timed AS c',
      '  LEFT JOIN known_locales AS kl ON kl.k_policy = c.c_policy AND kl.k_locale = c.c_locale',
      '  LEFT JOIN texts AS nv ON nv.v_policy = c.c_policy AND nv.v_locale = c.c_locale AND nv.v_version = c.c_version',
      '  LEFT JOIN (SELECT * FROM v WHERE v_withdrawn) AS wd ON wd.v_policy = c.c_policy AND wd.v_locale = c.c_locale AND wd.v_version = c.c_version',
      '  LEFT JOIN (SELECT DISTINCT v_timeline, v_version FROM entries) AS el ON el.v_timeline = c.c_timeline AND el.v_version = c.c_version',
      `  LEFT JOIN gaps AS gap ON gap.v_policy = c.c_policy AND gap.v_locale = c.c_locale AND ${inInterval('gap')}`,
      "  LEFT JOIN change_days AS cd ON c.a_kind = 'date' AND cd.k_timeline = c.c_timeline AND cd.k_day = c.a_days)",
    ].join('\n'),
    `flagged AS (SELECT *, (c_first IS NOT NULL AND c_line > c_first) AS c_duplicate FROM checked)`,
    [
      `classified AS (SELECT c_line AS line,${passThrough.map((name) => ` ${q(`keep_${name}`)} AS ${q(name)},`).join('')}`,
      `    ${getOutcomeCase(options)} AS outcome,`,
      "    (NOT c_malformed AND ((a_kind = 'date' AND c_doc <> 'ambiguous-instant') OR (c_doc = 'ok' AND c_explained))) AS noted,",
      '    CASE WHEN c_duplicate THEN c_first END AS duplicate_of',
      '  FROM flagged)',
    ].join('\n'),
  );
  const header = [
    `-- Classifies every consent row as \`verify\` does (Policy Press, ${options.dialect}); outcomes: ${SQL_OUTCOMES.join(', ')}.`,
    // The streaming reader's limit cannot be checked here: a row holds fields, not the record's bytes.
    `-- verify calls a record longer than ${MAX_RECORD_BYTES} bytes (1 MB) malformed; this query reads a row of any length: check the length of each record where the table is loaded.`,
  ];
  return `${header.join('\n')}\nWITH\n  ${ctes.join(',\n  ')}\nSELECT * FROM classified ORDER BY line`;
}

/**
 * What loads versions.csv as the table `versions` before the query, where
 * the query cannot read the file itself: psql's `\copy` for PostgreSQL; for
 * a warehouse (ansi), a comment saying which table to load. Empty for DuckDB.
 */
export function getVersionsLoadSql(dialectName: SqlDialectName, path: string): string {
  const dialect = getSqlDialect(dialectName);
  if (dialect.readCsv(path) !== null) return '';
  const columns = VERSION_COLUMNS.map((column) => `${dialect.quoteName(column.name)} VARCHAR`).join(', ');
  if (dialectName === 'postgres') {
    return `CREATE TEMP TABLE versions (${columns});\n\\copy versions FROM ${sqlString(path)} WITH (FORMAT csv, HEADER true, ENCODING 'UTF8')\n`;
  }
  return `-- Load ${path} (RFC 4180, UTF-8, a header row) as the table versions, every column as text:\n-- CREATE TABLE versions (${columns});\n`;
}

/**
 * `verify --engine duckdb`: the classifying query (classify-sql.ts) run by
 * DuckDB, embedded, over JSON Lines, CSV or Parquet files, with the same
 * outcome for every record as the streaming verifier and the same report.
 *
 * A plain CSV file (quotes only around whole fields on one line, no empty
 * line; line-endings.ts) is read by DuckDB's own CSV reader. DuckDB reads a
 * JSON Lines or other CSV file as physical lines, and SQL takes the fields
 * from every line it can read exactly as `verify` would: a CSV line without
 * a quote is split on commas; a JSON Lines line is parsed by DuckDB's JSON
 * functions. What SQL cannot read the same way is read by the streaming
 * reader's own code: a CSV record with a quote in a file that is not plain
 * (it may span lines), a JSON line DuckDB would read
 * otherwise than `JSON.parse` (a trailing comma, NaN, a key given twice, a
 * lone surrogate), a record with a `documents` list. A plain CSV or JSON
 * Lines file is classified unnumbered, in parallel, and only the records to
 * report are numbered (sortOutRecords). Every record is classified in one
 * query; the records with anything to say (not ok, or ok with a note) are
 * read again and verified by verifyConsentRecord, which writes the report's
 * messages and checks that both engines agree, record by record: a record
 * they disagree on is reported as `engines-disagree`, and the run goes on.
 * The plain ok records are counted; when every record is reported
 * (`--json`), each is read again and its result built from SQL's instant
 * (createPlainOkResult), not verified again.
 *
 * A file whose lines DuckDB would number differently (mixed line endings, a
 * lone CR, a NUL byte, bytes that are not UTF-8) is handed back to the
 * streaming verifier, with the reason.
 *
 * DuckDB is loaded only here, when asked (`@duckdb/node-api`, 70 MB of
 * native code that a run without `--engine` never loads).
 */
import { open } from 'node:fs/promises';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { MAX_RECORD_BYTES, type PhysicalLine } from '../read-lines.ts';
import { LineQueue, readCsvRecord, readJsonLines, toCsvRow, type ReadRecord } from '../read-records.ts';
import { addDuplicateIssue, createPlainOkResult, settleRecord, verifyConsentRecord, type RecordResult, type VerifyOptions } from '../verify-record.ts';
import type { Outcome } from '../verify-outcomes.ts';
import type { VersionIndex } from '../version-index.ts';
import { CsvRecordParser } from '../csv-record.ts';
import { createDuckDbClassifySql, createKeysSql, createRepeatedLinesSql, createSegmentsTableSql, getRepeatedKeysSql } from './classify-duckdb.ts';
import { MAX_PLAIN_LINE_BYTES, scanRecordsFile } from './line-endings.ts';
import { JS_WHITESPACE, sqlString } from './sql-dialect.ts';
import { getEngineSettings } from './engine-resources.ts';

/** The formats the engine reads, from a file's extension. */
type EngineFormat = 'csv' | 'jsonl' | 'parquet';

/** The format of a records file: `.parquet`, `.csv`, else JSON Lines. */
function detectEngineFormat(path: string): EngineFormat {
  if (/\.parquet$/i.test(path)) return 'parquet';
  return /\.csv$/i.test(path) ? 'csv' : 'jsonl';
}

/** A file read line by line, as the scan found it (scanRecordsFile): its path, its line ending, its longest line in bytes, whether it has a quote. */
interface LinesFile {
  path: string;
  newline: '\n' | '\r\n';
  longestLine: number;
  quoted: boolean;
}

/** The bytes of a CR before each LF: the streaming reader counts it in a line's length (read-lines.ts), so every length SQL checks against the record limit adds it. */
const lineEnding = (lines: LinesFile) => (lines.newline === '\r\n' ? 1 : 0);

/** What the engine says about one file: results to report (in line order), a count of plain ok records, or that the streaming verifier must read it. */
export type EngineEvent = { file: string; results: RecordResult[] } | { file: string; plainOk: number } | { file: string; fallback: string };

/** Thrown when a file cannot be checked by the engine at all (wrong column types, DuckDB refusing it, an error of the query): said once, with what to do, and the run stops. */
export class EngineError extends Error {
  override name = 'EngineError';
}

const FIELDS = ['policy', 'locale', 'version', 'sha256', 'acceptedAt'] as const;
/**
 * A line the streaming reader skips as blank (read-records.ts): empty, or
 * starting with a character up to U+0020 and nothing but whitespace as
 * `trim()` knows it. A line of no-break spaces is not blank there (its
 * first character is above U+0020): it is a record, and not JSON. A regular
 * expression, not trim(): trim() with a set of characters cost 6 s over
 * 10 million lines, the expression fails at the first character of a record.
 */
const BLANK_LINE = sqlString(`[\t\n\v\f\r ][${JS_WHITESPACE}]*`);

type Row = Record<string, unknown>;

/** A name as a SQL identifier. */
const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The first line of an error's message. */
function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/**
 * Runs `run` with the small tables (segments, repeated fingerprints) as the
 * build side of every hash join, as the query writes them (on the right).
 * DuckDB otherwise picks the side it estimates smaller, and it estimates a
 * CSV or JSON Lines file at a few dozen rows: it then built a hash table of
 * every record (10 million CSV records: out of memory at a 600 MB limit, and
 * 4.0 CPU-s a million instead of 1.5).
 */
async function withSmallBuildSides<T>(connection: DuckDBConnection, run: () => Promise<T>): Promise<T> {
  await connection.run("SET disabled_optimizers = 'build_side_probe_side'");
  try {
    return await run();
  } finally {
    await connection.run('RESET disabled_optimizers');
  }
}

/**
 * Fills the table `name` with the fingerprints (`d_key`) more than one record
 * of `rows` has, in slices that fit the memory limit (getRepeatedKeysSql);
 * returns how many there are. Every duplicate search of the engine goes
 * through here: one aggregate over 100 million fingerprints ran out of memory.
 */
async function findRepeatedKeys(connection: DuckDBConnection, rows: string, name: string): Promise<number> {
  await connection.run(createKeysSql('record_keys', rows));
  const [keys] = await all(connection, 'SELECT count(*) AS n FROM record_keys');
  for (const statement of getRepeatedKeysSql(name, 'record_keys', Number(keys?.['n'] ?? 0))) await connection.run(statement);
  const [repeated] = await all(connection, `SELECT count(*) AS n FROM ${name}`);
  return Number(repeated?.['n'] ?? 0);
}

/** The error of a file DuckDB's reader refused. */
function readFailed(file: string, format: 'CSV' | 'JSON Lines', error: unknown): EngineError {
  return new EngineError(`${file}: DuckDB cannot read it as ${format} (${describeError(error)}); no record of the file was counted and the run stops: verify the file without --engine`);
}

/** The error of a failed classifying query: never another engine instead, since it may be a bug in the generated SQL, which a fall-back would hide. */
function classifyingFailed(file: string, error: unknown): EngineError {
  return new EngineError(
    `${file}: DuckDB failed on the query that classifies the records (${describeError(error)}); no record of the file was counted and the run stops: verify the file without --engine, and report this error`,
  );
}

/**
 * Text DuckDB gives as its bytes (a column selected through encode()). The
 * node API decodes a VARCHAR with a TextDecoder, which drops a byte order
 * mark at its start: a line, a CSV field or a Parquet value that starts with
 * one would be read again without it, where verify reads it (a record in the
 * middle of a file that starts with U+FEFF is not JSON). Every text read
 * again by the streaming reader's code comes through here.
 */
function decodeText(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('utf8');
  return value === null || value === undefined ? '' : String(value);
}

async function all(connection: DuckDBConnection, sql: string): Promise<Row[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Row[];
}

async function* stream(connection: DuckDBConnection, sql: string): AsyncGenerator<Row[]> {
  const result = await connection.stream(sql);
  for await (const rows of result.yieldRowObjectJs()) yield rows as Row[];
}

/**
 * The file's physical lines as DuckDB reads them (a blank line is NULL),
 * numbered from 1, or not numbered (`line` NULL): numbering is a window over
 * the lines in the order they are read, which one thread computes, it and
 * everything the query does after it (a JSON Lines file of 10 million lines
 * read numbered took 53 s to classify).
 */
function rawLines({ path, newline, longestLine }: LinesFile, numbered = true): string {
  // Buffers sized by the file's longest line, not the longest the engine reads: DuckDB's reader took 3.5 s to read 10 million lines with 128 MB buffers, 0.8 s with 8 MB.
  const lineSize = Math.max(longestLine, MAX_RECORD_BYTES) + 2;
  return `(SELECT ${numbered ? 'row_number() OVER ()' : 'CAST(NULL AS BIGINT)'} AS line, l AS text FROM read_csv(${sqlString(path)}, columns = {'l': 'VARCHAR'}, header = false, delim = chr(0), quote = '', escape = '', auto_detect = false, strict_mode = false, new_line = ${sqlString(newline === '\n' ? '\\n' : '\\r\\n')}, max_line_size = ${lineSize}, buffer_size = ${Math.max(2 * lineSize, 8 * 2 ** 20)}))`;
}

/**
 * Whether a line DuckDB's JSON parser (yyjson) calls valid may hold what
 * `JSON.parse` refuses or reads otherwise, for `l` the line in lower case:
 * NaN or Infinity (yyjson takes them in any case), a trailing comma, or a
 * nested object, in which a key given twice (malformed for verify) is not
 * seen by json_keys. Such a line is read by the streaming reader's code.
 * Comments need no test: yyjson refuses them, as JSON.parse does. Plain
 * string searches where they can: one regular expression for all four
 * took 3.2 s over 10 million lines, these 1.7 s.
 */
const YYJSON_LENIENT = String.raw`(contains(l, 'nan') OR contains(l, 'inf') OR text LIKE '%{%{%' OR regexp_matches(text, ',[ \t\r]*[}\]]'))`;

/**
 * The rows of a JSON Lines file: fields where DuckDB reads them as JSON.parse
 * does, else marked for the streaming reader (`js`). Each line is parsed
 * four times (json_valid; json_type and json_extract_string, each for every
 * field at once; json_keys for a key given twice), never once per field.
 * A key given twice is one found earlier in the list of keys: list_distinct
 * built a hash table per line, 4.5 s over 10 million lines, this 1.2 s.
 */
function jsonRows(lines: string, ending: number): string {
  // Each field's JSON type and its text, all fields in one parse each: from_json, then json_type and ->> on each field, parsed every value again, and took 1.5 times as long.
  const paths = `[${[...FIELDS, 'documents'].map((field) => sqlString(`$.${field}`)).join(', ')}]`;
  const type = (at: number) => `coalesce(types[${at + 1}], 'NULL')`;
  const notText = FIELDS.map((_, at) => `${type(at)} NOT IN ('NULL', 'VARCHAR')`).join(' OR ');
  const documents = `(${type(FIELDS.length)} <> 'NULL' AND coalesce(texts[${FIELDS.length + 1}], '') <> '')`;
  return `(SELECT line, key,
    ${FIELDS.map((field, at) => `CASE WHEN object AND types[${at + 1}] = 'VARCHAR' THEN texts[${at + 1}] END AS "${field}"`).join(',\n    ')},
    -- A line DuckDB refuses, JSON.parse may read (a lone surrogate): the streaming reader reads it and says what it is, and it stays a candidate duplicate (no read_error).
    CASE WHEN long THEN 'too-long' WHEN NOT valid THEN NULL WHEN NOT object THEN 'not-object' WHEN ${notText} THEN 'not-text' END AS read_error,
    (NOT long AND NOT valid) OR (object AND (${YYJSON_LENIENT} OR len(list_filter(k, lambda name, place: list_position(k, name) <> place)) > 0 OR ${documents})) AS js
  FROM (SELECT *, CASE WHEN object THEN json_type(text, ${paths}) END AS types, CASE WHEN object THEN json_extract_string(text, ${paths}) END AS texts, CASE WHEN object THEN json_keys(text) END AS k, CASE WHEN object THEN lcase(text) END AS l
    FROM (SELECT line, text, hash(text) AS key, long, valid, valid AND regexp_matches(text, '^[ \t\r]*[{]') AS object
      FROM (SELECT line, text, strlen(text) + ${ending} > ${MAX_RECORD_BYTES} AS long, strlen(text) + ${ending} <= ${MAX_RECORD_BYTES} AND json_valid(text) AS valid
        FROM ${lines} WHERE NOT (text IS NULL OR text = '' OR regexp_full_match(text, ${BLANK_LINE}))))))`;
}

/**
 * A JSON Lines file: its records read and classified in parallel without line
 * numbers (sortOutRecords), the plain ok ones counted; then the lines of the
 * records sorted out (not plain ok, a repeated fingerprint) numbered and
 * kept with their text, classified again with their lines and reported.
 */
async function* verifyJsonLinesFile(connections: Connections, lines: LinesFile, index: VersionIndex, options: EngineOptions): AsyncGenerator<EngineEvent> {
  const { connection } = connections;
  const file = lines.path;
  let plainOk: number;
  try {
    const sorted = await sortOutRecords(connection, file, 'JSON Lines', jsonRows(rawLines(lines, false), lineEnding(lines)), index, options);
    plainOk = sorted.plainOk;
    await connection.run('SET preserve_insertion_order = true');
    // The fingerprints sorted out as the build side: with the file's lines as its build side, this pass took 7.6 s for 10 million lines, 2 s without.
    await withSmallBuildSides(connection, () =>
      connection.run(`CREATE OR REPLACE TEMP TABLE sorted_out_lines AS SELECT line, text FROM ${rawLines(lines)} AS lines WHERE text IS NOT NULL AND hash(text) IN (SELECT key FROM sorted_out_keys)`),
    );
    await expectSortedOut(connection, file, 'sorted_out_lines', sorted.sortedOut);
  } catch (error) {
    if (error instanceof EngineError) throw error;
    throw readFailed(file, 'JSON Lines', error);
  }
  yield { file, plainOk };
  yield* classifyAndReport(connections, file, jsonRows('sorted_out_lines', lineEnding(lines)), index, options, {
    relation: 'sorted_out_lines',
    texts: ['text'],
    toRead: async (row, line) => {
      const reads: ReadRecord[] = [];
      for await (const batch of readJsonLines(single(toPhysicalLine(line, decodeText(row['text']), lineEnding(lines))))) reads.push(...batch);
      return reads[0] ?? { line, error: 'the record could not be read again' };
    },
  });
}

/** The header of a CSV file and the rows SQL splits itself (lines without a quote). */
function csvSimpleRows(lines: string, headerLine: number, header: readonly string[], ending: number): string {
  const column = (name: string) => {
    const at = header.indexOf(name);
    return at === -1 ? 'NULL' : `fields[${at + 1}]`;
  };
  const hashColumn = header.indexOf('sha256');
  const documents = header.includes('documents') ? `coalesce(${column('documents')}, '') <> ''` : 'FALSE';
  return `(SELECT line, hash(text) AS key,
    ${FIELDS.map((field) => `${column(field)} AS "${field}"`).join(', ')},
    CASE WHEN strlen(text) + ${ending} > ${MAX_RECORD_BYTES} THEN 'too-long' WHEN len(fields) <> ${header.length} AND NOT (len(fields) < ${header.length} AND len(fields) = ${hashColumn}) THEN 'field-count' END AS read_error,
    ${documents} AS js
  FROM (SELECT line, text, string_split(text, ',') AS fields FROM ${lines} WHERE line > ${headerLine} AND text IS NOT NULL AND NOT contains(text, '"')))`;
}

/** Options of a run. */
export interface EngineOptions extends VerifyOptions {
  /** Report every record, not only those with something to say: `--json` prints every one. The plain ok records are read again for their fields and reported as SQL classified them, not verified again in JavaScript. */
  reportEveryRecord?: boolean;
  /** The memory the whole process may use, in MB (engine-resources.ts); DuckDB gets 60% of it and spills the rest to disk. */
  memoryBudgetMb?: number;
}

/**
 * Verifies files with DuckDB, one after the other, each in constant memory
 * on the JavaScript side (results come in batches).
 */
export async function* verifyWithDuckDb(files: readonly string[], index: VersionIndex, options: EngineOptions): AsyncGenerator<EngineEvent> {
  let duckdb: typeof import('@duckdb/node-api');
  try {
    duckdb = await import('@duckdb/node-api');
  } catch (error) {
    throw new EngineError(`DuckDB cannot be loaded (${describeError(error)}): run npm ci, which installs @duckdb/node-api, or verify without --engine`);
  }
  const instance = await duckdb.DuckDBInstance.create(':memory:', getEngineSettings(options.memoryBudgetMb));
  const connection = await instance.connect();
  const reader = await instance.connect();
  const writer = await instance.connect();
  try {
    for (const file of files) {
      const format = detectEngineFormat(file);
      // Line numbers of CSV and JSON Lines are the order their lines are read in; Parquet rows carry theirs (file_row_number).
      await connection.run(`SET preserve_insertion_order = ${format !== 'parquet'}`);
      if (format !== 'parquet') {
        const scan = await scanRecordsFile(file);
        if (!scan.ok) {
          yield { file, fallback: scan.reason };
          continue;
        }
        const lines = { path: file, newline: scan.newline, longestLine: scan.longestLine, quoted: scan.quoted };
        // A quoted line's length is not its fields' (plain rows measure theirs so): a quoted file with a line too long to be a record is read line by line, where its length is the line's.
        if (format === 'csv' && scan.plain && !(scan.quoted && scan.longestLine > MAX_RECORD_BYTES)) yield* verifyPlainCsvFile({ connection, reader, writer }, lines, index, options);
        else if (format === 'csv') yield* verifyCsvLinesFile({ connection, reader, writer }, lines, index, options);
        else yield* verifyJsonLinesFile({ connection, reader, writer }, lines, index, options);
      } else yield* verifyParquetFile({ connection, reader, writer }, file, index, options);
    }
  } finally {
    writer.closeSync();
    reader.closeSync();
    connection.closeSync();
    instance.closeSync();
  }
}

/** The SQL outcome and facts of one record to report. */
interface Interesting {
  line: number;
  outcome: Outcome;
  duplicateOf: number | null;
  js: boolean;
  /** The epoch milliseconds of acceptedAt, when SQL found the record plain ok (no note, nothing for the streaming reader): it is then reported without being verified again; else null. */
  plainOkAt: number | null;
}

/** Verifies one record again with the streaming verifier's code, checks that it agrees with SQL, and settles duplicates the way verifyRecords does. */
function explain(read: ReadRecord, found: Interesting, index: VersionIndex, options: EngineOptions, file: string): RecordResult {
  let result: RecordResult;
  if ('error' in read) result = { line: read.line, status: 'malformed', outcome: 'malformed', message: read.error, record: null };
  else {
    result = verifyConsentRecord(read.record, read.line, index, options, read.cutShort ? { cutShort: true } : {});
    if (found.duplicateOf !== null) addDuplicateIssue(result, found.duplicateOf, options);
  }
  if (found.js || result.outcome === found.outcome) return result;
  // Said of this record alone, failing it; the run goes on.
  const issue = {
    outcome: 'engines-disagree' as const,
    message: `DuckDB says ${found.outcome} and the streaming verifier ${result.outcome}: the engines disagree, which is a bug; verify ${file} without --engine, and report it`,
  };
  if (result.status === 'malformed') {
    const record = typeof result.record === 'object' && result.record !== null ? (result.record as Record<string, unknown>) : {};
    return {
      line: result.line,
      status: 'failed',
      outcome: 'engines-disagree',
      acceptedAt: '',
      documents: [],
      issues: [{ ...issue, message: `${issue.message} (the streaming verifier: ${result.message})` }],
      notes: [],
      record,
    };
  }
  result.issues.unshift(issue);
  return settleRecord(result, options);
}

/** Whether a record read again is an object with the five fields as text, as SQL read it: one SQL called plain ok is then reported as such; anything else is verified again, and a disagreement said. */
function isPlainRecord(read: ReadRecord): read is { line: number; record: Record<string, unknown>; bytes: Buffer } {
  if (!('record' in read) || read.cutShort || typeof read.record !== 'object' || read.record === null || Array.isArray(read.record)) return false;
  const record = read.record as Record<string, unknown>;
  return FIELDS.every((field) => typeof record[field] === 'string' && record[field] !== '');
}

/**
 * The engine's connections: `connection` creates tables and streams results,
 * `reader` reads lines again meanwhile, `writer` appends rows meanwhile (a
 * query on a connection ends the result it was streaming).
 */
interface Connections {
  connection: DuckDBConnection;
  reader: DuckDBConnection;
  writer: DuckDBConnection;
}

/** How the records to report are read again: a relation of their raw form by `line`, joined to them in one pass, or their raw columns carried through the classification; and how a row of it becomes the record the streaming reader would have read. */
interface Reread {
  /** The relation joined by `line`; or `carried`: columns of the rows classified that hold the record's raw values, kept for the records to report alone (`CASE WHEN said`), which saves reading the file again. */
  relation: string | { carried: readonly string[] };
  /** Text columns of the relation (or carried) that toRead reads, handed over in each row's bundle (readReported): as JSON strings, which keep every character, a byte order mark at the start too. */
  texts: readonly string[];
  /** Other columns toRead reads (a Parquet number or boolean), handed over as DuckDB's JS values. */
  others?: readonly string[];
  toRead(row: Row, line: number): ReadRecord | Promise<ReadRecord>;
  /** Results of records the reader refused, in line order, to report among the others (computed once the query has run). */
  refused?(): Promise<RecordResult[]>;
}

/** The fields of a reported row the bundle holds before the text columns, in this order. */
const REPORTED_FIELDS = ['engine_line', 'engine_outcome', 'engine_duplicate_of', 'engine_js', 'engine_plain_ok_at'] as const;

/** The columns of a reported row, as the table `reported` is written and read: those in its bundle, in order, and the others, each as a column of its own (`otherColumns`: the SQL that follows the bundle). */
function getReportedColumns(reread: Reread): { bundled: readonly string[]; others: readonly string[]; otherColumns: string } {
  const others = reread.others ?? [];
  return { bundled: [...REPORTED_FIELDS, ...reread.texts], others, otherColumns: others.map((name) => `, ${quoteName(name)}`).join('') };
}

/**
 * The rows of the table `reported`, in line order: each row's SQL facts and
 * text columns as one JSON array (json_array, written with the table),
 * parsed here, and the other columns toRead needs as DuckDB's JS values.
 * The node API reads each text longer than 12 bytes with a call into native
 * code: 100,000 rows of eleven columns took 0.7–1.2 s to read as DuckDB's
 * row objects, 0.25–0.4 s as one bundle each.
 */
async function* readReported(connection: DuckDBConnection, reread: Reread): AsyncGenerator<{ item: Interesting; row: Row }[]> {
  const { JSDuckDBValueConverter } = await import('@duckdb/node-api');
  const { bundled, others, otherColumns } = getReportedColumns(reread);
  // The table's order, which is the lines' (insertion order kept).
  const result = await connection.stream(`SELECT engine_bundle${otherColumns} FROM reported`);
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const bundles = chunk.getColumnVector(0);
    const otherValues = others.map((_, at) => chunk.convertColumnValues(at + 1, JSDuckDBValueConverter));
    const batch: { item: Interesting; row: Row }[] = [];
    for (let at = 0; at < chunk.rowCount; at += 1) {
      const values = JSON.parse(String(bundles.getItem(at))) as unknown[];
      const row: Row = {};
      bundled.forEach((name, column) => {
        row[name] = values[column] ?? null;
      });
      others.forEach((name, column) => {
        row[name] = otherValues[column]?.[at] ?? null;
      });
      const item: Interesting = {
        line: Number(row['engine_line']),
        outcome: row['engine_outcome'] as Outcome,
        duplicateOf: row['engine_duplicate_of'] === null ? null : Number(row['engine_duplicate_of']),
        js: row['engine_js'] === true,
        plainOkAt: row['engine_plain_ok_at'] === null ? null : Number(row['engine_plain_ok_at']),
      };
      batch.push({ item, row });
    }
    yield batch;
  }
}

/** Runs the classification over `rows` (a table) and yields the plain-ok count, then the records to report, read again by `reread`. */
async function* classifyAndReport({ connection }: Connections, file: string, rows: string, index: VersionIndex, options: EngineOptions, reread: Reread): AsyncGenerator<EngineEvent> {
  await connection.run(createSegmentsTableSql('outcome_segments', index, options.timeZone));
  const carried = typeof reread.relation === 'string' ? [] : reread.relation.carried;
  // One pass: every record with anything to say is kept with its line; the plain ok ones are only counted (one group, line NULL).
  try {
    // Duplicates first, by their fingerprints alone; their first lines only when there are any (an export rarely repeats a record).
    const anyRepeated = (await findRepeatedKeys(connection, rows, 'repeated_keys')) > 0;
    if (anyRepeated) await connection.run(createRepeatedLinesSql('repeated_lines', rows, 'repeated_keys'));
    const sql = createDuckDbClassifySql({
      rows,
      segments: 'outcome_segments',
      repeated: anyRepeated ? 'repeated_lines' : null,
      index,
      timeZone: options.timeZone,
      now: options.now,
      ...(options.allowMissingHash ? { allowMissingHash: true } : {}),
      ...(options.strict ? { strict: true } : {}),
      passThrough: ['js', ...carried],
      ...(options.reportEveryRecord ? { instant: true } : {}),
    });
    // With every record reported, a plain ok one keeps its instant (plain_ok_at), from which its result is built.
    const plainOkAt = options.reportEveryRecord ? "CASE WHEN said AND outcome = 'ok' AND NOT noted AND NOT js AND duplicate_of IS NULL THEN accepted_ms END" : 'CAST(NULL AS BIGINT)';
    await withSmallBuildSides(connection, () =>
      connection.run(`CREATE OR REPLACE TABLE interesting AS
    SELECT CASE WHEN said THEN line END AS line, CASE WHEN said THEN outcome END AS outcome, CASE WHEN said THEN duplicate_of END AS duplicate_of, CASE WHEN said THEN js END AS js, ${plainOkAt} AS plain_ok_at,${carried.map((name) => ` CASE WHEN said THEN ${quoteName(name)} END AS ${quoteName(name)},`).join('')} count(*) AS n
    FROM (SELECT *, (outcome <> 'ok' OR noted OR js${options.reportEveryRecord ? ' OR TRUE' : ''}) AS said FROM (${sql}) AS classified) AS marked GROUP BY ALL`),
    );
  } catch (error) {
    // Never another engine instead: the error may be a bug in the generated SQL, which a fall-back would hide.
    throw classifyingFailed(file, error);
  }
  const [plain] = await all(connection, 'SELECT coalesce(sum(n), 0) AS n FROM interesting WHERE line IS NULL');
  yield { file, plainOk: Number(plain?.['n'] ?? 0) };
  const refused = (await reread.refused?.()) ?? [];
  let nextRefused = 0;
  // The records to report with their raw form (joined to the relation in one pass, or carried) into a table, then streamed from it in line order. Streamed straight from the join, 1M records of 100M took 10.7 s; joined in parallel into a table and streamed from there, 6.9 s.
  const reported = 'i.line AS engine_line, i.outcome AS engine_outcome, i.duplicate_of AS engine_duplicate_of, i.js AS engine_js, i.plain_ok_at AS engine_plain_ok_at';
  const joined =
    typeof reread.relation === 'string'
      ? `SELECT ${reported}, raw.* FROM interesting AS i JOIN ${reread.relation} AS raw ON raw.line = i.line WHERE i.line IS NOT NULL`
      : `SELECT ${reported}, ${carried.map((name) => `i.${quoteName(name)}`).join(', ')} FROM interesting AS i WHERE i.line IS NOT NULL`;
  // Sorted by line as the table is written, each row as its bundle (readReported), and read back in that order: the sort's memory is given back before the records are streamed (100M Parquet records: 1,088 MB at the peak when sorted while streamed).
  await connection.run('SET preserve_insertion_order = true');
  const { bundled, otherColumns } = getReportedColumns(reread);
  await connection.run(`CREATE OR REPLACE TEMP TABLE reported AS SELECT CAST(json_array(${bundled.map(quoteName).join(', ')}) AS VARCHAR) AS engine_bundle${otherColumns} FROM (${joined}) ORDER BY engine_line`);
  for await (const batch of readReported(connection, reread)) {
    const results: RecordResult[] = [];
    for (const { item, row } of batch) {
      // The refused records before this one, in their place.
      while (nextRefused < refused.length && (refused[nextRefused]?.line ?? Infinity) < item.line) results.push(refused[nextRefused++] as RecordResult);
      const read = await reread.toRead(row, item.line);
      results.push(item.plainOkAt !== null && isPlainRecord(read) ? createPlainOkResult(read.record, read.line, item.plainOkAt) : explain(read, item, index, options, file));
    }
    yield { file, results };
  }
  if (nextRefused < refused.length) yield { file, results: refused.slice(nextRefused) };
  await connection.run('DROP TABLE reported; DROP TABLE interesting');
}

/** Physical lines by number, fetched from DuckDB (a blank line is ''). */
async function fetchLines(connection: DuckDBConnection, lines: string, numbers: string): Promise<Map<number, string>> {
  const rows = await all(connection, `SELECT line, encode(coalesce(text, '')) AS text FROM ${lines} WHERE line IN (${numbers})`);
  return new Map(rows.map((row) => [Number(row['line']), decodeText(row['text'])]));
}

/** Lines as the one batch of an async source, as the streaming readers take them. */
async function* single(...lines: PhysicalLine[]): AsyncGenerator<PhysicalLine[]> {
  yield lines;
}

/** A line as the streaming reader reads it; `ending`: the bytes of a CR before the LF, which it counts in a line's length (and drops from its text). */
function toPhysicalLine(number: number, text: string, ending = 0): PhysicalLine {
  const bytes = Buffer.from(text, 'utf8');
  return bytes.length + ending > MAX_RECORD_BYTES ? { number, problem: 'too-long', bytes: bytes.length + ending } : { number, text, bytes };
}

/** A CSV file read line by line (one with quotes, blank lines or a byte order mark): the lines without a quote split by SQL, the records with one read by the streaming reader's parser. */
async function* verifyCsvLinesFile(connections: Connections, linesFile: LinesFile, index: VersionIndex, options: EngineOptions): AsyncGenerator<EngineEvent> {
  const { connection, reader, writer } = connections;
  const file = linesFile.path;
  const lines = rawLines(linesFile);
  const ending = lineEnding(linesFile);
  // CSV: the header is the first line that is not empty, read by the streaming reader's parser.
  const [first] = await all(connection, `SELECT line, encode(text) AS text FROM ${lines} WHERE text IS NOT NULL ORDER BY line LIMIT 1`);
  if (!first) {
    yield { file, plainOk: 0 };
    return;
  }
  const headerLine = Number(first['line']);
  const headerParser = new CsvRecordParser();
  const headerState = headerParser.feed(decodeText(first['text']));
  const header = headerParser.fields.map((name) => name.trim());
  if (headerState !== 'done' || new Set(header).size !== header.length) {
    yield { file, fallback: 'its header row is not one plain line of distinct names' };
    return;
  }
  // Records with a quote, read by the streaming reader's own code, since a quoted field may span lines.
  await connection.run('CREATE OR REPLACE TABLE quoted_rows (line BIGINT, policy VARCHAR, locale VARCHAR, version VARCHAR, sha256 VARCHAR, "acceptedAt" VARCHAR, read_error VARCHAR, js BOOLEAN, record_text VARCHAR)');
  await connection.run('CREATE OR REPLACE TABLE consumed_lines (line BIGINT)');
  const appender = await writer.createAppender('quoted_rows');
  const consumedAppender = await writer.createAppender('consumed_lines');
  let consumedUntil = 0;
  const fieldsOf = (read: ReadRecord) => ('record' in read ? (read.record as Record<string, string>) : {});
  for await (const batch of stream(connection, `SELECT line, encode(text) AS text FROM ${lines} WHERE line > ${headerLine} AND contains(text, '"') ORDER BY line`)) {
    // The quoted lines are streamed on one connection while the other fetches the lines a quoted field runs on to.
    for (const row of batch) {
      const start = Number(row['line']);
      if (start <= consumedUntil) continue;
      const read = await readQuotedRecord(reader, lines, ending, start, decodeText(row['text']), header);
      const last = read.lastLine;
      if (last > start) {
        for (let consumed = start + 1; consumed <= last; consumed += 1) appendConsumed(consumedAppender, consumed);
        consumedUntil = last;
      }
      const record = read.record;
      const fields = fieldsOf(record);
      appendQuoted(appender, record, fields, read.text);
    }
  }
  appender.closeSync();
  consumedAppender.closeSync();
  const simple = csvSimpleRows(lines, headerLine, header, ending);
  // hash() of the record's text, computed by DuckDB for both kinds of row, so a quoted record and a plain one compare as bytes.
  const rows = `(SELECT line, key, policy, locale, version, sha256, "acceptedAt", read_error, js FROM ${simple} AS s WHERE line NOT IN (SELECT line FROM consumed_lines)
    UNION ALL SELECT line, hash(record_text) AS key, policy, locale, version, sha256, "acceptedAt", read_error, js FROM quoted_rows)`;
  yield* classifyAndReport(connections, file, rows, index, options, {
    relation: `(SELECT r.line, coalesce(q.record_text, r.text, '') AS text, q.read_error AS stored_error FROM ${lines} AS r LEFT JOIN quoted_rows AS q ON q.line = r.line)`,
    texts: ['text', 'stored_error'],
    toRead: async (row, line) => {
      // A quoted record the streaming reader refused: its message as it was read, with the lines after it.
      if (typeof row['stored_error'] === 'string') return { line, error: row['stored_error'] };
      const physical = decodeText(row['text'])
        .split('\n')
        .map((part, offset) => toPhysicalLine(line + offset, part, ending));
      const read = await readCsvRecord(new LineQueue(single(...physical)[Symbol.asyncIterator]()), (field) => header[field]);
      if (!read) return { line, error: 'the record could not be read again' };
      return 'error' in read ? read : toCsvRow(read, header);
    },
  });
}

function appendConsumed(appender: DuckDBAppender, line: number): void {
  appender.appendBigInt(BigInt(line));
  appender.endRow();
}

function appendQuoted(appender: DuckDBAppender, read: ReadRecord, fields: Record<string, string>, text: string): void {
  appender.appendBigInt(BigInt(read.line));
  for (const field of FIELDS) {
    const value = fields[field];
    if (value === undefined) appender.appendNull();
    else appender.appendVarchar(value);
  }
  if ('error' in read) appender.appendVarchar(read.error);
  else appender.appendNull();
  appender.appendBoolean('record' in read && (fields['documents'] ?? '') !== '');
  appender.appendVarchar(text);
  appender.endRow();
}

/** A quoted CSV record from its first line on, as readCsvRecord reads it: the record (or its error), its text and its last line. */
async function readQuotedRecord(connection: DuckDBConnection, lines: string, ending: number, start: number, firstText: string, header: readonly string[]): Promise<{ record: ReadRecord; text: string; lastLine: number }> {
  const first = toPhysicalLine(start, firstText, ending);
  let next = start + 1;
  // Later lines are fetched only when a quoted field stays open at the end of the first one.
  async function* source(): AsyncGenerator<PhysicalLine[]> {
    yield [first];
    for (;;) {
      const numbers = Array.from({ length: 64 }, (_, offset) => next + offset);
      const texts = await fetchLines(connection, lines, numbers.join(', '));
      const batch = numbers.filter((number) => texts.has(number)).map((number) => toPhysicalLine(number, texts.get(number) ?? '', ending));
      if (batch.length === 0) return;
      next += 64;
      yield batch;
    }
  }
  const queue = new LineQueue(source()[Symbol.asyncIterator]());
  const read = await readCsvRecord(queue, (field) => header[field]);
  if (!read || 'error' in read) return { record: read ?? { line: start, error: 'the record could not be read' }, text: firstText, lastLine: start };
  const record = toCsvRow(read, header);
  // A refused record gives its later lines back: they are read again as records of their own.
  if ('error' in record) return { record, text: read.bytes.toString('utf8'), lastLine: start };
  return { record, text: read.bytes.toString('utf8'), lastLine: read.rest.at(-1)?.number ?? start };
}

/** The header of a file: its first line, as the streaming reader reads and names the columns (its CSV parser, names trimmed); null if that line is not one whole record. */
async function readHeader(file: string): Promise<string[] | null> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const end = text.indexOf('\n');
    const parser = new CsvRecordParser();
    if (parser.feed((end === -1 ? text : text.slice(0, end)).replace(/\r$/, '')) !== 'done') return null;
    return parser.fields.map((name) => name.trim());
  } finally {
    await handle.close();
  }
}

/**
 * A plain CSV file (no empty line, no byte order mark, quotes only around
 * whole fields on one line: every line one record, as machine exports and
 * spreadsheets write them), read by DuckDB's own CSV reader: strict, every
 * column as text, the lines it refuses (a wrong number of fields) kept in
 * its rejects table with their line numbers and read again by the streaming
 * reader's code, which gives them their outcome and message.
 *
 * Numbering needs one reader reading in order, so only the records that
 * need a line are numbered (see sortOutRecords): the others are counted
 * by queries that read the file in parallel, unnumbered.
 *
 * Without a quote, a line is its fields joined by commas: the first pass
 * fingerprints that text, and the lines sorted out are found among the
 * file's physical lines, numbered as they are read (a record sorted out
 * and not found stops the run: expectSortedOut). With quotes it is not:
 * `"a",b` and `a,b` have the same fields and are not the same record byte
 * for byte. The first pass then fingerprints the fields, which sorts out
 * both such records (a fingerprint two records share); the records sorted
 * out are numbered by the reader, their numbers shifted past the header
 * and the refused lines before them, and given their lines' own bytes,
 * which fingerprint them for the duplicates and are read again for the
 * report.
 */
async function* verifyPlainCsvFile(connections: Connections, lines: LinesFile, index: VersionIndex, options: EngineOptions): AsyncGenerator<EngineEvent> {
  const { connection } = connections;
  const { path: file } = lines;
  // new_line left to DuckDB: given '\\r\\n', its CSV reader (1.5.6) reads no row at all; the scan found every line ending the same way, LF or CR LF.
  const header = await readHeader(file);
  if (header === null || header.length === 0 || header.some((name) => name === '') || new Set(header).size !== header.length) {
    yield* verifyCsvLinesFile(connections, lines, index, options);
    return;
  }
  const columns = `{${header.map((_, at) => `${sqlString(`c${at}`)}: 'VARCHAR'`).join(', ')}}`;
  const reader = (errors: string) =>
    `read_csv(${sqlString(file)}, header = true, columns = ${columns}, all_varchar = true, delim = ',', quote = ${lines.quoted ? `'"', escape = '"'` : `'', escape = ''`}, auto_detect = false, strict_mode = true, max_line_size = ${MAX_PLAIN_LINE_BYTES + 2}, buffer_size = ${8 * MAX_PLAIN_LINE_BYTES}, ${errors})`;
  const column = (name: string) => {
    const at = header.indexOf(name);
    return at === -1 ? 'CAST(NULL AS VARCHAR)' : `c${at}`;
  };
  const cells = header.map((_, at) => `c${at}`);
  // Without a quote, the line is its fields joined by commas: its length, and its bytes' fingerprint, come from them. A quoted file has no line too long (verifyWithDuckDb).
  const ending = lineEnding(lines);
  const length = `${header.length - 1 + ending} + ${cells.map((name) => `coalesce(strlen(${name}), 0)`).join(' + ')}`;
  // An unquoted record's line is its fields joined by commas (the reader reads an empty field as NULL): its text is fingerprinted, and found again among the file's lines.
  const lineOf = `concat_ws(',', ${cells.map((name) => `coalesce(${name}, '')`).join(', ')})`;
  const tooLong = lines.quoted ? 'CAST(NULL AS VARCHAR)' : `CASE WHEN ${length} > ${MAX_RECORD_BYTES} THEN 'too-long' END`;
  await connection.run('DROP TABLE IF EXISTS csv_rejects; DROP TABLE IF EXISTS csv_scans');
  const read = reader("store_rejects = true, rejects_table = 'csv_rejects', rejects_scan = 'csv_scans'");
  const rowsOf = (source: string, line: string, key = `hash(${cells.join(', ')})`) => `(SELECT ${line} AS line, ${key} AS key,
    ${FIELDS.map((field) => `${column(field)} AS "${field}"`).join(', ')},
    ${tooLong} AS read_error,
    ${header.includes('documents') ? `coalesce(${column('documents')}, '') <> ''` : 'FALSE'} AS js
    FROM ${source})`;
  let plainOk: number;
  // The records sorted out of a quoted file, by their lines: plain_rows when no line was refused (a record's number is then its line), else located_rows.
  let located = 'plain_rows';
  try {
    const sorted = await sortOutRecords(connection, file, 'CSV', rowsOf(read, 'CAST(NULL AS BIGINT)', lines.quoted ? undefined : `hash(${lineOf})`), index, options);
    plainOk = sorted.plainOk;
    await connection.run('SET preserve_insertion_order = true');
    if (!lines.quoted) {
      // The lines sorted out, numbered as the file's physical lines (the header and the refused lines counted): a numbered read of lines splits no field (10 million lines: 1.3 s, against 2.9 s numbering the reader's records).
      await withSmallBuildSides(connection, () =>
        connection.run(
          `CREATE OR REPLACE TEMP TABLE record_lines AS SELECT line, text FROM ${rawLines(lines)} AS raw WHERE line > 1 AND hash(text) IN (SELECT key FROM sorted_out_keys) AND line NOT IN (SELECT line FROM csv_rejects)`,
        ),
      );
      await expectSortedOut(connection, file, 'record_lines', sorted.sortedOut);
    } else {
      // The reader numbers records only in the order it reads them (row_number over one scan, insertion order kept): only the records sorted out are kept, with their numbers, in a table the query then reads.
      await withSmallBuildSides(connection, () =>
        connection.run(
          `CREATE OR REPLACE TEMP TABLE plain_rows AS SELECT * FROM (SELECT row_number() OVER () + 1 AS line, ${cells.join(', ')} FROM ${read}) AS numbered WHERE hash(${cells.join(', ')}) IN (SELECT key FROM sorted_out_keys)`,
        ),
      );
      await expectSortedOut(connection, file, 'plain_rows', sorted.sortedOut);
      // Each record's line: its number shifted past the lines refused before it. The n-th line read comes after every refused line that fewer than n lines read precede: for each count of lines read before a refused line, how many refused lines have at most that count, and one as-of join (a sort of both sides, not a count per record: 100,000 records among as many refused lines took 97 s counted per record, and 21 s shifted in JavaScript).
      await connection.run(`CREATE OR REPLACE TEMP TABLE refused_lines AS SELECT read_before, max(refused) AS refused FROM
      (SELECT line - row_number() OVER (ORDER BY line) AS read_before, row_number() OVER (ORDER BY line) AS refused FROM (SELECT DISTINCT line FROM csv_rejects)) GROUP BY read_before`);
      // Only when a line was refused: the join sorts both sides, 7.5 s for 10M records to report (--json).
      const [refusedLines] = await all(connection, 'SELECT count(*) AS n FROM refused_lines');
      if (Number(refusedLines?.['n'] ?? 0) > 0) {
        located = 'located_rows';
        await connection.run(
          `CREATE OR REPLACE TEMP TABLE located_rows AS SELECT numbered.line + coalesce(before.refused, 0) AS line, ${cells.map((name) => `numbered.${name}`).join(', ')} FROM plain_rows AS numbered ASOF LEFT JOIN refused_lines AS before ON numbered.line > before.read_before`,
        );
      }
      // Their lines' bytes, from a numbered read of the file's lines.
      await withSmallBuildSides(connection, () => connection.run(`CREATE OR REPLACE TEMP TABLE record_lines AS SELECT line, text FROM ${rawLines(lines)} AS raw WHERE line IN (SELECT line FROM ${located})`));
    }
  } catch (error) {
    if (error instanceof EngineError) throw error;
    throw readFailed(file, 'CSV', error);
  }
  yield { file, plainOk };
  // A record's fingerprint is its line's bytes; an unquoted line is split by SQL, as the reader split it.
  const rows = lines.quoted ? rowsOf(`(SELECT * FROM ${located} JOIN record_lines USING (line))`, 'line', 'hash(text)') : csvSimpleRows('record_lines', 1, header, ending);
  const readLine = async (line: number, text: string): Promise<ReadRecord> => {
    const read = await readCsvRecord(new LineQueue(single(toPhysicalLine(line, text, ending))[Symbol.asyncIterator]()), (field) => header[field]);
    if (!read) return { line, error: 'the record could not be read again' };
    return 'error' in read ? read : toCsvRow(read, header);
  };
  // The lines the reader refused: a row cut short before its sha256 column is a record verify reads, and one with another refused row's bytes is its duplicate (a refused line's bytes are never an accepted line's: their fields differ in number).
  const refused = async () => {
    const refused = await fetchRejects(connection);
    const results: RecordResult[] = [];
    const firstLines = new Map<string, number>();
    for (const [line, text] of refused) {
      const read = await readLine(line, text);
      if ('error' in read) {
        results.push({ line, status: 'malformed', outcome: 'malformed', message: read.error, record: null });
        continue;
      }
      const result = verifyConsentRecord(read.record, line, index, options, read.cutShort ? { cutShort: true } : {});
      const earlier = firstLines.get(text);
      if (earlier === undefined) firstLines.set(text, line);
      else addDuplicateIssue(result, earlier, options);
      results.push(result);
    }
    return results;
  };
  // Every record is read again from its line.
  const reread = { relation: 'record_lines', texts: ['text'], toRead: (row: Row, line: number) => readLine(line, decodeText(row['text'])) };
  yield* classifyAndReport(connections, file, rows, index, options, { ...reread, refused });
}

/**
 * Classifies the records of a file read in parallel, without line numbers
 * (a plain CSV file, JSON Lines), and returns how many are plain ok; the
 * fingerprints of the others are left in the table `sorted_out_keys`, for
 * their records to be numbered and classified again with their lines. A
 * fingerprint two or more records have (a duplicate, or two records
 * colliding) is sorted out whatever their outcome, so every other
 * fingerprint sorted out belongs to one record alone and no record is
 * counted twice.
 */
async function sortOutRecords(connection: DuckDBConnection, file: string, format: 'CSV' | 'JSON Lines', rows: string, index: VersionIndex, options: EngineOptions): Promise<{ plainOk: number; sortedOut: number }> {
  await connection.run('SET preserve_insertion_order = false');
  await connection.run(createSegmentsTableSql('outcome_segments', index, options.timeZone));
  const sql = createDuckDbClassifySql({
    rows,
    segments: 'outcome_segments',
    repeated: null,
    index,
    timeZone: options.timeZone,
    now: options.now,
    ...(options.allowMissingHash ? { allowMissingHash: true } : {}),
    ...(options.strict ? { strict: true } : {}),
    passThrough: ['js', 'key'],
  });
  try {
    // One read of the file: each record's fingerprint (never NULL: hash() of its text or fields), and whether it has anything to say. Fingerprints read in a pass of their own cost a second read: 10 million CSV records, 2.4 s.
    await withSmallBuildSides(connection, () =>
      connection.run(`CREATE OR REPLACE TEMP TABLE record_keys AS SELECT key, (outcome <> 'ok' OR noted OR js${options.reportEveryRecord ? ' OR TRUE' : ''}) AS said FROM (${sql}) AS classified`),
    );
  } catch (error) {
    // The reader's error, if reading alone fails; else the query's.
    await all(connection, `SELECT count(*) FROM ${rows}`).catch((readError: unknown) => {
      throw readFailed(file, format, readError);
    });
    throw classifyingFailed(file, error);
  }
  const [keys] = await all(connection, 'SELECT count(*) AS n FROM record_keys');
  for (const statement of getRepeatedKeysSql('shared_keys', 'record_keys', Number(keys?.['n'] ?? 0), false)) await connection.run(statement);
  // A fingerprint two records share is sorted out whatever their outcome.
  await withSmallBuildSides(connection, () =>
    connection.run(`CREATE OR REPLACE TEMP TABLE sorted_counts AS
    SELECT CASE WHEN said OR key IN (SELECT d_key FROM shared_keys) THEN key END AS key, count(*) AS n FROM record_keys GROUP BY ALL`),
  );
  await connection.run('DROP TABLE record_keys');
  await connection.run('CREATE OR REPLACE TEMP TABLE sorted_out_keys AS SELECT key FROM sorted_counts WHERE key IS NOT NULL');
  const [counts] = await all(connection, 'SELECT coalesce(sum(n) FILTER (WHERE key IS NULL), 0) AS plain, coalesce(sum(n) FILTER (WHERE key IS NOT NULL), 0) AS sorted FROM sorted_counts');
  return { plainOk: Number(counts?.['plain'] ?? 0), sortedOut: Number(counts?.['sorted'] ?? 0) };
}

/**
 * Checks that the table `found` holds as many records as the first pass
 * sorted out: each is then counted once, either plain ok or reported. A
 * record sorted out and not found again would vanish from the counts: the
 * run stops instead.
 */
async function expectSortedOut(connection: DuckDBConnection, file: string, found: string, sortedOut: number): Promise<void> {
  const [row] = await all(connection, `SELECT count(*) AS n FROM ${found}`);
  const count = Number(row?.['n'] ?? 0);
  if (count !== sortedOut) {
    throw new EngineError(
      `${file}: DuckDB sorted out ${sortedOut} record${sortedOut === 1 ? '' : 's'} to report and found ${count} of them again by their lines; no record of the file was counted and the run stops: verify the file without --engine, and report this error`,
    );
  }
}

/** The lines DuckDB's CSV reader refused (each once, though the query read the file twice), in order, with their text. */
async function fetchRejects(connection: DuckDBConnection): Promise<[number, string][]> {
  const rows = await all(connection, 'SELECT line, encode(any_value(csv_line)) AS text FROM csv_rejects GROUP BY line ORDER BY line').catch(() => []);
  // csv_line of a CR LF file starts with the LF of the line before and ends with its own CR (DuckDB 1.5.6).
  return rows.map((row) => [Number(row['line']), decodeText(row['text']).replace(/^\n/, '').replace(/\r$/, '')]);
}

/** Parquet column types whose values are JSON numbers or booleans, as a JSON Lines record could hold them in place of text. */
const JSON_SCALAR_TYPE = /^(BOOLEAN|U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL\(\d+,\d+\))$/;

async function* verifyParquetFile(connections: Connections, file: string, index: VersionIndex, options: EngineOptions): AsyncGenerator<EngineEvent> {
  const { connection } = connections;
  const source = `read_parquet(${sqlString(file)}, file_row_number = true)`;
  let columns: Row[];
  try {
    columns = await all(connection, `DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`);
  } catch (error) {
    throw new EngineError(`${file}: DuckDB cannot read it as Parquet (${describeError(error)})`);
  }
  const types = new Map(columns.map((column) => [String(column['column_name']), String(column['column_type'])]));
  // A field of a JSON type other than text (a number, a boolean) is what a JSON Lines record can hold too: each record gets the streaming verifier's outcome and message for it (malformed where a value is given). A type JSON has no value of (a timestamp, a list) stops the run.
  const notText = new Set<string>();
  for (const field of [...FIELDS, 'documents']) {
    const type = types.get(field);
    if (type === undefined || type === 'VARCHAR') continue;
    if (field !== 'documents' && JSON_SCALAR_TYPE.test(type)) {
      notText.add(field);
      continue;
    }
    throw new EngineError(
      `${file}: column ${field} is ${type}, and verify reads it as text: write ${field === 'acceptedAt' ? 'acceptedAt as ISO 8601 text with its offset (2025-09-01T10:00:00+03:00)' : `${field} as text`} when exporting`,
    );
  }
  const names = [...types.keys()];
  const value = (field: string) => (types.has(field) && !notText.has(field) ? `"${field}"` : 'CAST(NULL AS VARCHAR)');
  const readError = notText.size === 0 ? 'CAST(NULL AS VARCHAR)' : `CASE WHEN ${[...notText].map((field) => `"${field}" IS NOT NULL`).join(' OR ')} THEN 'not-text' END`;
  const rows = `(SELECT file_row_number + 1 AS line, hash(${names.map(quoteName).join(', ')}) AS key,
    ${FIELDS.map((field) => `${value(field)} AS "${field}"`).join(', ')}, ${readError} AS read_error,
    ${types.has('documents') ? `coalesce("documents", '') <> ''` : 'FALSE'} AS js,
    ${names.map((name, at) => `${quoteName(name)} AS raw_${at}`).join(', ')} FROM ${source})`;
  // The record's columns carried through the classification (raw_0, raw_1…): the file is not read again for the records to report. Text columns come as JSON strings (readReported): a value that starts with a byte order mark keeps it.
  const carried = names.map((_, at) => `raw_${at}`);
  const text = names.map((name) => types.get(name) === 'VARCHAR');
  yield* classifyAndReport(connections, file, rows, index, options, {
    relation: { carried },
    texts: carried.filter((_, at) => text[at]),
    others: carried.filter((_, at) => !text[at]),
    toRead: (row, line) => {
      const record: Record<string, unknown> = {};
      names.forEach((name, at) => {
        const item = row[`raw_${at}`];
        record[name] = typeof item === 'bigint' ? Number(item) : text[at] && item !== null ? decodeText(item) : item;
      });
      return { line, record, bytes: Buffer.alloc(0) };
    },
  });
}

/**
 * The three engines that classify consent records, side by side, for the
 * differential tests: the streaming verifier (the reference), the SQL run
 * by DuckDB (the query alone, and `verify --engine duckdb` end to end), and
 * the SQL run by a real PostgreSQL. Each answers with the outcome of every
 * record by its line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { readRecords } from '#lib/consent/read-records.ts';
import type { Outcome } from '#lib/consent/verify-outcomes.ts';
import type { RecordResult, VerifyOptions } from '#lib/consent/verify-record.ts';
import { verifyRecords } from '#lib/consent/verify-records.ts';
import type { VersionIndex } from '#lib/consent/version-index.ts';
import { createClassifySql, getIndexTableVersions, getMaxCorrections, getVersionsLoadSql } from '#lib/consent/sql/classify-sql.ts';
import { verifyWithDuckDb } from '#lib/consent/sql/duckdb-engine.ts';
import { createVersionsCsv } from '#lib/feed/versions-table.ts';
import { createTypedClassifySql } from '#lib/consent/sql/typed-classify-sql.ts';
import { sqlString } from '#lib/consent/sql/sql-dialect.ts';
import { parseEffective } from '#lib/time/effective-instant.ts';
import { expect } from 'vitest';
import type { PostgresCluster } from './postgres-cluster.ts';

/** A flat consent record: a field absent (undefined), null, or text. */
export type FlatRecord = Partial<Record<'policy' | 'locale' | 'version' | 'sha256' | 'acceptedAt', string | null>>;

/** Outcomes by line. */
export type Outcomes = Map<number, Outcome>;

/** The files and table of one set of records. */
export interface RecordFiles {
  jsonl: string;
  csv: string;
  /** The consent table as CSV: line, key (the record's JSON line, its bytes), and the five fields; NULL an empty field, '' a quoted one. */
  table: string;
  versionsCsv: string;
  /** The line of each flat record in the JSON Lines file. */
  lines: number[];
  /** The most corrections a version has, for the queries that read versions.csv. */
  maxCorrections: number;
}

const FIELDS = ['policy', 'locale', 'version', 'sha256', 'acceptedAt'] as const;
const csvField = (value: string | null | undefined) => (value === null || value === undefined ? '' : `"${value.replaceAll('"', '""')}"`);

/**
 * Writes the records as JSON Lines (with `extraLines`, raw lines that only a
 * file can hold, after them), as CSV with a header, and as the table the SQL
 * engines load; and the versions as versions.csv.
 */
export function writeRecordFiles(records: readonly FlatRecord[], index: VersionIndex, timeZone: string, extraLines: readonly string[] = []): RecordFiles {
  const dir = mkdtempSync(join(tmpdir(), 'policy-press-engines-'));
  const jsonLines = records.map((record) => JSON.stringify(record));
  const files: RecordFiles = {
    jsonl: join(dir, 'consents.jsonl'),
    csv: join(dir, 'consents.csv'),
    table: join(dir, 'table.csv'),
    versionsCsv: join(dir, 'versions.csv'),
    lines: jsonLines.map((_, i) => i + 1),
    maxCorrections: getMaxCorrections(getIndexTableVersions(index)),
  };
  writeFileSync(files.jsonl, `${[...jsonLines, ...extraLines].join('\n')}\n`);
  writeFileSync(files.csv, `${FIELDS.join(',')}\n${records.map((record) => FIELDS.map((field) => csvField(record[field]).replace(/^""$/, '')).join(',')).join('\n')}\n`);
  writeFileSync(files.table, `line,key,${FIELDS.join(',')}\n${records.map((record, i) => [String(i + 1), csvField(jsonLines[i]), ...FIELDS.map((field) => csvField(record[field]))].join(',')).join('\n')}\n`);
  writeFileSync(files.versionsCsv, createVersionsCsv(getIndexTableVersions(index), timeZone));
  return files;
}

/** Results by line. */
export type Results = Map<number, RecordResult>;

/** The streaming verifier's result for every record of a file. */
export async function verifyStreaming(file: string, index: VersionIndex, options: VerifyOptions): Promise<Results> {
  const results: Results = new Map();
  for await (const batch of verifyRecords(readRecords(file), index, options)) for (const result of batch) results.set(result.line, result);
  return results;
}

/** `verify --engine duckdb`'s result for every record (as --json prints them: reportEveryRecord), the plain ok ones as SQL classified them. */
export async function verifyEngine(file: string, index: VersionIndex, options: VerifyOptions): Promise<Results & { fallback?: string }> {
  const results: Results & { fallback?: string } = new Map();
  for await (const event of verifyWithDuckDb([file], index, { ...options, reportEveryRecord: true })) {
    if ('results' in event) for (const result of event.results) results.set(result.line, result);
    if ('fallback' in event) results.fallback = event.fallback;
  }
  return results;
}

/** Records whose JSON (what --json prints) differs between two runs, by line. */
export function jsonDifferences(expected: Results, actual: Results): string[] {
  const out = [...expected].flatMap(([line, result]) => {
    const [want, got] = [JSON.stringify(result), JSON.stringify(actual.get(line) ?? null)];
    return want === got ? [] : [`line ${line}: ${want} ≠ ${got}`];
  });
  if (expected.size !== actual.size) out.push(`${expected.size} records ≠ ${actual.size}`);
  return out.slice(0, 10);
}

/** What `verify --engine duckdb` reports without --json: the records SQL found something to say of (not ok, or noted), and the count of the others. */
export async function reportEngine(file: string, index: VersionIndex, options: VerifyOptions): Promise<{ reported: number[]; plainOk: number }> {
  const reported: number[] = [];
  let plainOk = 0;
  for await (const event of verifyWithDuckDb([file], index, options)) {
    if ('results' in event) reported.push(...event.results.map((result) => result.line));
    if ('plainOk' in event) plainOk += event.plainOk;
  }
  return { reported, plainOk };
}

/**
 * Checks `verify --engine duckdb` against the streaming verifier on one file:
 * no fall-back to the streaming verifier, every record's JSON (what --json
 * prints) the same, and without --json the same records reported and the
 * same count of plain ok ones. Returns the streaming verifier's results.
 */
export async function expectEngineAgrees(file: string, index: VersionIndex, options: VerifyOptions): Promise<Results> {
  const streaming = await verifyStreaming(file, index, options);
  const engine = await verifyEngine(file, index, options);
  expect(engine.fallback).toBeUndefined();
  expect(jsonDifferences(streaming, engine)).toEqual([]);
  const said = [...streaming.values()].filter((result) => result.outcome !== 'ok' || ('notes' in result && result.notes.length > 0)).map((result) => result.line);
  expect(await reportEngine(file, index, options)).toEqual({ reported: said, plainOk: streaming.size - said.length });
  return streaming;
}

const toOutcomeMap = (results: Results): Outcomes => new Map([...results].map(([line, result]) => [line, result.outcome]));

/** The streaming verifier's outcome of every record of a file. */
export async function classifyStreaming(file: string, index: VersionIndex, options: VerifyOptions): Promise<Outcomes> {
  return toOutcomeMap(await verifyStreaming(file, index, options));
}

/** `verify --engine duckdb`'s outcome of every record. */
export async function classifyEngine(file: string, index: VersionIndex, options: VerifyOptions): Promise<Outcomes & { fallback?: string }> {
  const results = await verifyEngine(file, index, options);
  const outcomes: Outcomes & { fallback?: string } = toOutcomeMap(results);
  if (results.fallback !== undefined) outcomes.fallback = results.fallback;
  return outcomes;
}

const tableColumns = `line BIGINT, key VARCHAR, ${FIELDS.map((field) => `"${field}" VARCHAR`).join(', ')}`;

function toOutcomes(rows: readonly (readonly unknown[])[]): Outcomes {
  return new Map(rows.map(([line, outcome]) => [Number(line), String(outcome) as Outcome]));
}

/** The query alone, run by DuckDB over the table: the duckdb dialect reading versions.csv itself, or the portable one over versions.csv loaded as a table. */
export async function classifyDuckDbSql(files: RecordFiles, options: VerifyOptions, dialect: 'duckdb' | 'ansi' = 'duckdb'): Promise<Outcomes> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`CREATE TABLE consents (${tableColumns})`);
    await connection.run(`COPY consents FROM '${files.table}' (FORMAT csv, HEADER true)`);
    await connection.run(`CREATE TABLE versions AS SELECT * FROM read_csv('${files.versionsCsv}', header = true, all_varchar = true)`);
    const versions =
      dialect === 'duckdb' ? ({ kind: 'csv', path: files.versionsCsv, maxCorrections: files.maxCorrections } as const) : ({ kind: 'table', name: 'versions', maxCorrections: files.maxCorrections } as const);
    const sql = createClassifySql({ dialect, consents: 'consents', columns: { key: 'key' }, versions, timeZone: options.timeZone, now: options.now, ...policyOf(options) });
    return toOutcomes((await connection.runAndReadAll(sql)).getRowsJS().map((row) => [row[0], row[1]]));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function policyOf(options: VerifyOptions) {
  return { ...(options.allowMissingHash ? { allowMissingHash: true } : {}), ...(options.strict ? { strict: true } : {}) };
}

/** The postgres query, run by PostgreSQL over the table loaded with \copy, the versions loaded from versions.csv by the query's own preamble. */
export function classifyPostgres(cluster: PostgresCluster, files: RecordFiles, options: VerifyOptions, dialect: 'postgres' | 'ansi' = 'postgres'): Outcomes {
  const sql = createClassifySql({
    dialect,
    consents: 'consents',
    columns: { key: 'key' },
    versions: dialect === 'postgres' ? { kind: 'csv', path: files.versionsCsv, maxCorrections: files.maxCorrections } : { kind: 'table', name: 'versions', maxCorrections: files.maxCorrections },
    timeZone: options.timeZone,
    now: options.now,
    ...policyOf(options),
  });
  const script = [
    'DROP TABLE IF EXISTS consents;',
    `CREATE TEMP TABLE consents (${tableColumns.replaceAll('VARCHAR', 'text')});`,
    `\\copy consents FROM '${files.table}' WITH (FORMAT csv, HEADER true)`,
    getVersionsLoadSql('postgres', files.versionsCsv),
    `SELECT line, outcome FROM (${sql}) AS classified;`,
  ].join('\n');
  const [, ...rows] = cluster.query(script);
  return toOutcomes(rows);
}

/** 0001-01-01T00:00:00Z. */
const FIRST_AD_MS = -62135596800000;

/**
 * The consent table with acceptedAt typed (timestamp with time zone), for
 * the short query (--typed): the records whose acceptedAt is an instant,
 * written to the millisecond verify reads (a bare date or an unreadable
 * text cannot be held by a typed column). Returns the CSV and its lines.
 */
export function writeTypedTable(records: readonly FlatRecord[], files: RecordFiles): { path: string; lines: number[] } {
  const path = join(files.table, '../typed.csv');
  const lines: number[] = [];
  const rows = records.flatMap((record, i) => {
    const parsed = typeof record.acceptedAt === 'string' ? parseEffective(record.acceptedAt) : null;
    // Year 0000 too: PostgreSQL's timestamps have no year 0 (1 BC), so a typed column cannot hold it.
    if (!parsed?.ok || parsed.value.kind !== 'date-time' || parsed.value.epochMs < FIRST_AD_MS) return [];
    lines.push(i + 1);
    return [
      [
        String(i + 1),
        csvField(JSON.stringify(record)),
        ...FIELDS.map((field) => (field === 'acceptedAt' ? new Date(parsed.value.kind === 'date-time' ? parsed.value.epochMs : 0).toISOString() : csvField(record[field]))),
      ].join(','),
    ];
  });
  writeFileSync(path, `line,key,${FIELDS.join(',')}\n${rows.join('\n')}\n`);
  return { path, lines };
}

const typedColumns = tableColumns.replace('"acceptedAt" VARCHAR', '"acceptedAt" TIMESTAMPTZ');

/** The short query (--typed) run by DuckDB over the typed table. */
export async function classifyTypedDuckDb(typed: string, index: VersionIndex, options: VerifyOptions): Promise<Outcomes> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`CREATE TABLE consents (${typedColumns})`);
    await connection.run(`COPY consents FROM '${typed}' (FORMAT csv, HEADER true)`);
    const sql = createTypedClassifySql({ dialect: 'duckdb', consents: 'consents', columns: { key: 'key' }, index, timeZone: options.timeZone, now: options.now, ...policyOf(options) });
    return toOutcomes((await connection.runAndReadAll(sql)).getRowsJS().map((row) => [row[0], row[1]]));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The short query (--typed), postgres or ansi, run by PostgreSQL over the typed table. */
export function classifyTypedPostgres(cluster: PostgresCluster, typed: string, index: VersionIndex, options: VerifyOptions, dialect: 'postgres' | 'ansi' = 'postgres'): Outcomes {
  const sql = createTypedClassifySql({ dialect, consents: 'consents', columns: { key: 'key' }, index, timeZone: options.timeZone, now: options.now, ...policyOf(options) });
  const script = [
    'DROP TABLE IF EXISTS consents;',
    `CREATE TEMP TABLE consents (${typedColumns.replaceAll('VARCHAR', 'text')});`,
    `\\copy consents FROM '${typed}' WITH (FORMAT csv, HEADER true)`,
    `SELECT line, outcome FROM (${sql}) AS classified;`,
  ].join('\n');
  const [, ...rows] = cluster.query(script);
  return toOutcomes(rows);
}

/** Writes a JSON Lines file's records to a Parquet file with DuckDB, each column typed as given (DuckDB reads the JSON values into them). */
export async function copyJsonLinesToParquet(jsonl: string, parquet: string, types: Readonly<Record<string, string>>): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const columns = `{${Object.entries(types)
      .map(([field, type]) => `${sqlString(field)}: ${sqlString(type)}`)
      .join(', ')}}`;
    await connection.run(`COPY (SELECT * FROM read_json(${sqlString(jsonl)}, format = 'newline_delimited', columns = ${columns})) TO ${sqlString(parquet)} (FORMAT parquet)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * Benchmark of `verify` at warehouse scale: the streaming verifier against
 * `verify --engine duckdb` over the same records as CSV, as Parquet and (up
 * to 10 million) as JSON Lines and as CSV with a quoted column, and
 * PostgreSQL running the printed queries, time and peak memory side by side.
 * The records are generated for the run by DuckDB (about one in a hundred
 * wrong, none with a note) and deleted afterwards: nothing is kept.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import siteConfig from '../../site.config.ts';
import { loadLocalSource } from '#lib/consent/policy-source.ts';
import { resolveSiteSettings } from '#lib/site/site-settings.ts';
import { measureNode } from './measure-process.ts';
import { createClassifySql, getIndexTableVersions, getMaxCorrections, getVersionsLoadSql } from '#lib/consent/sql/classify-sql.ts';
import { createTypedClassifySql } from '#lib/consent/sql/typed-classify-sql.ts';
import { createVersionsCsv } from '#lib/feed/versions-table.ts';

/** One measured run. */
export interface EngineBenchResult {
  records: number;
  engine: 'streaming (CSV)' | 'streaming (JSON Lines)' | 'duckdb (CSV)' | 'duckdb (CSV, userId quoted)' | 'duckdb (Parquet)' | 'duckdb (JSON Lines)' | 'postgres (text)' | 'postgres (typed, short query)';
  fileMb: number;
  seconds: number | null;
  peakRssMb: number | null;
  summary: string;
}

/** The instant the records are checked at: after the sample ledger's import. */
const AS_OF = '2026-12-01T00:00:00Z';

/** The versions records are written for: in force at some time after the ledger recorded them (the sample's history was imported on 2026-11-26; a consent before the import would carry a note, a line of report each). */
function getBenchVersions(root: string): { policy: string; locale: string; version: string; sha256: string; start: number; end: number; from: number }[] {
  const settings = resolveSiteSettings(siteConfig, { POLICIES_DIR: join(root, 'policies') }, root);
  const now = Date.parse(AS_OF);
  return [...loadLocalSource(settings, now, root).index.versions.values()]
    .map((version) => ({ ...version, start: Math.max(version.from, version.publishedAt === null ? version.from : Date.parse(version.publishedAt)), end: version.until ?? now }))
    .filter((version) => version.end > version.start)
    .map(({ policy, locale, version, sha256, start, end, from }) => ({ policy, locale, version, sha256, start, end, from }));
}

/**
 * Writes `count` consent records for the sample corpus with DuckDB (COPY
 * from generate_series: 100 million in about a minute), deterministically:
 * about one in two hundred accepted before its version took effect, one in
 * two hundred with a hash of no text; every acceptedAt as an ISO instant.
 */
async function writeBenchRecords(root: string, files: { csv?: string; quotedCsv?: string; parquet?: string; jsonl?: string }, count: number): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: String(availableParallelism()), memory_limit: '600MB', temp_directory: join(tmpdir(), 'policy-press-duckdb'), preserve_insertion_order: 'true' });
  const connection = await instance.connect();
  try {
    const versions = getBenchVersions(root);
    const values = versions.map((v, i) => `(${i}, ${[v.policy, v.locale, v.version, v.sha256].map((text) => `'${text}'`).join(', ')}, ${v.start}, ${v.end}, ${v.from})`).join(', ');
    await connection.run(`CREATE TEMP TABLE bench_versions AS SELECT * FROM (VALUES ${values}) AS v(n, policy, locale, version, sha256, start_ms, end_ms, from_ms)`);
    // hash(i, salt) as the generator's random numbers: the same file on every run.
    const records = `SELECT v.policy, v.locale, v.version,
        CASE WHEN f < 50 THEN repeat('0', 64) ELSE v.sha256 END AS sha256,
        strftime(make_timestamp(CASE WHEN f >= 50 AND f < 100 THEN (v.from_ms - 1000) * 1000 ELSE (v.start_ms + (hash(i, 2) % (v.end_ms - v.start_ms)::UBIGINT)::BIGINT) * 1000 END), '%Y-%m-%dT%H:%M:%S.%gZ') AS "acceptedAt",
        'u' || i AS "userId"
      FROM (SELECT i, hash(i, 1) % ${versions.length} AS n, hash(i, 3) % 10000 AS f FROM generate_series(0, ${count - 1}) AS g(i)) AS r JOIN bench_versions AS v ON v.n = r.n`;
    if (files.csv) await connection.run(`COPY (${records}) TO '${files.csv}' (FORMAT csv, HEADER true, QUOTE '')`);
    // Text quoted as spreadsheets and DuckDB's FORCE_QUOTE write it: every userId in quotes.
    if (files.quotedCsv) await connection.run(`COPY (${records}) TO '${files.quotedCsv}' (FORMAT csv, HEADER true, QUOTE '"', FORCE_QUOTE ("userId"))`);
    if (files.parquet) await connection.run(`COPY (${records}) TO '${files.parquet}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)`);
    if (files.jsonl) await connection.run(`COPY (${records}) TO '${files.jsonl}' (FORMAT json)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * A PostgreSQL run: the records loaded into a throwaway cluster (the tests'
 * helper), the versions table indexed, the strict query over text and the
 * short one over a typed acceptedAt timed. `jit: false` for a short run:
 * PostgreSQL's JIT compiled the strict query's 1,051 expressions for 19 s,
 * most of a run over 200,000 rows (23.4 s; 8.6 s without JIT), while over
 * 10M rows compiled expressions pay for themselves (28 µs a row with JIT,
 * 43 µs without over the 200,000).
 */
async function runPostgres(root: string, csv: string, count: number, log: (line: string) => void, jit: boolean): Promise<EngineBenchResult[]> {
  const { findPostgresBin, startPostgres } = await import('../../test/helpers/postgres-cluster.ts');
  const bin = findPostgresBin();
  if (!bin) return [{ records: count, engine: 'postgres (text)', fileMb: statSync(csv).size / 2 ** 20, seconds: null, peakRssMb: null, summary: 'not run: no PostgreSQL (Debian package postgresql)' }];
  const settings = resolveSiteSettings(siteConfig, { POLICIES_DIR: join(root, 'policies') }, root);
  const now = Date.parse(AS_OF);
  const source = loadLocalSource(settings, now, root);
  const listed = getIndexTableVersions(source.index);
  const versionsCsv = join(csv, '../versions.csv');
  writeFileSync(versionsCsv, createVersionsCsv(listed, source.timeZone));
  const cluster = await startPostgres(bin);
  const results: EngineBenchResult[] = [];
  try {
    const started = performance.now();
    cluster.query(
      [
        'CREATE TABLE consents (line bigserial, policy text, locale text, version text, sha256 text, "acceptedAt" text, "userId" text);',
        `\\copy consents (policy, locale, version, sha256, "acceptedAt", "userId") FROM '${csv}' WITH (FORMAT csv, HEADER true)`,
        'CREATE TABLE typed AS SELECT line, policy, locale, version, sha256, CAST("acceptedAt" AS timestamptz) AS "acceptedAt" FROM consents;',
        'ANALYZE consents; ANALYZE typed;',
        'SELECT 1;',
      ].join('\n'),
    );
    log(`  postgres: ${count.toLocaleString('en')} records loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const timed = (engine: EngineBenchResult['engine'], script: string) => {
      const start = performance.now();
      let summary: string;
      try {
        const [, ...rows] = cluster.query(script);
        summary = rows.map(([outcome, n]) => `${n} ${outcome}`).join(', ');
      } catch (error) {
        summary = `failed: ${(error instanceof Error ? error.message : String(error)).split('\n').find((line) => line.includes('ERROR')) ?? ''}`;
      }
      const seconds = (performance.now() - start) / 1000;
      if (!jit) summary = `JIT off: ${summary}`;
      results.push({ records: count, engine, fileMb: statSync(csv).size / 2 ** 20, seconds, peakRssMb: null, summary });
      log(`  ${engine} ${count.toLocaleString('en')} records: ${seconds.toFixed(1)} s — ${summary}`);
    };
    const options = { timeZone: source.timeZone, now };
    // The versions table indexed on what the query joins it by (policy, locale, version), as the README recommends.
    const strict = createClassifySql({ dialect: 'postgres', consents: 'consents', versions: { kind: 'table', name: 'versions', maxCorrections: getMaxCorrections(listed) }, ...options });
    timed(
      'postgres (text)',
      [
        "SET statement_timeout = '10min';",
        ...(jit ? [] : ['SET jit = off;']),
        getVersionsLoadSql('postgres', versionsCsv),
        'CREATE INDEX ON versions (policy, locale, version); ANALYZE versions;',
        `SELECT outcome, count(*) FROM (${strict}) AS classified GROUP BY outcome ORDER BY outcome;`,
      ].join('\n'),
    );
    const typed = createTypedClassifySql({ dialect: 'postgres', consents: 'typed', index: source.index, ...options });
    timed(
      'postgres (typed, short query)',
      ["SET statement_timeout = '10min';", ...(jit ? [] : ['SET jit = off;']), `SELECT outcome, count(*) FROM (${typed}) AS classified GROUP BY outcome ORDER BY outcome;`].join('\n'),
    );
  } finally {
    cluster.stop();
  }
  return results;
}

/**
 * Runs them side by side: 100,000 records when quick; else 10 million and
 * 100 million (DuckDB over Parquet and CSV at both), streaming at 10
 * million only (linear; at 100 million it takes most of an hour) unless
 * `huge`, PostgreSQL at 10 million.
 */
export async function runEngineBench(options: { root: string; workDir: string; quick: boolean; huge: boolean; log: (line: string) => void }): Promise<EngineBenchResult[]> {
  const dir = join(options.workDir, 'engine');
  mkdirSync(dir, { recursive: true });
  const results: EngineBenchResult[] = [];
  const sizes = options.quick ? [100_000] : [10_000_000, 100_000_000];
  const streamingLimit = options.huge ? Infinity : 10_000_000;
  try {
    for (const count of sizes) {
      const csv = join(dir, `consents-${count}.csv`);
      const parquet = join(dir, `consents-${count}.parquet`);
      const jsonl = join(dir, `consents-${count}.jsonl`);
      const quotedCsv = join(dir, `consents-${count}-quoted.csv`);
      options.log(`  engine: writing ${count.toLocaleString('en')} records…`);
      const started = performance.now();
      // JSON Lines and quoted CSV up to 10 million: the formats of a hand-written, streamed or spreadsheet export, not of a warehouse's 100 million.
      const withJsonl = count <= 10_000_000;
      await writeBenchRecords(options.root, { csv, ...(withJsonl ? { jsonl, quotedCsv } : {}), parquet }, count);
      options.log(`  engine: written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const runs: [EngineBenchResult['engine'], string, string[]][] = [
        ['streaming (CSV)', csv, []],
        ['duckdb (Parquet)', parquet, ['--engine', 'duckdb']],
        ['duckdb (CSV)', csv, ['--engine', 'duckdb']],
        ['duckdb (CSV, userId quoted)', quotedCsv, ['--engine', 'duckdb']],
        ['streaming (JSON Lines)', jsonl, []],
        ['duckdb (JSON Lines)', jsonl, ['--engine', 'duckdb']],
      ];
      for (const [engine, file, args] of runs) {
        if (!withJsonl && (file === jsonl || file === quotedCsv)) continue;
        const fileMb = statSync(file).size / 2 ** 20;
        if (engine === 'streaming (CSV)' && count > streamingLimit) {
          results.push({ records: count, engine, fileMb, seconds: null, peakRssMb: null, summary: `not run above ${streamingLimit.toLocaleString('en')} records without --huge (linear: see the 10M row)` });
          continue;
        }
        const run = measureNode(join(options.root, 'scripts/policy.ts'), ['verify', file, ...args, '--as-of', AS_OF], { cwd: options.root, env: { POLICIES_DIR: join(options.root, 'policies') } });
        const summary = run.status === 1 || run.status === 0 ? (run.stdout.trim().split('\n').at(-1) ?? '') : `crashed: ${run.stderr.split('\n')[0] ?? ''}`;
        results.push({ records: count, engine, fileMb, seconds: run.seconds, peakRssMb: run.peakRssMb, summary });
        options.log(`  ${engine} ${count.toLocaleString('en')} records: ${run.seconds.toFixed(1)} s, peak ${run.peakRssMb.toFixed(0)} MB — ${summary}`);
      }
      // CI's quick run (100,000 records) without JIT: compiling the strict query took longer than running it.
      if (count <= 10_000_000) results.push(...(await runPostgres(options.root, csv, count, options.log, !options.quick)));
      rmSync(csv, { force: true });
      rmSync(parquet, { force: true });
      rmSync(jsonl, { force: true });
      rmSync(quotedCsv, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/** How many times faster than the streaming verifier each run of the same size was: over the same JSON Lines for a JSON Lines run, else over the CSV (the same records unquoted for the quoted CSV: the streaming verifier reads both at one speed) ('' where either was not run). */
export function getSpeedup(results: readonly EngineBenchResult[], result: EngineBenchResult): string {
  const baseline = result.engine.endsWith('(JSON Lines)') ? 'streaming (JSON Lines)' : 'streaming (CSV)';
  const streaming = results.find((r) => r.records === result.records && r.engine === baseline);
  if (!streaming?.seconds || !result.seconds || result === streaming) return '';
  return `${(streaming.seconds / result.seconds).toFixed(1)}×`;
}

/**
 * Benchmark of `verify` at warehouse scale: the streaming verifier against
 * `verify --engine duckdb` over the same records as CSV and as Parquet, time
 * and peak memory side by side. The records are generated for the run
 * (about one in a hundred wrong, none with a note), converted to Parquet by DuckDB, and
 * deleted afterwards: nothing is kept.
 */
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import siteConfig from '../../site.config.ts';
import { loadLocalSource } from '#lib/consent/policy-source.ts';
import { resolveSiteSettings } from '#lib/site/site-settings.ts';
import { measureNode } from './measure-process.ts';
import { createRandom } from './synthetic-policy.ts';

/** One measured run. */
export interface EngineBenchResult {
  records: number;
  engine: 'streaming (CSV)' | 'duckdb (CSV)' | 'duckdb (Parquet)';
  fileMb: number;
  seconds: number | null;
  peakRssMb: number | null;
  summary: string;
}

/** The instant the records are checked at: after the sample ledger's import. */
const AS_OF = '2026-12-01T00:00:00Z';

/** Writes `count` CSV consent records for the sample corpus, deterministically. */
async function writeCsv(path: string, count: number, root: string): Promise<void> {
  const settings = resolveSiteSettings(siteConfig, { POLICIES_DIR: join(root, 'policies') }, root);
  const now = Date.parse(AS_OF);
  // Versions in force at some time after the ledger recorded them (the sample's history was imported on 2026-11-26).
  const versions = [...loadLocalSource(settings, now, root).index.versions.values()].filter((version) => (version.until ?? now) > Math.max(version.from, Date.parse(version.publishedAt ?? '1970-01-01T00:00:00Z')));
  const random = createRandom(11);
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  out.write('policy,locale,version,sha256,acceptedAt,userId\n');
  let chunk: string[] = [];
  for (let i = 0; i < count; i++) {
    const version = versions[Math.floor(random() * versions.length)];
    if (!version) continue;
    // After the ledger recorded the text: the sample's history is imported, and a consent before the import would carry a note (a line of report) each.
    const start = Math.max(version.from, version.publishedAt === null ? version.from : Date.parse(version.publishedAt));
    let acceptedAt = start + Math.floor(random() * Math.max(1, (version.until ?? now) - start));
    let sha256: string = version.sha256;
    const fault = random();
    if (fault < 0.005) acceptedAt = version.from - 1000;
    else if (fault < 0.01) sha256 = '0'.repeat(64);
    chunk.push(`${version.policy},${version.locale},${version.version},${sha256},${new Date(acceptedAt).toISOString()},u${i}`);
    if (chunk.length === 10_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length > 0) out.write(`${chunk.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
}

/** Converts the CSV to Parquet with DuckDB (every column as text, as an export would write it). */
async function toParquet(csv: string, parquet: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`COPY (SELECT * FROM read_csv('${csv}', header = true, all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
}

/**
 * Runs the three side by side for each size: 100,000 records when quick;
 * else 10 million, and 100 million with `huge` (the streaming run is left
 * out above `streamingLimit` records, where it would take most of an hour).
 */
export async function runEngineBench(options: { root: string; workDir: string; quick: boolean; huge: boolean; log: (line: string) => void }): Promise<EngineBenchResult[]> {
  const dir = join(options.workDir, 'engine');
  mkdirSync(dir, { recursive: true });
  const results: EngineBenchResult[] = [];
  const sizes = options.quick ? [100_000] : options.huge ? [10_000_000, 100_000_000] : [10_000_000];
  const streamingLimit = 10_000_000;
  try {
    for (const count of sizes) {
      const csv = join(dir, `consents-${count}.csv`);
      const parquet = join(dir, `consents-${count}.parquet`);
      options.log(`  engine: writing ${count.toLocaleString('en')} records…`);
      await writeCsv(csv, count, options.root);
      await toParquet(csv, parquet);
      const runs: [EngineBenchResult['engine'], string, string[]][] = [
        ['streaming (CSV)', csv, []],
        ['duckdb (CSV)', csv, ['--engine', 'duckdb']],
        ['duckdb (Parquet)', parquet, ['--engine', 'duckdb']],
      ];
      for (const [engine, file, args] of runs) {
        const fileMb = statSync(file).size / 2 ** 20;
        if (engine === 'streaming (CSV)' && count > streamingLimit) {
          results.push({ records: count, engine, fileMb, seconds: null, peakRssMb: null, summary: `not run above ${streamingLimit.toLocaleString('en')} records (linear: see the 10M row)` });
          continue;
        }
        const run = measureNode(join(options.root, 'scripts/policy.ts'), ['verify', file, ...args, '--as-of', AS_OF], { cwd: options.root, env: { POLICIES_DIR: join(options.root, 'policies') } });
        const summary = run.status === 1 || run.status === 0 ? (run.stdout.trim().split('\n').at(-1) ?? '') : `crashed: ${run.stderr.split('\n')[0] ?? ''}`;
        results.push({ records: count, engine, fileMb, seconds: run.seconds, peakRssMb: run.peakRssMb, summary });
        options.log(`  ${engine} ${count.toLocaleString('en')} records: ${run.seconds.toFixed(1)} s, peak ${run.peakRssMb.toFixed(0)} MB — ${summary}`);
      }
      rmSync(csv, { force: true });
      rmSync(parquet, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

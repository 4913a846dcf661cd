/**
 * `npm run bench`: the project's performance figures, measured side by side
 * in one run and written to bench/results.json (kept out of git).
 *
 *   npm run bench               full run
 *   npm run bench -- --quick    small sizes, about a minute (CI runs it so the script cannot rot)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheckBench, type CheckBenchResult } from './bench/check-bench.ts';
import { runDiffBench, type DiffBenchResult } from './bench/diff-bench.ts';
import { runVerifyBench, type VerifyBenchResult } from './bench/verify-bench.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

function formatDiffTable(results: readonly DiffBenchResult[], limitMs: number): string {
  const ms = (value: number | null) => (value === null ? `> ${limitMs / 1000} s` : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);
  const rows = [
    ['size', 'changed', 'blocks', 'block-aware (cut + align/diff)', 'changes', 'diffWords', 'hunks', 'diffWords + segmenter', 'hunks'],
    ...results.map((r) => [
      `${r.sizeKb} KB`,
      `${r.changedShare * 100}%`,
      String(r.blocks),
      `${ms(r.totalMs)} (${ms(r.cutMs)} + ${ms(r.redlineMs)})`,
      String(r.changes),
      ms(r.diffWordsMs),
      String(r.diffWordsHunks ?? '—'),
      ms(r.diffWordsSegmenterMs),
      String(r.diffWordsSegmenterHunks ?? '—'),
    ]),
  ];
  return formatTable(rows);
}

function formatTable(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`).join('\n');
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const limitMs = quick ? 10_000 : 60_000;
log(`bench: ${quick ? 'quick' : 'full'} run on ${machine().cpu} (${machine().cores} cores)`);
const diff = runDiffBench({ quick, limitMs, log });
const verify = await runVerifyBench({ root: ROOT, workDir: join(ROOT, 'bench', 'work'), quick, log });
const check = runCheckBench({ root: ROOT, workDir: join(ROOT, 'bench', 'work'), log });

const results = { date: new Date().toISOString(), quick, machine: machine(), diff, verify, check };
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nRedline: block-aware diff against plain diffWords on the same pairs (synthetic Russian policies)\n');
console.log(formatDiffTable(diff, limitMs));
console.log('\nverify: consent records checked against the sample policies (about 1% wrong)\n');
console.log(formatTable([
  ['records', 'JS heap', 'time', 'records/s', 'peak RSS', 'result'],
  ...verify.map((r: VerifyBenchResult) => [
    r.records.toLocaleString('en'),
    r.heapCapMb === null ? 'default' : `capped at ${r.heapCapMb} MB`,
    `${r.seconds.toFixed(1)} s`,
    Math.round(r.recordsPerSecond).toLocaleString('en'),
    `${r.peakRssMb.toFixed(0)} MB`,
    r.summary.replace(/ \(.*\)/, ''),
  ]),
]));
console.log('\npolicy check (median of 3 runs, whole process)\n');
console.log(formatTable([
  ['corpus', 'versions', 'time', 'peak RSS'],
  ...check.map((r: CheckBenchResult) => [r.corpus, String(r.versions), `${r.seconds.toFixed(2)} s`, `${r.peakRssMb.toFixed(0)} MB`]),
]));
console.log('\nWritten to bench/results.json');

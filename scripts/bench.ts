/**
 * `npm run bench`: the project's performance figures, measured side by side
 * in one run and written to bench/results.json (kept out of git).
 *
 *   npm run bench                     2,000 synthetic versions, the GitHub corpus, pairs scaling, micro-benchmarks
 *   npm run bench -- --quick          60 versions, small pairs, under two minutes (CI runs it so the script cannot rot)
 *   npm run bench -- --versions 5000  another corpus size (policies × 2 locales × versions per policy)
 *   npm run bench -- --only build     one part: build, diff, verify, engine, check or log
 *   npm run bench -- --only engine    verify at 10 and 100 million records (streaming at 10 million, DuckDB over Parquet and CSV at both, CSV with a quoted column and JSON Lines at 10 million, PostgreSQL at 10 million); --huge: streaming at 100 million too
 *   npm run bench -- --only build --corpus synthetic,github-x10   some build corpora (synthetic, github, github-x10, pairs)
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { runBuildBench, type BuildBenchResult } from './bench/build-bench.ts';
import type { BuildStage } from './bench/build-stages.ts';
import { runCheckBench, type CheckBenchResult } from './bench/check-bench.ts';
import { runDiffBench, runDiffProcessBench, type DiffBenchResult, type DiffProcessResult } from './bench/diff-bench.ts';
import { runLogBench } from './bench/log-bench.ts';
import { runVerifyBench, type VerifyBenchResult } from './bench/verify-bench.ts';
import { runParserBench } from './bench/parser-bench.ts';
import { GITHUB_CORPUS_LINT, SYNTHETIC_CORPUS_LINT } from './bench/corpus-lint.ts';
import { getSpeedup, runEngineBench, type EngineBenchResult } from './bench/engine-bench.ts';
import { generateCorpus, scaleCorpus } from './generate-corpus.ts';
import { createRandom, generatePolicyLines, toMarkdown } from './bench/synthetic-policy.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', 'work');
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, huge: { type: 'boolean', default: false }, versions: { type: 'string' }, only: { type: 'string' }, corpus: { type: 'string' } } });
const quick = values.quick;
const only = values.only;
const wanted = (part: string) => !only || only.split(',').includes(part);
const log = (line: string) => process.stderr.write(`${line}\n`);

function machine() {
  const cpu = cpus();
  return { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` };
}

function formatTable(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => `| ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`).join('\n');
}

const seconds = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} s`);
const ms = (value: number | null, limitMs: number) => (value === null ? `> ${limitMs / 1000} s` : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);

/** Adds one version to the first policy of a synthetic corpus (for the rebuild figure). */
function addOneVersion(policiesDir: string): void {
  const lines = generatePolicyLines(createRandom(99), 'ru', 15 * 1024);
  writeFileSync(join(policiesDir, 'policy-01', 'ru', '2099-01-01.md'), `---\ntitle: Политика 1\neffective: 2099-01-01\nsummary:\n  - Новая редакция\n---\n\n${toMarkdown(lines)}`);
  writeFileSync(
    join(policiesDir, 'policy-01', 'en', '2099-01-01.md'),
    `---\ntitle: Policy 1\neffective: 2099-01-01\nsummary:\n  - New version\n---\n\n${toMarkdown(generatePolicyLines(createRandom(98), 'en', 15 * 1024))}`,
  );
}

log(`bench: ${quick ? 'quick' : 'full'} run on ${machine().cpu} (${machine().cores} cores, ${machine().memoryGb} GB), Node ${process.version}`);
mkdirSync(WORK, { recursive: true });
const results: Record<string, unknown> = { date: new Date().toISOString(), quick, machine: machine() };
const out: string[] = [];

/** Adds one version to a copy of a real corpus: its newest text of the first policy, a sentence added, dated 2099-01-01. */
function addOneRealVersion(policiesDir: string): void {
  const [policy] = readdirSync(policiesDir)
    .filter((name) => !name.startsWith('.') && statSync(join(policiesDir, name)).isDirectory())
    .sort();
  if (!policy) throw new Error(`${policiesDir}: no policy to add a version to`);
  const [locale] = readdirSync(join(policiesDir, policy)).sort();
  if (!locale) throw new Error(`${policiesDir}/${policy}: no locale`);
  const folder = join(policiesDir, policy, locale);
  const newest = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .at(-1);
  if (!newest) throw new Error(`${folder}: no version`);
  const source = readFileSync(join(folder, newest), 'utf8');
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  const title = front.split('\n').find((line) => line.startsWith('title:')) ?? 'title: Policy';
  const text = `---\n${title}\neffective: 2099-01-01\nsummary:\n  - One more clause\nchangeType: material\n---\n${body}`;
  writeFileSync(join(folder, '2099-01-01.md'), `${text.replace(/\n*$/, '')}\n\nOne more clause, added for the benchmark.\n`);
}

const builds: BuildBenchResult[] = [];
// --corpus synthetic,github,github-x10,pairs: the build corpora to run (all by default).
const corpusWanted = (name: string) => !values.corpus || values.corpus.split(',').includes(name);
if (wanted('build')) {
  // The corpora: policies × 2 locales × versions per policy, ~15 KB each, 2–10% of sentences changed per version.
  // Quick: 60 versions (2 policies), enough for every stage to run; it is CI's, which has 15 minutes in all.
  const totals = values.versions ? [Number(values.versions)] : quick ? [60] : [2000, 5000];
  const perPolicy = quick ? 15 : 50;
  for (const total of corpusWanted('synthetic') ? totals : []) {
    const policies = Math.max(1, Math.round(total / (2 * perPolicy)));
    const corpus = join(WORK, `corpus-${total}`);
    generateCorpus({ out: corpus, policies, locales: 2, versions: perPolicy, kb: 15, seed: 1 });
    builds.push(runBuildBench({ root: ROOT, workDir: WORK, corpus, name: `synthetic-${total}`, addVersion: addOneVersion, lint: SYNTHETIC_CORPUS_LINT, log }));
  }
  if (!quick) {
    const github = join(ROOT, 'test/fixtures/github-site-policy');
    if (corpusWanted('github')) builds.push(runBuildBench({ root: ROOT, workDir: WORK, corpus: github, name: 'github-site-policy', lint: GITHUB_CORPUS_LINT, log }));
    // Real-shaped at scale: GitHub's two histories copied under new ids, ten times.
    const scaled = join(WORK, 'corpus-github-x10');
    if (corpusWanted('github-x10')) scaleCorpus({ from: github, out: scaled, copies: 10 });
    if (corpusWanted('github-x10')) builds.push(runBuildBench({ root: ROOT, workDir: WORK, corpus: scaled, name: 'github-site-policy ×10', addVersion: addOneRealVersion, lint: GITHUB_CORPUS_LINT, log }));
  }
  // Pre-rendered pairs must grow linearly: one policy and locale with 50 and with 200 versions.
  const scaling: BuildBenchResult[] = [];
  for (const versions of quick || !corpusWanted('pairs') ? [] : [50, 200]) {
    const single = join(WORK, `single-${versions}`);
    generateCorpus({ out: single, policies: 1, locales: 1, versions, kb: 15, seed: 2 });
    scaling.push(runBuildBench({ root: ROOT, workDir: WORK, corpus: single, name: `one-policy-${versions}`, lint: SYNTHETIC_CORPUS_LINT, log }));
  }
  results['build'] = builds;
  results['pairsScaling'] = scaling;
  const first = builds[0];
  if (first)
    Object.assign(results, {
      versions: first.versions,
      baselineSeconds: first.baselineSeconds,
      buildSeconds: first.buildSeconds,
      ratio: first.ratio,
      baselinePeakRssMb: first.baselinePeakRssMb,
      buildPeakRssMb: first.buildPeakRssMb,
    });
  out.push('Build: bare Astro (one page per file; native Markdown, and remark) against the full production build, same corpus, same Astro; cold = no cache folder, warm = the cache of the run before\n');
  out.push(
    formatTable([
      [
        'corpus',
        'versions',
        'bare native cold',
        'warm',
        'peak RSS',
        'bare remark cold',
        'full cold',
        'pages/s',
        'peak RSS',
        'full warm',
        '+1 version',
        'cold × remark',
        'cold × native',
        'warm × native warm',
        '+1 × native warm',
        'memory × native',
      ],
      ...[...builds, ...scaling].map((r) => [
        r.corpus,
        String(r.versions),
        seconds(r.baselineSeconds),
        seconds(r.nativeWarmSeconds),
        `${r.baselinePeakRssMb.toFixed(0)} MB`,
        seconds(r.remarkBaselineSeconds),
        seconds(r.buildSeconds),
        (r.buildPages / r.buildSeconds).toFixed(0),
        `${r.buildPeakRssMb.toFixed(0)} MB`,
        seconds(r.warmSeconds),
        seconds(r.rebuildSeconds),
        `${r.remarkRatio.toFixed(2)}×`,
        `${r.ratio.toFixed(2)}×`,
        `${r.warmRatio.toFixed(2)}×`,
        r.rebuildRatio === null ? '—' : `${r.rebuildRatio.toFixed(2)}×`,
        `${r.memoryRatio.toFixed(2)}×`,
      ]),
    ]),
  );
  if (scaling.length === 2 && scaling[0] && scaling[1]) {
    out.push(
      `\nOne policy, 50 → 200 versions: full build ${seconds(scaling[0].buildSeconds)} → ${seconds(scaling[1].buildSeconds)} (${(scaling[1].buildSeconds / scaling[0].buildSeconds).toFixed(2)}× for 4× the versions)`,
    );
  }
  for (const r of builds) {
    out.push(`\nWhere the time goes: ${r.corpus} (${r.versions} versions), wall seconds per stage\n`);
    const stageNames = r.stages.cold.map((stage) => stage.stage);
    const at = (stages: BuildStage[] | null, name: string) => {
      const stage = stages?.find((candidate) => candidate.stage === name);
      return stage ? stage.seconds.toFixed(1) : '—';
    };
    out.push(
      formatTable([
        ['stage', 'cold', 'warm', '+1 version', 'cold, in detail'],
        ...stageNames.map((name) => [name, at(r.stages.cold, name), at(r.stages.warm, name), at(r.stages.rebuild, name), r.stages.cold.find((stage) => stage.stage === name)?.detail ?? '']),
        ['total', seconds(r.buildSeconds), seconds(r.warmSeconds), seconds(r.rebuildSeconds), ''],
      ]),
    );
  }
}

let diffProcess: DiffProcessResult | undefined;
if (wanted('diff')) {
  // How long plain diffWords may run on a pair before the bench reports it as slower than this (quick: CI's, short).
  const limitMs = quick ? 1_000 : 60_000;
  const diff: DiffBenchResult[] = runDiffBench({ quick, limitMs, log });
  results['diff'] = diff;
  diffProcess = runDiffProcessBench({ root: ROOT, workDir: WORK, quick, log });
  results['diffProcess'] = diffProcess;
  out.push('\nRedline: block-aware diff against plain diffWords on the same pairs (synthetic Russian policies)\n');
  out.push(
    formatTable([
      ['size', 'changed', 'blocks', 'block-aware (cut + align/diff)', 'changes', 'diffWords', 'hunks', 'diffWords + segmenter', 'hunks'],
      ...diff.map((r) => [
        `${r.sizeKb} KB`,
        `${r.changedShare * 100}%`,
        String(r.blocks),
        `${ms(r.totalMs, limitMs)} (${ms(r.cutMs, limitMs)} + ${ms(r.redlineMs, limitMs)})`,
        String(r.changes),
        ms(r.diffWordsMs, limitMs),
        String(r.diffWordsHunks ?? '—'),
        ms(r.diffWordsSegmenterMs, limitMs),
        String(r.diffWordsSegmenterHunks ?? '—'),
      ]),
    ]),
  );
  out.push(
    `\npolicy diff as a user runs it (the whole process) against the minimal block-aligned jsdiff program (scripts/bench/floors/diff-floor.ts), ${diffProcess.sizeKb} KB × ${diffProcess.changedShare * 100}% changed, best of runs: ${diffProcess.policyDiffSeconds.toFixed(2)} s against ${diffProcess.floorSeconds.toFixed(2)} s, ${diffProcess.ratio.toFixed(2)}×`,
  );
}

let verify: VerifyBenchResult[] = [];
if (wanted('verify')) {
  verify = await runVerifyBench({ root: ROOT, workDir: WORK, quick, log });
  results['verify'] = verify;
  out.push('\nverify: consent records checked against the sample policies (about 1% wrong)\n');
  out.push(
    formatTable([
      ['records', 'JS heap', 'time', 'records/s', 'peak RSS', 'floor (minimal reader)', 'floor peak RSS', '× floor', 'result'],
      ...verify.map((r) => [
        r.records.toLocaleString('en'),
        r.heapCapMb === null ? 'default' : `capped at ${r.heapCapMb} MB`,
        `${r.seconds.toFixed(1)} s`,
        Math.round(r.recordsPerSecond).toLocaleString('en'),
        `${r.peakRssMb.toFixed(0)} MB`,
        r.floorSeconds === null ? '—' : `${r.floorSeconds.toFixed(1)} s`,
        r.floorPeakRssMb === null ? '—' : `${r.floorPeakRssMb.toFixed(0)} MB`,
        r.floorSeconds === null ? '—' : `${(r.seconds / r.floorSeconds).toFixed(2)}×`,
        r.summary.replace(/ \(.*\)/, ''),
      ]),
    ]),
  );
}

if (wanted('engine')) {
  const engine: EngineBenchResult[] = await runEngineBench({ root: ROOT, workDir: WORK, quick, huge: values.huge, log });
  results['engine'] = engine;
  out.push(
    `\nverify at scale: the streaming verifier, verify --engine duckdb and PostgreSQL, the same records (about 1% wrong); load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}\n`,
  );
  out.push(
    formatTable([
      ['records', 'engine', 'file', 'time', 'records/s', 'vs streaming', 'peak RSS', 'result'],
      ...engine.map((r) => [
        r.records.toLocaleString('en'),
        r.engine,
        `${r.fileMb.toFixed(0)} MB`,
        r.seconds === null ? '—' : `${r.seconds.toFixed(1)} s`,
        r.seconds === null ? '—' : Math.round(r.records / r.seconds).toLocaleString('en'),
        getSpeedup(engine, r),
        r.peakRssMb === null ? (r.engine.startsWith('postgres') ? 'server' : '—') : `${r.peakRssMb.toFixed(0)} MB`,
        r.summary.replace(/ \(.*\)/, ''),
      ]),
    ]),
  );
}

if (wanted('check')) {
  const check: CheckBenchResult[] = runCheckBench({ root: ROOT, workDir: WORK, log });
  results['check'] = check;
  out.push('\npolicy check (whole process; warm and without the lint: median of 3 runs)\n');
  out.push(
    formatTable([
      ['corpus', 'versions', 'with the lint', 'first run (nothing cached)', 'lint off', 'peak RSS'],
      ...check.map((r) => [r.corpus, String(r.versions), `${r.seconds.toFixed(2)} s`, `${r.coldSeconds.toFixed(2)} s`, `${r.withoutLintSeconds.toFixed(2)} s`, `${r.peakRssMb.toFixed(0)} MB`]),
    ]),
  );
}

if (wanted('log')) {
  const logResult = await runLogBench({ root: ROOT, workDir: WORK, versions: Number(values.versions ?? (quick ? 500 : 5000)), log });
  results['log'] = logResult;
  out.push('\nPublic log: what it adds to a build (median CPU time of the steps a build does for the log; wall time of the whole beside it)\n');
  out.push(
    formatTable([
      ['versions', 'entries', 'check against log state', 'log + signature (×2)', 'files written', 'added to a build', 'read back (audit)'],
      [
        logResult.versions.toLocaleString('en'),
        logResult.entries.toLocaleString('en'),
        `${logResult.checkMs.toFixed(0)} ms`,
        `${logResult.siteLogMs.toFixed(0)} ms`,
        `${logResult.files} (${logResult.megabytes.toFixed(1)} MB) in ${logResult.filesMs.toFixed(0)} ms`,
        `${logResult.addedSeconds.toFixed(2)} s (wall ${logResult.addedWallSeconds.toFixed(2)} s)`,
        `${logResult.readBackMs.toFixed(0)} ms`,
      ],
    ]),
  );
}

if (wanted('parsers')) {
  const fixtures = join(ROOT, 'test/fixtures');
  const corpora = [
    { name: 'sample (policies/)', folder: join(ROOT, 'policies') },
    { name: 'fixtures (test/fixtures, GitHub excluded)', folder: fixtures, exclude: join(fixtures, 'github-site-policy') },
    { name: 'GitHub site-policy', folder: join(fixtures, 'github-site-policy') },
  ];
  const parsers = await runParserBench({ root: ROOT, corpora, log });
  results['parsers'] = parsers;
  out.push("\nMarkdown processors: Astro's remark (unified) and native (satteri) processors as a bare site configures them (GFM, no smart punctuation, no plugins), every text of each corpus\n");
  out.push(
    formatTable([
      ['corpus', 'texts', 'Markdown', 'remark', 'native', 'native ×', 'identical HTML', 'identical but for whitespace', 'first difference'],
      ...parsers.map((r) => [
        r.corpus,
        String(r.texts),
        `${r.megabytes.toFixed(1)} MB`,
        `${(r.remarkMs / 1000).toFixed(2)} s`,
        `${(r.nativeMs / 1000).toFixed(2)} s`,
        `${(r.nativeMs / r.remarkMs).toFixed(2)}×`,
        `${r.identical} of ${r.texts}`,
        `${r.identicalIgnoringWhitespace} of ${r.texts}`,
        (r.firstDifference ?? '—').slice(0, 160),
      ]),
    ]),
  );
}

// The targets of the performance issue, each with its figure from this run and whether it is met.
const targets: { target: string; corpus: string; figure: number; limit: number; unit: string }[] = [];
for (const r of builds) {
  targets.push({ target: 'cold build ≤ 0.5× the bare remark site', corpus: r.corpus, figure: r.remarkRatio, limit: 0.5, unit: '×' });
  targets.push({ target: 'cold build ≤ 5× the bare native site (moonshot)', corpus: r.corpus, figure: r.ratio, limit: 5, unit: '×' });
  targets.push({ target: 'warm build ≤ 2× the bare native site warm', corpus: r.corpus, figure: r.warmRatio, limit: 2, unit: '×' });
  if (r.rebuildRatio !== null) targets.push({ target: 'build after one more version ≤ 1.5× the bare native site warm', corpus: r.corpus, figure: r.rebuildRatio, limit: 1.5, unit: '×' });
  if (r.corpus.startsWith('synthetic-')) targets.push({ target: 'peak memory ≤ 1.0× the bare native site', corpus: r.corpus, figure: r.memoryRatio, limit: 1, unit: '×' });
}
if (diffProcess)
  targets.push({ target: `policy diff ≤ 1.3× the minimal block-aligned jsdiff program`, corpus: `${diffProcess.sizeKb} KB × ${diffProcess.changedShare * 100}%`, figure: diffProcess.ratio, limit: 1.3, unit: '×' });
for (const r of verify.filter((run) => run.heapCapMb === null && run.floorSeconds !== null && run.records === Math.max(...verify.map((v) => v.records)))) {
  targets.push({ target: 'verify ≤ 3× a minimal streaming reader', corpus: `${r.records.toLocaleString('en')} records`, figure: r.seconds / (r.floorSeconds ?? Number.NaN), limit: 3, unit: '×' });
  targets.push({ target: 'verify peak memory ≤ 250 MB', corpus: `${r.records.toLocaleString('en')} records`, figure: r.peakRssMb, limit: 250, unit: ' MB' });
}
results['targets'] = targets.map((t) => ({ ...t, met: t.figure <= t.limit }));
if (targets.length > 0) {
  out.push(`\nTargets${quick ? ' (quick run: smaller corpora than the targets are written for)' : ''}\n`);
  out.push(
    formatTable([
      ['target', 'corpus', 'this run', 'limit', 'met'],
      ...targets.map((t) => [t.target, t.corpus, `${t.unit === '×' ? t.figure.toFixed(2) : t.figure.toFixed(0)}${t.unit}`, `${t.limit}${t.unit}`, t.figure <= t.limit ? 'yes' : 'no']),
    ]),
  );
}

writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(out.join('\n'));
console.log('\nWritten to bench/results.json');

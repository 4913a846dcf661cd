/**
 * How long `npm run policy -- check` takes, the command legal staff run on
 * every save: on the sample policies and on GitHub's 114 real versions, with
 * the lint of the texts (cold: no cached text lint yet, as on a fresh clone;
 * warm: every text linted before, as on every later run) and without it.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LINT_RULE_IDS } from '#lib/lint/lint-rules.ts';
import { GITHUB_CORPUS_LINT } from './corpus-lint.ts';
import { measureNode, type ProcessMeasurement } from './measure-process.ts';

/** One timed check. */
export interface CheckBenchResult {
  corpus: string;
  versions: number;
  /** With the lint, its text results cached (median of three). */
  seconds: number;
  peakRssMb: number;
  /** With the lint, nothing cached (one run). */
  coldSeconds: number;
  /** Every lint rule off (median of three). */
  withoutLintSeconds: number;
}

const NO_LINT = LINT_RULE_IDS.map((id) => `${id}=off`).join(',');

/** Times check on the sample and on the GitHub corpus. */
export function runCheckBench(options: { root: string; workDir: string; log: (line: string) => void }): CheckBenchResult[] {
  const github = join(options.workDir, 'github-policies');
  rmSync(github, { recursive: true, force: true });
  cpSync(join(options.root, 'test/fixtures/github-site-policy'), github, { recursive: true });
  const cli = join(options.root, 'scripts/policy.ts');
  // The project's settings over a corpus they were not written for (no "privacy" for its notice setting): POLICIES_DIR_FOREIGN.
  measureNode(cli, ['publish'], { cwd: options.root, env: { POLICIES_DIR: github, POLICIES_DIR_FOREIGN: '1', POLICY_LINT: GITHUB_CORPUS_LINT } });
  const results: CheckBenchResult[] = [];
  for (const [corpus, dir, lint] of [
    ['sample (policies/)', join(options.root, 'policies'), ''],
    ['GitHub site-policy', github, GITHUB_CORPUS_LINT],
  ] as const) {
    // A cache folder of its own: the first run finds it empty.
    const cache = mkdtempSync(join(tmpdir(), 'check-bench-cache-'));
    const check = (env: Record<string, string>) =>
      measureNode(cli, ['check'], { cwd: options.root, env: { POLICIES_DIR: dir, POLICIES_DIR_FOREIGN: '1', ASTRO_CACHE_DIR: cache, ...(lint ? { POLICY_LINT: lint } : {}), ...env } });
    const median = (runs: ProcessMeasurement[]) => [...runs].sort((a, b) => a.seconds - b.seconds)[1] ?? runs[0];
    const cold = check({});
    const warm = median([0, 1, 2].map(() => check({})));
    const withoutLint = median([0, 1, 2].map(() => check({ POLICY_LINT: NO_LINT })));
    rmSync(cache, { recursive: true, force: true });
    if (!warm || !withoutLint) continue;
    const versions = Number(/^(\d+) versions in /m.exec(warm.stdout)?.[1] ?? Number.NaN);
    results.push({ corpus, versions, seconds: warm.seconds, peakRssMb: warm.peakRssMb, coldSeconds: cold.seconds, withoutLintSeconds: withoutLint.seconds });
    options.log(`  check ${corpus}: ${warm.seconds.toFixed(2)} s with the lint (${cold.seconds.toFixed(2)} s cold), ${withoutLint.seconds.toFixed(2)} s without (${versions} versions)`);
  }
  return results;
}

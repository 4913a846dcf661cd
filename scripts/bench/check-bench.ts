/**
 * How long `npm run policy -- check` takes, the command legal staff run on
 * every save: on the sample policies and on GitHub's 114 real versions.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { measureNode } from './measure-process.ts';

/** One timed check. */
export interface CheckBenchResult {
  corpus: string;
  versions: number;
  seconds: number;
  peakRssMb: number;
}

/** Times check (median of three) on the sample and on the GitHub corpus. */
export function runCheckBench(options: { root: string; workDir: string; log: (line: string) => void }): CheckBenchResult[] {
  const github = join(options.workDir, 'github-policies');
  rmSync(github, { recursive: true, force: true });
  cpSync(join(options.root, 'test/fixtures/github-site-policy'), github, { recursive: true });
  const cli = join(options.root, 'scripts/policy.ts');
  measureNode(cli, ['publish'], { cwd: options.root, env: { POLICIES_DIR: github } });
  const results: CheckBenchResult[] = [];
  for (const [corpus, dir] of [
    ['sample (policies/)', join(options.root, 'policies')],
    ['GitHub site-policy', github],
  ] as const) {
    const runs = [0, 1, 2].map(() => measureNode(cli, ['check'], { cwd: options.root, env: { POLICIES_DIR: dir } }));
    runs.sort((a, b) => a.seconds - b.seconds);
    const median = runs[1] ?? runs[0];
    if (!median) continue;
    const versions = Number(/^(\d+) versions/.exec(median.stdout)?.[1] ?? Number.NaN);
    results.push({ corpus, versions, seconds: median.seconds, peakRssMb: median.peakRssMb });
    options.log(`  check ${corpus}: ${median.seconds.toFixed(2)} s (${versions} versions)`);
  }
  return results;
}

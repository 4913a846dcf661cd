/**
 * What the tests' child processes cost, for measuring the suite: with
 * POLICY_PRESS_TEST_COSTS set to a file, every Astro build and CLI run of the
 * build and browser tests runs under `/usr/bin/time` and appends one JSON
 * line (what ran, for which test file, CPU seconds, wall seconds, peak
 * memory). CPU time, unlike wall time, holds on a machine shared with others.
 * Unset (as in CI), children run exactly as without it.
 */
import { spawnSync, type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** One measured child process. */
interface ChildCost {
  kind: string;
  label: string;
  testFile: string;
  status: number | null;
  cpuSeconds: number;
  wallSeconds: number;
  maxRssMb: number;
}

/** The test file running now, relative to the project root (empty outside a test file, as in a global setup); read from Vitest's worker state, which has no public API for it outside a test. */
function currentTestFile(): string {
  const state = (globalThis as { __vitest_worker__?: { filepath?: string } }).__vitest_worker__;
  return state?.filepath ? relative(join(import.meta.dirname, '../..'), state.filepath) : '';
}

/** `spawnSync` with its cost logged when POLICY_PRESS_TEST_COSTS names a file. */
export function spawnCounted(kind: string, label: string, command: string, args: string[], options: SpawnSyncOptionsWithStringEncoding): SpawnSyncReturns<string> {
  const log = process.env['POLICY_PRESS_TEST_COSTS'];
  if (!log) return spawnSync(command, args, options);
  const folder = mkdtempSync(join(tmpdir(), 'policy-press-cost-'));
  const times = join(folder, 'time');
  const result = spawnSync('/usr/bin/time', ['-o', times, '-f', '%U %S %e %M', command, ...args], options);
  const [user = 0, system = 0, wall = 0, rss = 0] = (readFileSync(times, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  rmSync(folder, { recursive: true, force: true });
  const cost: ChildCost = { kind, label, testFile: currentTestFile(), status: result.status, cpuSeconds: user + system, wallSeconds: wall, maxRssMb: Math.round(rss / 1024) };
  appendFileSync(log, `${JSON.stringify(cost)}\n`);
  return result;
}

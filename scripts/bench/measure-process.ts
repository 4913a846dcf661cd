/**
 * Runs a Node script as a child process and measures its wall time and peak
 * memory (see report-rss.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const REPORT_RSS = fileURLToPath(new URL('report-rss.ts', import.meta.url));

/** Time, peak memory and output of one run. */
export interface ProcessMeasurement {
  seconds: number;
  peakRssMb: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node <script> <args>` with `env` added, in `cwd`. */
export function measureNode(script: string, args: string[], options: { cwd: string; env?: Record<string, string>; nodeArgs?: string[] }): ProcessMeasurement {
  const folder = mkdtempSync(join(tmpdir(), 'bench-rss-'));
  const rssFile = join(folder, 'rss.json');
  const start = performance.now();
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), '--import', REPORT_RSS, script, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...options.env, BENCH_RSS_FILE: rssFile },
  });
  const seconds = (performance.now() - start) / 1000;
  const peakRssMb = existsSync(rssFile) ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKb: number }).maxRssKb / 1024 : Number.NaN;
  rmSync(folder, { recursive: true, force: true });
  return { seconds, peakRssMb, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

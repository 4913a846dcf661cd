/**
 * Benchmark of `npm run policy -- verify`: a million consent records (about
 * one in a hundred wrong in some way) against the sample policies, and a
 * tenth of that, to show the memory does not grow with the input.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import siteConfig from '../../site.config.ts';
import { loadLocalSource } from '#lib/consent/policy-source.ts';
import { resolveSiteSettings } from '#lib/site/site-settings.ts';
import { measureNode } from './measure-process.ts';
import { createRandom } from './synthetic-policy.ts';

/** One measured verify run. */
export interface VerifyBenchResult {
  records: number;
  /** V8 old-space limit of the run, when capped to show memory stays flat. */
  heapCapMb: number | null;
  seconds: number;
  recordsPerSecond: number;
  peakRssMb: number;
  summary: string;
  /** The minimal streaming reader (floors/verify-floor.ts) on the same file, with the default heap only. */
  floorSeconds: number | null;
  floorPeakRssMb: number | null;
}

/** Writes `count` JSON Lines consent records for the sample corpus, deterministically. */
async function writeRecords(path: string, count: number, root: string, versionsFile: string): Promise<void> {
  const settings = resolveSiteSettings(siteConfig, { POLICIES_DIR: join(root, 'policies') }, root);
  const source = loadLocalSource(settings, Date.UTC(2026, 5, 1), root);
  const versions = [...source.index.versions.values()];
  // What the floor program knows of the versions: identity, interval, hash.
  writeFileSync(versionsFile, JSON.stringify(versions.map((v) => ({ policy: v.policy, locale: v.locale, version: v.version, from: v.from, until: v.until ?? null, sha256: v.sha256 }))));
  const random = createRandom(7);
  const out = createWriteStream(path);
  for (let i = 0; i < count; i++) {
    const version = versions[Math.floor(random() * versions.length)];
    if (!version) continue;
    const span = (version.until ?? Date.UTC(2026, 5, 1)) - version.from;
    let acceptedAt = version.from + Math.floor(random() * span);
    let sha256: string = version.sha256;
    const fault = random();
    if (fault < 0.005) acceptedAt = version.from - 1000;
    else if (fault < 0.01) sha256 = '0'.repeat(64);
    const line = `${JSON.stringify({ policy: version.policy, locale: version.locale, version: version.version, acceptedAt: new Date(acceptedAt).toISOString(), sha256, userId: `u${i}` })}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Runs verify on 100,000 and 1,000,000 records (100,000 only when quick). */
export async function runVerifyBench(options: { root: string; workDir: string; quick: boolean; log: (line: string) => void }): Promise<VerifyBenchResult[]> {
  mkdirSync(options.workDir, { recursive: true });
  const results: VerifyBenchResult[] = [];
  for (const count of options.quick ? [100_000] : [100_000, 1_000_000]) {
    const file = join(options.workDir, `consents-${count}.jsonl`);
    const versionsFile = join(options.workDir, 'floor-versions.json');
    await writeRecords(file, count, options.root, versionsFile);
    // Once as a user runs it, once with the JavaScript heap capped at 48 MB: if memory grew with the input, the capped run would die.
    for (const heapCapMb of [null, 48]) {
      const run = measureNode(join(options.root, 'scripts/policy.ts'), ['verify', file], {
        cwd: options.root,
        env: { POLICIES_DIR: join(options.root, 'policies') },
        nodeArgs: heapCapMb === null ? [] : [`--max-old-space-size=${heapCapMb}`],
      });
      const summary = run.status === 1 || run.status === 0 ? (run.stdout.trim().split('\n').at(-1) ?? '') : `crashed: ${run.stderr.split('\n')[0] ?? ''}`;
      // The floor beside the run a user makes (default heap), on the same file, right after it.
      const floor = heapCapMb === null ? measureNode(join(options.root, 'scripts/bench/floors/verify-floor.ts'), [versionsFile, file], { cwd: options.root }) : null;
      if (floor && floor.status !== 0) throw new Error(`verify-floor failed:\n${floor.stderr}`);
      results.push({
        records: count,
        heapCapMb,
        seconds: run.seconds,
        recordsPerSecond: count / run.seconds,
        peakRssMb: run.peakRssMb,
        summary,
        floorSeconds: floor?.seconds ?? null,
        floorPeakRssMb: floor?.peakRssMb ?? null,
      });
      if (floor) options.log(`  verify floor (minimal streaming reader), ${count} records: ${floor.seconds.toFixed(1)} s, peak ${floor.peakRssMb.toFixed(0)} MB — ${floor.stdout.trim()}`);
      options.log(`  verify ${count} records${heapCapMb ? ` (heap capped at ${heapCapMb} MB)` : ''}: ${run.seconds.toFixed(1)} s, peak ${run.peakRssMb.toFixed(0)} MB — ${summary}`);
    }
  }
  return results;
}

/**
 * What the public log adds to a build, measured part by part on a ledger of
 * many versions (a tenth of them corrected): the check of the ledger against
 * the log state (the content loader), the log with its tree and signature
 * (made twice: for the pages, and for the files), and writing every tile and
 * bundle. A whole build of 5,000 versions takes minutes and varies by more
 * than the log costs, so the difference of two builds would measure noise;
 * these are the only steps a build does for the log (the ledger itself the
 * loader reads anyway, for its own check). Reading the served log
 * back, as audit and verify --log do, is timed beside them.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Ledger } from '#schemas/ledger.ts';
import { readLedger, writeLedger } from '#lib/ledger/ledger-store.ts';
import { getLogOrigin } from '#lib/log/checkpoint.ts';
import { readLogLock, resolveLog, writeLogLock } from '#lib/log/log-state.ts';
import { createSiteReader, readServedLog } from '#lib/log/served-log.ts';
import { generateSignerKey } from '#lib/log/signed-note.ts';
import { getLogFiles, loadSiteLog } from '#lib/log/site-log.ts';
import { resolveSiteSettings } from '#lib/site/site-settings.ts';

/** The figures of one run. */
export interface LogBenchResult {
  versions: number;
  entries: number;
  /** CPU ms of each step. */
  checkMs: number;
  siteLogMs: number;
  filesMs: number;
  files: number;
  megabytes: number;
  /** check + the log twice + the files, CPU time. */
  addedSeconds: number;
  /** The same, wall time on this machine as it was during the run. */
  addedWallSeconds: number;
  readBackMs: number;
}

const SHA = (n: number) => n.toString(16).padStart(64, '0');

/**
 * Median time of `runs` calls, in ms: CPU time (this work runs on one thread,
 * so on an idle machine it is the wall time, and on a shared one it is not
 * inflated by the other processes), and wall time beside it.
 */
function median(runs: number, task: () => void): { cpu: number; wall: number } {
  const times = Array.from({ length: runs }, () => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    task();
    const used = process.cpuUsage(cpu);
    return { cpu: (used.user + used.system) / 1000, wall: performance.now() - start };
  });
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
  return { cpu: middle(times.map((time) => time.cpu)), wall: middle(times.map((time) => time.wall)) };
}

/** Times the log's part of a build for `versions` published versions. */
export async function runLogBench(options: { root: string; workDir: string; versions: number; log: (line: string) => void }): Promise<LogBenchResult> {
  const folder = join(options.workDir, `log-${options.versions}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  // The shape of the build benchmark's corpus: 50 versions per policy, 2 locales.
  const ledger: Ledger = {
    ledgerVersion: 2,
    versions: Array.from({ length: options.versions }, (_, i) => {
      const effective = new Date(Date.UTC(2000, 0, 1) + Math.floor(i / 2) * 86_400_000).toISOString();
      return {
        policy: `policy-${String(Math.floor(i / 100) + 1).padStart(2, '0')}`,
        locale: i % 2 === 0 ? 'ru' : 'en',
        version: effective.slice(0, 10),
        effectiveFrom: effective,
        publishedAt: '2026-01-01T00:00:00.000Z',
        sha256: SHA(i * 2),
        publication: { kind: 'imported' as const, reason: null },
        changeType: 'material' as const,
        summary: [],
        corrections:
          i % 10 === 0
            ? [
                {
                  date: '2026-02-01',
                  reason: 'Исправлена опечатка в пункте 1.1',
                  previousSha256: SHA(i * 2),
                  sha256: SHA(i * 2 + 1),
                  recordedAt: '2026-02-01T00:00:00.000Z',
                  kind: 'editorial' as const,
                  overrideReason: null,
                  changeType: null,
                  summary: null,
                },
              ]
            : [],
        rescheduled: [],
        withdrawn: null,
      };
    }),
  };
  writeLedger(folder, ledger);
  writeLogLock(folder, resolveLog({ ledger, ledgerFile: 'ledger', ledgerProblems: 0, lock: readLogLock(folder) }).entries);
  const settings = resolveSiteSettings({ siteUrl: 'https://policies.example.com/', defaultLocale: 'ru', timeZone: 'Europe/Moscow', siteTitle: { ru: 'Документы' }, policiesDir: folder }, {}, options.root);
  const env = { POLICY_PRESS_LOG_KEY_DATA: generateSignerKey(getLogOrigin(settings.siteUrl)).signerKey };

  let entries = 0;
  // The content loader reads the ledger for its own check anyway; the log adds reading the log state and comparing.
  const ledgerFile = readLedger(folder);
  const check = median(5, () => {
    const resolved = resolveLog({ ledger: ledgerFile.ledger, ledgerFile: ledgerFile.file, ledgerProblems: ledgerFile.problems.length, lock: readLogLock(folder) });
    if (resolved.problems.length > 0) throw new Error(resolved.problems[0]?.message);
    entries = resolved.entries.length;
  });
  const siteLog = median(5, () => void loadSiteLog(settings, env, { withUnlogged: false }));
  const dist = join(folder, 'dist');
  let files = 0;
  let bytes = 0;
  const withFiles = median(3, () => {
    rmSync(dist, { recursive: true, force: true });
    files = 0;
    bytes = 0;
    for (const [path, data] of getLogFiles(loadSiteLog(settings, env, { withUnlogged: false }))) {
      const target = join(dist, 'log', 'v1', path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, data);
      files += 1;
      bytes += data.length;
    }
  });
  const [checkMs, siteLogMs, filesMs] = [check.cpu, siteLog.cpu, withFiles.cpu - siteLog.cpu];
  const addedWallSeconds = (check.wall + siteLog.wall + withFiles.wall) / 1000;
  const start = performance.now();
  const read = await readServedLog(createSiteReader(dist), 'log/v1/', { checkTiles: true });
  const readBackMs = performance.now() - start;
  if (read.findings.length > 0) throw new Error(read.findings[0]?.message);
  const addedSeconds = (checkMs + 2 * siteLogMs + filesMs) / 1000;
  options.log(
    `  log of ${options.versions} versions (${entries} entries), CPU time: check ${checkMs.toFixed(0)} ms, log and signature ${siteLogMs.toFixed(0)} ms (×2), ${files} files ${filesMs.toFixed(0)} ms; added to a build ${addedSeconds.toFixed(2)} s (wall ${addedWallSeconds.toFixed(2)} s)`,
  );
  return { versions: options.versions, entries, checkMs, siteLogMs, filesMs, files, megabytes: bytes / 2 ** 20, addedSeconds, addedWallSeconds, readBackMs };
}

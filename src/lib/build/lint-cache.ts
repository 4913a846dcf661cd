/**
 * Text lint results of earlier runs (see lint/lint-text.ts), shared by the
 * build and `npm run policy -- check`: parsing every text again costs
 * seconds on a long history, and a result depends only on its input and the
 * code that computed it. Keyed by both (the code by its digest,
 * code-digest.ts, `lint`), so a change to a rule, a text
 * or a setting is never answered from an older run.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { lintText, type TextLintInput, type TextLintResult } from '#lib/lint/lint-text.ts';
import { deleteFilesExcept, readCachedJson, writeWhole } from './rendered-files.ts';
import { getWorkerCount, OrderedTaskPool, WORKER_FILES } from './worker-pool.ts';

/** Where cached text lint results are kept, in a cache folder (Astro's `cacheDir`). */
export function getLintCacheFolder(cacheDir: string): string {
  return join(cacheDir, 'policy-press-lint');
}

/** The cache file of one input. */
export function getLintCacheFile(folder: string, codeDigest: string, input: TextLintInput): string {
  const key = createHash('sha256').update(codeDigest).update('\n').update(JSON.stringify(input)).digest('hex');
  return join(folder, `${key.slice(0, 32)}.json`);
}

/** A cached result; undefined when it is not there or unreadable (it is computed again). */
export function readCachedLint(file: string): TextLintResult | undefined {
  return readCachedJson<TextLintResult>(file);
}

/** Keeps a result for later runs; a cache that cannot be written only costs time. */
export function writeCachedLint(file: string, result: TextLintResult): void {
  try {
    writeWhole(file, JSON.stringify(result));
  } catch {
    // A read-only checkout still lints; it parses again next time.
  }
}

/** A text to lint and the cache file to keep its result in. */
export interface LintTask {
  input: TextLintInput;
  cacheFile: string;
}

/** Lints a text and keeps the result: the task of the lint worker (lint-worker.ts), or of this thread. */
export function runLintTask(task: LintTask): TextLintResult {
  const result = lintText(task.input);
  writeCachedLint(task.cacheFile, result);
  return result;
}

/** Below this many texts to lint, starting worker threads costs more than it saves. */
const MIN_TEXTS_FOR_WORKERS = 16;

/**
 * The text lint of every input, from the cache where it was computed before,
 * else computed now on every core (and kept); the cache keeps only the files
 * this run used.
 * @param cache the cache folder, the code digest, the project root (where the worker file is) and who is told of a lost worker
 */
export async function getTextLintResults(
  inputs: ReadonlyMap<string, TextLintInput>,
  cache: { folder: string; codeDigest: string; root: string; onWorkerLost: (message: string) => void },
): Promise<Map<string, TextLintResult>> {
  const results = new Map<string, TextLintResult>();
  const used = new Set<string>();
  const missing: { id: string; task: LintTask; ticket: number }[] = [];
  for (const [id, input] of inputs) {
    const file = getLintCacheFile(cache.folder, cache.codeDigest, input);
    used.add(file);
    const result = readCachedLint(file);
    if (result) results.set(id, result);
    else missing.push({ id, task: { input, cacheFile: file }, ticket: -1 });
  }
  const pool = new OrderedTaskPool<LintTask, TextLintResult>({
    workerFile: join(cache.root, WORKER_FILES.lint),
    workers: missing.length < MIN_TEXTS_FOR_WORKERS ? 0 : getWorkerCount(),
    run: runLintTask,
    onWorkerLost: cache.onWorkerLost,
  });
  try {
    for (const entry of missing) entry.ticket = pool.submit(entry.task);
    for (const { id, ticket } of missing) {
      results.set(id, await pool.take(ticket));
    }
  } finally {
    await pool.close();
  }
  pruneLintCache(cache.folder, used);
  return results;
}

/** Deletes cached results this run did not use. */
export function pruneLintCache(folder: string, keep: ReadonlySet<string>): void {
  try {
    deleteFilesExcept(folder, keep);
  } catch {
    // As for writing: a cache that cannot be tidied only takes room.
  }
}

/**
 * Redline pages computed by earlier builds. A redline depends only on the two
 * texts (their rendered files are named by content digests), the labels
 * around it and the code that computes it; keyed by all of these, a build
 * after one new version computes only the pairs that involve a changed
 * version and reads the others back.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { deleteFilesExcept, writeWhole } from './rendered-files.ts';
import type { RedlineTask } from './redline-task.ts';
import type { RedlineBody } from './redline-view.ts';

/** The redline cache folder, beside the folder of rendered files. */
export function getRedlineCacheFolder(renderedFile: string): string {
  return `${dirname(renderedFile)}-redlines`;
}

/**
 * A digest of the code and dependencies that compute redlines: every module
 * of src/lib and the lockfile. Any change to either makes every cached
 * redline stale, so a new build can never show a redline of older code.
 */
export function getCodeDigest(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) hash.update(`${relative(root, path)}\n`).update(readFileSync(path));
    }
  };
  walk(join(root, 'src/lib'));
  // Without a lockfile (an install by hand), dependency changes cannot be seen: the cache is then keyed by the code alone.
  const lockfile = join(root, 'package-lock.json');
  hash.update(existsSync(lockfile) ? readFileSync(lockfile) : 'no lockfile');
  return hash.digest('hex');
}

/** The cache file of a redline task. */
export function getRedlineCacheFile(folder: string, codeDigest: string, task: Omit<RedlineTask, 'cacheFile'>): string {
  const key = JSON.stringify([codeDigest, task.locale, task.fromFiles.blocks, task.toFiles.blocks, task.headings]);
  return join(folder, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
}

/** A redline from the cache; undefined when it is not there (or unreadable: it is computed again). */
export function readCachedRedline(file: string): RedlineBody | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RedlineBody;
  } catch {
    return undefined;
  }
}

/** Keeps a computed redline for later builds. */
export function writeCachedRedline(file: string, body: RedlineBody): void {
  writeWhole(file, JSON.stringify(body));
}

/** Deletes cached redlines that this build did not use (pairs that no longer exist, older code). */
export function pruneRedlineCache(folder: string, keep: ReadonlySet<string>): void {
  deleteFilesExcept(folder, keep);
}

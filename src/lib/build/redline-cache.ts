/**
 * Redline pages computed by earlier builds. A redline depends only on the two
 * texts (their rendered files are named by content digests), the labels
 * around it and the code that computes it; keyed by all of these, a build
 * after one new version computes only the pairs that involve a changed
 * version and reads the others back.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { deleteFilesExcept, readCachedJson, writeWhole } from './rendered-files.ts';
import type { RedlineTask } from './redline-task.ts';
import { WORKER_FILES } from './worker-pool.ts';
import type { RedlineBody } from '#lib/views/redline-view.ts';

/** The redline cache folder, beside the folder of rendered files. */
export function getRedlineCacheFolder(renderedFile: string): string {
  return `${dirname(renderedFile)}-redlines`;
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/** The file a module specifier names, for the project's own modules; null for a package (the lockfile covers those). */
function resolveOwnModule(root: string, importer: string, specifier: string, aliases: Record<string, string>): string | null {
  if (specifier.startsWith('.')) return join(dirname(importer), specifier);
  for (const [pattern, target] of Object.entries(aliases)) {
    const prefix = pattern.replace(/\*$/, '');
    if (pattern.endsWith('*') && specifier.startsWith(prefix)) return join(root, target.replace(/\*$/, '') + specifier.slice(prefix.length));
  }
  return null;
}

/**
 * A digest of the code and dependencies that compute redlines: every module
 * the redline worker imports, followed through the project's own imports
 * (relative and `#` aliases, wherever the modules live), and the lockfile.
 * Any change to either makes every cached redline stale, so a new build can
 * never show a redline of older code.
 * @param entry the module a redline is computed from (the redline worker)
 */
export function getCodeDigest(root: string, entry: string = WORKER_FILES.redline): string {
  const packageFile = join(root, 'package.json');
  const aliases = existsSync(packageFile) ? ((JSON.parse(readFileSync(packageFile, 'utf8')) as { imports?: Record<string, string> }).imports ?? {}) : {};
  const seen = new Set<string>();
  const pending = [join(root, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(IMPORT)) {
      const target = specifier ? resolveOwnModule(root, file, specifier, aliases) : null;
      if (target && !seen.has(target)) pending.push(target);
    }
  }
  const hash = createHash('sha256');
  for (const file of [...seen].sort()) hash.update(`${relative(root, file)}\n`).update(readFileSync(file));
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
  return readCachedJson<RedlineBody>(file);
}

/** Keeps a computed redline for later builds. */
export function writeCachedRedline(file: string, body: RedlineBody): void {
  writeWhole(file, JSON.stringify(body));
}

/** Deletes cached redlines that this build did not use (pairs that no longer exist, older code). */
export function pruneRedlineCache(folder: string, keep: ReadonlySet<string>): void {
  deleteFilesExcept(folder, keep);
}

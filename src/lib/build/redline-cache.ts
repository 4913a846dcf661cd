/**
 * Redline pages computed by earlier builds. A redline depends only on the two
 * texts (their rendered files are named by content digests), the labels
 * around it and the code that computes it; keyed by all of these, a build
 * after one new version computes only the pairs that involve a changed
 * version and reads the others back. The code is keyed by its digest
 * (code-digest.ts), as every cache of the build is.
 */
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { deleteFilesExcept, readCachedJson, writeWhole } from './rendered-files.ts';
import type { RedlineTask } from './redline-task.ts';
import type { RedlineBody } from '#lib/views/redline-view.ts';

/** The redline cache folder, beside the folder of rendered files. */
export function getRedlineCacheFolder(renderedFile: string): string {
  return `${dirname(renderedFile)}-redlines`;
}

/** The cache file of a redline task. */
export function getRedlineCacheFile(folder: string, codeDigest: string, task: Omit<RedlineTask, 'cacheFile'>): string {
  const key = JSON.stringify([codeDigest, task.locale, task.fromFiles.blocks, task.toFiles.blocks, task.headings, task.pagePath]);
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

/**
 * Reading a policies folder from disk into {@link CorpusFile}s, in a stable
 * order so every report and every build sees the files the same way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { CorpusFile } from './validate-corpus.ts';

/**
 * Files at the top of the policies folder that are not versions: its README
 * for legal staff and machine files such as the published-version ledger.
 */
function isIgnoredTopLevelFile(name: string): boolean {
  return name === 'README.md' || !name.toLowerCase().endsWith('.md');
}

/** A path as the user would type it: relative inside the working directory, absolute outside. */
export function toDisplayPath(path: string, cwd: string): string {
  const relativePath = relative(cwd, path);
  return relativePath === '' || relativePath.startsWith('..') || isAbsolute(relativePath) ? resolve(path) : relativePath;
}

/** Thrown when the policies folder itself is missing. */
export class MissingPoliciesDirError extends Error {
  override name = 'MissingPoliciesDirError';
}

/**
 * Lists every candidate version file under `dir` (hidden files and folders
 * such as `.git` skipped), sorted by path.
 * @param dir the policies folder
 * @param cwd base for the paths shown in messages
 */
export function readCorpus(dir: string, cwd: string = process.cwd()): CorpusFile[] {
  let rootStat;
  try {
    rootStat = statSync(dir);
  } catch {
    throw new MissingPoliciesDirError(`The policies folder ${dir} does not exist. Create it, or point POLICIES_DIR at the folder that holds <policy>/<locale>/<version>.md files.`);
  }
  if (!rootStat.isDirectory()) {
    throw new MissingPoliciesDirError(`${dir} is not a folder. POLICIES_DIR must name the folder that holds <policy>/<locale>/<version>.md files.`);
  }
  const files: CorpusFile[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      const stat = statSync(path);
      if (stat.isDirectory()) {
        walk(path);
        continue;
      }
      if (folder === dir && isIgnoredTopLevelFile(name)) continue;
      files.push({
        relativePath: relative(dir, path).split(sep).join('/'),
        displayPath: toDisplayPath(path, cwd),
        bytes: readFileSync(path),
      });
    }
  };
  walk(dir);
  return files;
}

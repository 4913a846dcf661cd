/**
 * Reading a policies folder from disk into {@link CorpusFile}s, in a stable
 * order so every report and every build sees the files the same way. Links
 * and special files are never followed or opened (see plain-files.ts): each
 * is a problem in the report, and nothing is built while one is there.
 */
import { readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describeNotPlain, kindOf, NotPlainFileError, readPlainFile, toDisplayPath } from './plain-files.ts';
import type { Problem } from './problem.ts';
import type { CorpusFile } from './validate-corpus.ts';

/**
 * Files at the top of the policies folder that are not versions: its README
 * for legal staff and machine files such as the published-version ledger.
 */
function isIgnoredTopLevelFile(name: string): boolean {
  return name === 'README.md' || !name.toLowerCase().endsWith('.md');
}

/** Thrown when the policies folder itself is missing or not a folder. */
export class MissingPoliciesDirError extends Error {
  override name = 'MissingPoliciesDirError';

  constructor(message: string) {
    super(message);
    // One sentence that says what to do; a stack trace would bury it (Astro prints any non-empty stack).
    this.stack = '';
  }
}

/** The files of a folder and what could not be read as content. */
export interface ReadCorpusResult {
  files: CorpusFile[];
  /** Links, pipes, sockets and devices, each naming what it is (and for a link, where it points). */
  problems: Problem[];
}

/** Options of {@link readCorpus}. */
export interface ReadCorpusOptions {
  /** Base for the paths shown in messages; default the working directory. */
  cwd?: string;
  /** Top-level names another module reads and checks itself (the ledger). */
  skipTopLevel?: readonly string[];
}

/**
 * Lists every candidate version file under `dir` (hidden files and folders
 * such as `.git` skipped), sorted by path, without following links.
 * @param dir the policies folder (itself may be a link: it is the user's choice, not the content's)
 */
export function readCorpus(dir: string, options: ReadCorpusOptions = {}): ReadCorpusResult {
  const cwd = options.cwd ?? process.cwd();
  const shown = toDisplayPath(dir, cwd);
  let rootStat: Stats;
  try {
    rootStat = statSync(dir);
  } catch {
    throw new MissingPoliciesDirError(`The policies folder ${shown} does not exist. Create it, or point POLICIES_DIR at the folder that holds <policy>/<locale>/<version>.md files.`);
  }
  if (!rootStat.isDirectory()) {
    throw new MissingPoliciesDirError(`The policies folder ${shown} is not a folder. POLICIES_DIR must name the folder that holds <policy>/<locale>/<version>.md files.`);
  }
  const skip = new Set(options.skipTopLevel ?? []);
  const files: CorpusFile[] = [];
  const problems: Problem[] = [];
  const walk = (folder: string) => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (folder === dir && skip.has(entry.name)) continue;
      const path = join(folder, entry.name);
      const kind = kindOf(entry);
      if (kind === 'folder') {
        walk(path);
        continue;
      }
      if (kind === 'file' && folder === dir && isIgnoredTopLevelFile(entry.name)) continue;
      const problem = describeNotPlain(path, kind, dir, cwd);
      if (problem) {
        problems.push(problem);
        continue;
      }
      try {
        files.push({ relativePath: relative(dir, path).split(sep).join('/'), displayPath: toDisplayPath(path, cwd), bytes: readPlainFile(path, dir, cwd) });
      } catch (error) {
        // Replaced by a link or a pipe since the folder was listed.
        if (error instanceof NotPlainFileError) problems.push(error.problem);
        else throw error;
      }
    }
  };
  walk(dir);
  return { files, problems };
}

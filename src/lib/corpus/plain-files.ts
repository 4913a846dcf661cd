/**
 * Reading the policies folder without following links. The folder often comes
 * from contributors (a pull request to a content repository), and what the
 * build reads it publishes: a symbolic link would publish whatever it points
 * at on the build machine, a named pipe would hang the build. So only plain
 * files and folders are read; anything else is refused, naming what it is and
 * where it points, the way static-site generators that build contributed
 * content do (Jekyll's safe mode, Hugo).
 */
import { constants, fstatSync, lstatSync, openSync, closeSync, readFileSync, readlinkSync, realpathSync, type Dirent, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Problem } from './problem.ts';
import { problemText } from '#lib/messages/message-catalog.ts';

/** What an entry of the folder is, as `lstat` sees it (links not followed). */
export type EntryKind = 'file' | 'folder' | 'symlink' | 'fifo' | 'socket' | 'block-device' | 'character-device' | 'unknown';

/** The code of every problem about an entry that is not a plain file or folder: it stops the dev server too. */
export const NOT_PLAIN_FILE = 'not-a-plain-file';

/** The kind of a directory entry or of `lstat` stats. */
export function kindOf(entry: Dirent | Stats): EntryKind {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'folder';
  if (entry.isFIFO()) return 'fifo';
  if (entry.isSocket()) return 'socket';
  if (entry.isBlockDevice()) return 'block-device';
  if (entry.isCharacterDevice()) return 'character-device';
  return 'unknown';
}

/** The kind of a path without following it, or null when nothing is there. */
export function kindAt(path: string): EntryKind | null {
  try {
    return kindOf(lstatSync(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** A path as the user would type it: relative inside the working directory, absolute outside. */
export function toDisplayPath(path: string, cwd: string): string {
  const relativePath = relative(cwd, path);
  return relativePath === '' || relativePath.startsWith('..') || isAbsolute(relativePath) ? resolve(path) : relativePath;
}

/** Whether `path` is `folder` or inside it (both absolute and resolved). */
function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** Where a symbolic link points, for its refusal: its text, and the place it resolves to. */
function describeLinkTarget(path: string, root: string, cwd: string): { target: string | null; resolved: string | null; inside: boolean; exists: boolean } {
  let target: string;
  try {
    target = readlinkSync(path);
  } catch {
    return { target: null, resolved: null, inside: false, exists: false };
  }
  const resolved = resolve(dirname(path), target);
  let realRoot = root;
  try {
    realRoot = realpathSync(root);
  } catch {
    // the root was checked before; keep it as given
  }
  const inside = isInside(resolved, resolve(root)) || isInside(resolved, realRoot);
  // A relative target is shown resolved too, so the reader need not work out where "../x" lands.
  return { target, resolved: isAbsolute(target) ? null : toDisplayPath(resolved, cwd), inside, exists: kindAt(resolved) !== null };
}

/**
 * The problem with an entry that is not a plain file or folder, or null.
 * @param path the entry
 * @param kind what `lstat` says it is
 * @param root the policies folder, to say whether a link points inside or outside it
 * @param cwd base for the paths shown
 */
export function describeNotPlain(path: string, kind: EntryKind, root: string, cwd: string): Problem | null {
  if (kind === 'file' || kind === 'folder') return null;
  const file = toDisplayPath(path, cwd);
  if (kind === 'symlink') {
    return { file, line: 1, code: NOT_PLAIN_FILE, ...problemText('symbolicLink', describeLinkTarget(path, root, cwd)) };
  }
  return { file, line: 1, code: NOT_PLAIN_FILE, ...problemText('notPlainFile', { kind }) };
}

/** Thrown when a path that must be a plain file is something else; carries the problem to report. */
export class NotPlainFileError extends Error {
  override name = 'NotPlainFileError';
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`${problem.file}: ${problem.message}`);
    this.problem = problem;
  }
}

/**
 * Reads a plain file without following a link, opening a pipe or leaving the
 * policies folder: the last component is opened with O_NOFOLLOW (and
 * O_NONBLOCK, so a pipe swapped in since the folder was listed cannot hang the
 * read), the open file must be a regular file, and its real path must be
 * inside `root`. The folders above it are the caller's to check (the corpus
 * walk lists them itself; {@link readPlainFileIn} checks them).
 */
export function readPlainFile(path: string, root: string, cwd: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ELOOP: the last component is a link (Linux, macOS); EMLINK on FreeBSD.
    if (code === 'ELOOP' || code === 'EMLINK') throw new NotPlainFileError(describeNotPlain(path, 'symlink', root, cwd) as Problem);
    throw error;
  }
  try {
    const kind = kindOf(fstatSync(fd));
    if (kind !== 'file') throw new NotPlainFileError(describeNotPlain(path, kind, root, cwd) as Problem);
    // realpath(3) itself, one call, not a walk of lstat calls per file.
    const real = realpathSync.native(path);
    if (!isInside(real, realpathSync.native(root))) {
      throw new NotPlainFileError({
        file: toDisplayPath(path, cwd),
        line: 1,
        code: NOT_PLAIN_FILE,
        ...problemText('outsideFolder', { real }),
      });
    }
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The first component of `parts` under `root` that is not a plain folder
 * (the last one: not a plain file), as a problem; null when the path is
 * plain all the way or stops existing on the way.
 */
export function findNotPlainOnPath(root: string, parts: readonly string[], cwd: string): Problem | null {
  let path = root;
  for (const [index, part] of parts.entries()) {
    path = join(path, part);
    const kind = kindAt(path);
    if (kind === null) return null;
    const expected = index === parts.length - 1 ? 'file' : 'folder';
    if (kind !== expected) return describeNotPlain(path, kind, root, cwd) ?? { file: toDisplayPath(path, cwd), line: 1, code: NOT_PLAIN_FILE, ...problemText('wrongEntryKind', { kind, expected }) };
  }
  return null;
}

/**
 * Reads `root/parts…` when every component is plain (folders, then a file):
 * the bytes, null when nothing is there, or a {@link NotPlainFileError}.
 */
export function readPlainFileIn(root: string, parts: readonly string[], cwd: string): Buffer | null {
  const problem = findNotPlainOnPath(root, parts, cwd);
  if (problem) throw new NotPlainFileError(problem);
  const path = join(root, ...parts);
  if (kindAt(path) === null) return null;
  return readPlainFile(path, root, cwd);
}

/** A JSON state file of the policies folder (the ledger, the log state), as {@link readPlainJsonIn} found it. */
export type PlainJsonFile =
  | { kind: 'absent' }
  /** Not a plain file, or on a path through a link: the problem says which. */
  | { kind: 'refused'; problem: Problem }
  | { kind: 'not-json'; message: string }
  | { kind: 'json'; data: unknown; text: string };

/** Reads and parses a JSON state file in the folder, never through a link. */
export function readPlainJsonIn(root: string, parts: readonly string[], cwd: string): PlainJsonFile {
  let bytes: Buffer | null;
  try {
    bytes = readPlainFileIn(root, parts, cwd);
  } catch (error) {
    if (error instanceof NotPlainFileError) return { kind: 'refused', problem: error.problem };
    throw error;
  }
  if (bytes === null) return { kind: 'absent' };
  const text = bytes.toString('utf8');
  try {
    return { kind: 'json', data: JSON.parse(text) as unknown, text };
  } catch (error) {
    return { kind: 'not-json', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The history of one file in a git repository, read with the `git` command
 * (through execFile: no shell, so no path or name is ever interpreted), from
 * a bare repository, a working copy or a folder inside one. Each commit of
 * the main line (first parents) that changed the file, oldest first, with
 * the path the file had then (renames followed), its mode and the bytes of
 * its text. Nothing is checked out and no link is followed: a symbolic link
 * or a submodule in place of the file is reported as such.
 */
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { posix } from 'node:path';

/** A repository that cannot be read as asked: the message names it and says what to do. */
export class GitHistoryError extends Error {
  override name = 'GitHistoryError';
}

/** One commit that changed the file. */
export interface FileCommit {
  /** The full commit hash. */
  commit: string;
  /** The committer date, ISO 8601 with the committer's offset (`2024-04-17T17:22:48-07:00`). */
  committedAt: string;
  /** The commit message, trimmed. */
  message: string;
  /** `A`dded, `M`odified, `R`enamed, `D`eleted, `T`ype changed (git's letters). */
  status: string;
  /** The path of the file after this commit. */
  path: string;
  /** The path before this commit, when the commit renamed it. */
  renamedFrom: string | null;
  /** The git mode of the file after this commit (`100644`; `120000` is a symbolic link). */
  mode: string;
  /** The blob of the file after this commit (all zeros when deleted). */
  blob: string;
}

/** The longest history read: a file's history is text, not an unbounded stream. */
const MAX_BUFFER = 256 * 1024 * 1024;

/** Runs git in a folder and gives its standard output. */
function runGit(folder: string, args: readonly string[], encoding: 'utf8'): Promise<string>;
function runGit(folder: string, args: readonly string[], encoding: 'buffer'): Promise<Buffer>;
function runGit(folder: string, args: readonly string[], encoding: 'utf8' | 'buffer'): Promise<string | Buffer> {
  // No pager, no terminal prompts, no hooks of the repository's config that a read could start.
  const env = { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
  return new Promise((resolvePromise, reject) => {
    execFile('git', ['-C', folder, '-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false', ...args], { encoding, maxBuffer: MAX_BUFFER, env }, (error, stdout, stderr) => {
      if (error) reject(new GitHistoryError(String(stderr).trim() || error.message));
      else resolvePromise(stdout);
    });
  });
}

/** A repository folder and the path of the file from the repository's root. */
export interface FileInRepository {
  folder: string;
  /** The path from the top of the repository (`Policies/privacy.md`). */
  path: string;
}

/**
 * Finds the repository of a folder and the file's path from its top: `path`
 * is read from the folder given (a folder inside a working copy reads its
 * files as they are named there).
 */
export async function locateFile(repository: string, path: string): Promise<FileInRepository> {
  let isFolder = false;
  try {
    isFolder = statSync(repository).isDirectory();
  } catch {
    throw new GitHistoryError(`${repository}: there is no such folder. Give the folder of a git repository (a clone, a bare repository, or a folder inside a clone).`);
  }
  if (!isFolder) throw new GitHistoryError(`${repository}: is not a folder. Give the folder of a git repository (a clone, a bare repository, or a folder inside a clone).`);
  try {
    await runGit(repository, ['rev-parse', '--git-dir'], 'utf8');
  } catch {
    throw new GitHistoryError(`${repository}: is not a git repository. Give the folder of a clone (git clone <url>), a bare repository, or a folder inside a clone.`);
  }
  const bare = (await runGit(repository, ['rev-parse', '--is-bare-repository'], 'utf8')).trim() === 'true';
  const prefix = bare ? '' : (await runGit(repository, ['rev-parse', '--show-prefix'], 'utf8')).trim();
  const joined = posix.normalize(posix.join(prefix, path.replace(/\\/g, '/')));
  if (joined.startsWith('../') || joined === '..' || posix.isAbsolute(path)) {
    throw new GitHistoryError(`--path ${path}: leads outside the repository. Give the file's path inside the repository, e.g. Policies/privacy.md.`);
  }
  // Git reads a path from the folder it runs in: run it at the top, with the path from there.
  const top = bare ? repository : (await runGit(repository, ['rev-parse', '--show-toplevel'], 'utf8')).trim();
  return { folder: top, path: joined };
}

/** Parses `git log -z --raw` output written with the format below. */
function parseLog(output: string): FileCommit[] {
  const commits: FileCommit[] = [];
  for (const record of output.split('\u001e').slice(1)) {
    const headerEnd = record.indexOf('\u0000');
    const header = record.slice(0, headerEnd === -1 ? record.length : headerEnd).split('\u001f');
    const [commit, committedAt, ...message] = header;
    const fields =
      headerEnd === -1
        ? []
        : record
            .slice(headerEnd + 1)
            .replace(/^\n/, '')
            .split('\u0000');
    const raw = fields[0]?.match(/^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*$/);
    if (!commit || !committedAt || !raw) throw new GitHistoryError(`git log gave a record this reader does not understand (commit ${commit ?? '?'}); check that the git command is git.`);
    const renamed = raw[5] === 'R' || raw[5] === 'C';
    commits.push({
      commit,
      committedAt,
      message: message.join('\u001f').trim(),
      status: raw[5] as string,
      path: (renamed ? fields[2] : fields[1]) ?? '',
      renamedFrom: renamed ? (fields[1] ?? null) : null,
      mode: raw[2] as string,
      blob: raw[4] as string,
    });
  }
  return commits;
}

/**
 * Every commit of the main line (first parents of HEAD) that changed the
 * file, oldest first, following renames.
 */
async function readFileHistory(file: FileInRepository): Promise<FileCommit[]> {
  const output = await runGit(file.folder, ['log', '--follow', '--first-parent', '--diff-merges=first-parent', '--raw', '--no-abbrev', '-z', '--format=%x1e%H%x1f%cI%x1f%B', 'HEAD', '--', file.path], 'utf8').catch(
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (/does not have any commits|unknown revision|bad default revision/.test(message)) throw new GitHistoryError(`${file.folder}: the repository has no commits (HEAD names none).`);
      throw error;
    },
  );
  return parseLog(output).reverse();
}

/** The bytes of a blob. */
function readBlob(folder: string, blob: string): Promise<Buffer> {
  return runGit(folder, ['cat-file', 'blob', blob], 'buffer');
}

/** The file's commits with the bytes of its text after each (null where a commit deleted it), oldest first. */
export async function readFileTexts(file: FileInRepository): Promise<(FileCommit & { bytes: Buffer | null })[]> {
  const commits = await readFileHistory(file);
  const texts: (FileCommit & { bytes: Buffer | null })[] = [];
  // One blob at a time: a history is read once, and git processes in parallel would only compete for the disk.
  for (const commit of commits) {
    const readable = commit.status !== 'D' && commit.mode !== '120000' && commit.mode !== '160000';
    texts.push({ ...commit, bytes: readable ? await readBlob(file.folder, commit.blob) : null });
  }
  return texts;
}

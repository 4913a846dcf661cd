/**
 * A git repository built by a test, commit by commit, with fixed author and
 * committer dates, so a history import is tested on a repository whose every
 * commit the test chose (and whose hashes are the same on every run).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** One commit: files written (text or bytes), moved, linked or deleted, with its message and date. */
export interface FixtureCommit {
  date: string;
  message: string;
  write?: Record<string, string | Uint8Array>;
  move?: [from: string, to: string];
  link?: [path: string, target: string];
  remove?: string[];
}

const IDENTITY = { GIT_AUTHOR_NAME: 'Legal', GIT_AUTHOR_EMAIL: 'legal@example.com', GIT_COMMITTER_NAME: 'Legal', GIT_COMMITTER_EMAIL: 'legal@example.com' };

/** Runs git in a folder with no user or system configuration and the given dates. */
export function git(folder: string, args: string[], date?: string): string {
  return execFileSync('git', ['-C', folder, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', HOME: folder, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...IDENTITY, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
  });
}

/** Creates a repository in a new temporary folder with these commits; returns its folder and the commit hashes, oldest first. */
export function createGitFixture(commits: readonly FixtureCommit[]): { folder: string; hashes: string[]; remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'policy-press-git-'));
  git(folder, ['init', '--quiet', '--initial-branch=main']);
  const hashes: string[] = [];
  for (const commit of commits) {
    if (commit.move) {
      mkdirSync(dirname(join(folder, commit.move[1])), { recursive: true });
      git(folder, ['mv', commit.move[0], commit.move[1]]);
    }
    for (const [path, content] of Object.entries(commit.write ?? {})) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), content);
    }
    if (commit.link) symlinkSync(commit.link[1], join(folder, commit.link[0]));
    for (const path of commit.remove ?? []) git(folder, ['rm', '--quiet', path]);
    git(folder, ['add', '--all']);
    git(folder, ['commit', '--quiet', '--allow-empty', '-m', commit.message], commit.date);
    hashes.push(git(folder, ['rev-parse', 'HEAD']).trim());
  }
  return { folder, hashes, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

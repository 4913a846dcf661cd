/**
 * Reading and writing the ledger (`published.lock.json`) and the archive of
 * published texts (`.published/<sha256>.md`) in the policies folder. The
 * archive keeps the exact bytes of every text ever published, addressed by
 * hash, so a changed or deleted text can be shown, compared and restored, and
 * the text a person agreed to stays available after a correction.
 */
import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerSchema, LedgerV1Schema, upgradeLedgerV1, type Ledger } from '#schemas/ledger.ts';
import type { Problem } from '#lib/corpus/problem.ts';
import { problemText } from '#lib/messages/message-catalog.ts';
import { describeFileIssue, isFields } from '#lib/corpus/zod-problems.ts';
import { sha256Hex } from '#lib/timeline/published-text.ts';
import { describeNotPlain, findNotPlainOnPath, kindAt, kindOf, NotPlainFileError, readPlainFileIn, readPlainJsonIn, toDisplayPath } from '#lib/corpus/plain-files.ts';

/** The ledger's file name in the policies folder. */
export const LEDGER_FILE = 'published.lock.json';
/** The archive folder in the policies folder (hidden: it holds no versions to build). */
const ARCHIVE_DIR = '.published';

const LEDGER_COMMENT =
  'Written by `npm run policy -- publish` and `withdraw`; do not edit by hand. Every version ever published: the SHA-256 of its text, how and when it was published, its changeType and summary, corrections, postponements and withdrawal; the texts themselves are in .published/.';

/** A ledger read from disk. */
export interface LedgerFile {
  /** Null when the folder has no ledger yet. */
  ledger: Ledger | null;
  /** Path shown in messages. */
  file: string;
  problems: Problem[];
}

/** The line of the n-th entry of `versions` in a ledger written by {@link writeLedger}. */
function entryLine(text: string, index: number): number {
  const lines = text.split('\n');
  let seen = -1;
  for (let number = 0; number < lines.length; number++) {
    if (lines[number] === '    {' && ++seen === index) return number + 1;
  }
  return 1;
}

/** Reads and validates the ledger of a policies folder (never through a link: see plain-files.ts). */
export function readLedger(policiesPath: string, cwd: string = process.cwd()): LedgerFile {
  const file = toDisplayPath(join(policiesPath, LEDGER_FILE), cwd);
  const read = readPlainJsonIn(policiesPath, [LEDGER_FILE], cwd);
  if (read.kind === 'refused') return { ledger: null, file, problems: [read.problem] };
  if (read.kind === 'absent') return { ledger: null, file, problems: [] };
  if (read.kind === 'not-json') return { ledger: null, file, problems: [{ file, line: 1, ...problemText('ledgerNotJson', { file, error: read.message }) }] };
  const { data, text } = read;
  const version = data !== null && typeof data === 'object' ? (data as { ledgerVersion?: unknown }).ledgerVersion : undefined;
  if (version !== 1 && version !== 2) {
    return {
      ledger: null,
      file,
      problems: [
        {
          file,
          line: 1,
          field: 'ledgerVersion',
          ...problemText('ledgerVersionUnknown', { file, value: String(JSON.stringify(version)), newer: typeof version === 'number' && version > 2 }),
        },
      ],
    };
  }
  const parsed = version === 1 ? LedgerV1Schema.safeParse(data, { reportInput: true }) : LedgerSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    return {
      ledger: null,
      file,
      problems: parsed.error.issues.map((issue) => {
        const [first, index, ...rest] = issue.path;
        const where = first === 'versions' && typeof index === 'number' ? entryLine(text, index) : 1;
        const position = first === 'versions' && typeof index === 'number' ? index : null;
        const entry = position === null ? undefined : (data as { versions: unknown[] }).versions[position];
        // An entry is named by the version it records only when it says which; otherwise by its place («undefined/en/v1» names nothing).
        const parts = isFields(entry) ? [entry['policy'], entry['locale'], entry['version']] : [];
        const name = parts.length === 3 && parts.every((part) => typeof part === 'string' && part !== '') ? parts.join('/') : null;
        return {
          file,
          line: where,
          ...problemText('ledgerDamaged', {
            file,
            entry: name,
            position: position === null ? null : position + 1,
            path: [first, index, ...rest]
              .filter((part) => part !== undefined)
              .map(String)
              .join('.'),
            issue: describeFileIssue(issue),
          }),
        };
      }),
    };
  }
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  parsed.data.versions.forEach((entry, index) => {
    const id = `${entry.policy}/${entry.locale}/${entry.version}`;
    if (seen.has(id)) {
      problems.push({ file, line: entryLine(text, index), ...problemText('ledgerListedTwice', { file, id }) });
    }
    seen.set(id, index);
  });
  if (problems.length > 0) return { ledger: null, file, problems };
  return { ledger: parsed.data.ledgerVersion === 1 ? upgradeLedgerV1(parsed.data) : { ...parsed.data, readFrom: 2 }, file, problems };
}

/** The text of a ledger file, sorted, in the layout {@link readLedger} reads line numbers from; validated as version 2. */
function serializeLedger(ledger: Ledger): string {
  const versions = [...ledger.versions].sort((a, b) => `${a.policy}/${a.locale}/${a.version}`.localeCompare(`${b.policy}/${b.locale}/${b.version}`, 'en'));
  // Never write what could not be read back: a bug here must not reach the ledger.
  const file = LedgerSchema.parse({ $comment: LEDGER_COMMENT, ledgerVersion: 2, versions });
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Writes the ledger (see {@link serializeLedger}). Through a new file renamed
 * over the old one: a link in its place is replaced, never written through.
 */
export function writeLedger(policiesPath: string, ledger: Ledger): void {
  const path = join(policiesPath, LEDGER_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, serializeLedger(ledger), { flag: 'wx' });
  renameSync(temporary, path);
}

/** Path of an archived text. */
function getArchivePath(policiesPath: string, sha256: string): string {
  return join(policiesPath, ARCHIVE_DIR, `${sha256}.md`);
}

/**
 * Every entry of the archive that is not a plain file (and the archive itself
 * when it is not a plain folder), as problems: the archive is read without
 * following links, like the rest of the policies folder.
 */
export function checkArchiveFiles(policiesPath: string, cwd: string = process.cwd()): Problem[] {
  const folder = join(policiesPath, ARCHIVE_DIR);
  const kind = kindAt(folder);
  if (kind === null) return [];
  if (kind !== 'folder') return [describeNotPlain(folder, kind, policiesPath, cwd) ?? { file: toDisplayPath(folder, cwd), line: 1, ...problemText('archiveNotFolder', { archive: ARCHIVE_DIR }) }];
  const problems: Problem[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const problem = describeNotPlain(join(folder, entry.name), kindOf(entry), policiesPath, cwd);
    if (problem) problems.push(problem);
  }
  return problems;
}

/**
 * The archived published text with this hash, or null when it is missing,
 * damaged, or not a plain file ({@link checkArchiveFiles} reports that).
 */
export function readArchivedText(policiesPath: string, sha256: string): string | null {
  let bytes: Buffer | null;
  try {
    bytes = readPlainFileIn(policiesPath, [ARCHIVE_DIR, `${sha256}.md`], process.cwd());
  } catch (error) {
    if (error instanceof NotPlainFileError) return null;
    throw error;
  }
  if (bytes === null) return null;
  const text = bytes.toString('utf8');
  return sha256Hex(text) === sha256 ? text : null;
}

/** Archives a published text under its hash; returns the hash. Refuses to write through a link. */
export function archiveText(policiesPath: string, text: string): string {
  const sha256 = sha256Hex(text);
  const problem = findNotPlainOnPath(policiesPath, [ARCHIVE_DIR, `${sha256}.md`], process.cwd());
  if (problem) throw new NotPlainFileError(problem);
  mkdirSync(join(policiesPath, ARCHIVE_DIR), { recursive: true });
  const path = getArchivePath(policiesPath, sha256);
  // 'wx': never through a link that appeared since the check.
  if (kindAt(path) === null) writeFileSync(path, text, { flag: 'wx' });
  return sha256;
}

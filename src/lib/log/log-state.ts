/**
 * The log as it stands, kept beside the ledger in `policies/log.lock.json`:
 * every entry, in log order, and the tree they give. `publish` appends the
 * ledger's new events to it; the build and `check` refuse a ledger that no
 * longer gives the logged entries (an entry changed, a version removed) and
 * a state whose entries were reordered or edited by hand. It guards the
 * repository against accidents and hasty fixes; what proves the history to
 * others is a checkpoint someone else kept (see `audit --since`).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ledger } from '#schemas/ledger.ts';
import { LogEntrySchema, LogLockSchema, type LogEntry } from '#schemas/public-log.ts';
import type { Problem } from '#lib/corpus/problem.ts';
import { readPlainJsonIn, toDisplayPath } from '#lib/corpus/plain-files.ts';
import { canonicalJson, getEntryLeaf, nameLogEntry, getEventKey, getLedgerEvents, orderNewEvents, type LedgerEvent } from './log-entry.ts';
import { MerkleTree } from './merkle.ts';
import { problemText } from '#lib/messages/message-catalog.ts';
import { describeFileIssue } from '#lib/corpus/zod-problems.ts';
import type { z } from 'zod';

/** The log state's file name in the policies folder. */
export const LOG_LOCK_FILE = 'log.lock.json';

const LOCK_COMMENT =
  'Written by `npm run policy -- publish`; do not edit by hand. The entries of the public log (/log/v1/) in log order, and the root hash they give; the build and check refuse a ledger that no longer gives them.';

/** The log state read from disk. */
export interface LogLockFile {
  /** Logged entries in order; null when the folder has no log state yet. */
  entries: LogEntry[] | null;
  /** Path shown in messages. */
  file: string;
  /** The line of each entry, for messages. */
  lines: number[];
  problems: Problem[];
}

/** The root hash of entries, base64 as in a checkpoint. */
function getEntriesRoot(entries: readonly LogEntry[]): string {
  return Buffer.from(new MerkleTree(entries.map(getEntryLeaf)).root()).toString('base64');
}

/** Reads and checks the log state of a policies folder (never through a link: see plain-files.ts). */
export function readLogLock(policiesPath: string, cwd: string = process.cwd()): LogLockFile {
  const file = toDisplayPath(join(policiesPath, LOG_LOCK_FILE), cwd);
  const read = readPlainJsonIn(policiesPath, [LOG_LOCK_FILE], cwd);
  if (read.kind === 'refused') return { entries: null, file, lines: [], problems: [read.problem] };
  if (read.kind === 'absent') return { entries: null, file, lines: [], problems: [] };
  const fail = (line: number, refusal: ReturnType<typeof problemText>): LogLockFile => ({ entries: null, file, lines: [], problems: [{ file, line, code: 'log-lock-damaged', ...refusal }] });
  const issuesOf = (error: z.ZodError) => error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), issue: describeFileIssue(issue) }));
  if (read.kind === 'not-json') return fail(1, problemText('logStateNotJson', { file, error: read.message }));
  const { data, text } = read;
  const parsed = LogLockSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return fail(1, problemText('logStateDamaged', { file, issues: issuesOf(parsed.error) }));
  const textLines = text.split('\n');
  const lines: number[] = [];
  textLines.forEach((line, number) => {
    if (line.startsWith('    {')) lines.push(number + 1);
  });
  const entries: LogEntry[] = [];
  for (const [position, { index, ...fields }] of parsed.data.entries.entries()) {
    const line = lines[position] ?? 1;
    if (index !== position) {
      return fail(line, problemText('logEntryReordered', { file, index, position }));
    }
    const entry = LogEntrySchema.safeParse(fields, { reportInput: true });
    if (!entry.success) return fail(line, problemText('logEntryDamaged', { file, index, issues: issuesOf(entry.error) }));
    entries.push(entry.data);
  }
  const root = getEntriesRoot(entries);
  if (parsed.data.size !== entries.length || parsed.data.rootHash !== root) {
    return fail(1, problemText('logStateEdited', { file, size: parsed.data.size, rootHash: parsed.data.rootHash, count: entries.length, root }));
  }
  return { entries, file, lines, problems: [] };
}

/**
 * Writes the log state, one entry per line (so a diff shows each appended entry).
 * Through a new file renamed over the old one: a link in its place is replaced, never written through.
 */
export function writeLogLock(policiesPath: string, entries: readonly LogEntry[]): void {
  const lines = entries.map((entry, index) => `    {"index":${index},${canonicalJson(entry).slice(1)}`);
  const text = [
    '{',
    `  "$comment": ${JSON.stringify(LOCK_COMMENT)},`,
    '  "logVersion": 1,',
    `  "size": ${entries.length},`,
    `  "rootHash": "${getEntriesRoot(entries)}",`,
    `  "entries": [${entries.length === 0 ? ']' : ''}`,
    ...lines.map((line, index) => (index < lines.length - 1 ? `${line},` : line)),
    ...(entries.length === 0 ? [] : ['  ]']),
    '}',
    '',
  ];
  const path = join(policiesPath, LOG_LOCK_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text.join('\n'), { flag: 'wx' });
  renameSync(temporary, path);
}

/** The log a ledger gives, checked against the log state. */
export interface ResolvedLog {
  /** The entries in log order: the logged ones, then the ledger's new events (what publish appends). */
  entries: LogEntry[];
  /** How many of them are logged in the state file. */
  logged: number;
  /** Problems; those with code `not-logged` or `log-missing` are what publish resolves. */
  problems: Problem[];
}

/** Problems `publish` resolves by appending to the log. */
export const RESOLVED_BY_LOGGING = new Set(['not-logged', 'log-missing']);

const FIELDS = ['kind', 'effectiveFrom', 'sha256', 'previousSha256', 'publishedAt', 'reason'] as const;

/**
 * Compares the ledger's events with the logged entries: each logged entry
 * must still be in the ledger with the same fields. Events the log does not
 * have yet are appended after them.
 */
export function resolveLog(input: { ledger: Ledger | null; ledgerFile: string; ledgerProblems: number; lock: LogLockFile }): ResolvedLog {
  const { lock } = input;
  const events = getLedgerEvents(input.ledger);
  // A damaged ledger or state is reported by its own reader; comparing with it would only add noise.
  if (input.ledgerProblems > 0 || lock.problems.length > 0) return { entries: (lock.entries ?? []).slice(), logged: lock.entries?.length ?? 0, problems: [...lock.problems] };
  const problems: Problem[] = [];
  const byKey = new Map<string, LedgerEvent>(events.map((event) => [event.key, event]));
  const logged = lock.entries ?? [];
  const seen = new Set<string>();
  const ordinals = new Map<string, number>();
  logged.forEach((entry, index) => {
    const id = `${entry.policy}/${entry.locale}/${entry.version}`;
    const ordinal = ordinals.get(id) ?? 0;
    ordinals.set(id, ordinal + 1);
    const key = getEventKey(entry, ordinal);
    seen.add(key);
    const event = byKey.get(key);
    const where = { file: lock.file, line: lock.lines[index] ?? 1 };
    if (!event) {
      problems.push({
        ...where,
        code: 'log-entry-dropped',
        ...problemText('logEntryDropped', { index, entry: nameLogEntry(entry), ledger: input.ledgerFile, kind: key.endsWith('#0') ? null : entry.kind }),
      });
      return;
    }
    const changed = FIELDS.filter((field) => event.entry[field] !== entry[field]);
    if (changed.length > 0) {
      problems.push({
        ...where,
        code: 'log-entry-changed',
        ...problemText('logEntryChanged', {
          index,
          entry: nameLogEntry(entry),
          ledger: input.ledgerFile,
          changes: changed.map((field) => ({ field, logged: JSON.stringify(entry[field]), now: JSON.stringify(event.entry[field]) })),
        }),
      });
    }
  });
  if (input.ledger && lock.entries === null && events.length > 0) {
    problems.push({
      file: lock.file,
      line: 1,
      code: 'log-missing',
      ...problemText('logMissing', { file: lock.file, events: events.length }),
    });
  }
  const fresh = orderNewEvents(events.filter((event) => !seen.has(event.key)));
  const [first] = fresh;
  if (lock.entries !== null && first) {
    problems.push({ file: lock.file, line: 1, code: 'not-logged', ...problemText('notLogged', { count: fresh.length, first: nameLogEntry(first.entry) }) });
  }
  return { entries: [...logged, ...fresh.map((event) => event.entry)], logged: logged.length, problems };
}

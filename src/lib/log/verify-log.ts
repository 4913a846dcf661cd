/**
 * `verify --log`: a consent record that carries the log checkpoint of the
 * moment of consent (`checkpoint`, the text of `/log/v1/checkpoint`) is
 * checked against the log of today: the checkpoint is the log's own (origin,
 * signature), today's log extends it (the same root for its first entries),
 * and each document's version, with the hash the record kept, was already in
 * the log at that size (an inclusion proof into the record's tree). A record
 * without a checkpoint is left to the usual checks, as of today.
 */
import { dirname, join } from 'node:path';
import type { LogEntry } from '#schemas/public-log.ts';
import { parseCheckpoint } from './checkpoint.ts';
import { getEntryLeaf } from './log-entry.ts';
import { hashEquals, MerkleTree, proveInclusion, verifyInclusion } from './merkle.ts';
import { checkCheckpointSignature, createSiteReader, LOG_PREFIX, readServedLog } from './served-log.ts';
import { parseVerifierKey, type VerifierKey } from './signed-note.ts';

/** Today's log, as `verify` reads it (the policies folder, or a site's served log). */
export interface LogOfToday {
  origin: string;
  entries: readonly LogEntry[];
  tree: MerkleTree;
  /** The key its checkpoints must be signed by; null when the site has none. */
  key: VerifierKey | null;
  /** Indexes of each version's entries, by `policy/locale/version`. */
  byVersion: Map<string, number[]>;
}

/** Today's log from its entries. */
export function createLogOfToday(origin: string, entries: readonly LogEntry[], key: VerifierKey | null): LogOfToday {
  const byVersion = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    const id = `${entry.policy}/${entry.locale}/${entry.version}`;
    byVersion.set(id, [...(byVersion.get(id) ?? []), index]);
  });
  return { origin, entries, tree: new MerkleTree(entries.map(getEntryLeaf)), key, byVersion };
}

/** What the log says of one record. */
type LogStatus =
  | 'log-checkpoint-malformed'
  | 'log-checkpoint-foreign'
  | 'log-checkpoint-unsigned'
  | 'log-checkpoint-forged'
  | 'log-checkpoint-ahead'
  | 'log-checkpoint-inconsistent'
  | 'log-not-in-log'
  | 'log-not-at-checkpoint';

/** The verdict of the log on one record: `none` when it carries no checkpoint. */
export interface LogCheck {
  status: 'ok' | 'failed' | 'none';
  /** The tree size of the record's checkpoint, when it has one that parses. */
  size: number | null;
  problems: { status: LogStatus; message: string }[];
}

/** The documents of a record, as verify already read them. */
interface LoggedDocument {
  policy: string;
  locale: string;
  version: string;
  sha256?: string;
}

/** Index of the log entry of a document: the text it names by hash, else the version's publication. */
function findEntry(log: LogOfToday, document: LoggedDocument): number | null {
  const indexes = log.byVersion.get(`${document.policy}/${document.locale}/${document.version}`) ?? [];
  // Without a hash, the version's first entry: its publication, whatever its kind.
  const found = document.sha256 === undefined ? indexes[0] : indexes.find((index) => log.entries[index]?.sha256 === document.sha256);
  return found ?? null;
}

/** Checks one record's checkpoint and documents against today's log. */
export function checkRecordInLog(record: Record<string, unknown>, documents: readonly LoggedDocument[], log: LogOfToday): LogCheck {
  const text = record['checkpoint'];
  if (text === undefined || text === null || text === '') return { status: 'none', size: null, problems: [] };
  const fail = (status: LogStatus, message: string, size: number | null = null): LogCheck => ({ status: 'failed', size, problems: [{ status, message }] });
  if (typeof text !== 'string') return fail('log-checkpoint-malformed', 'checkpoint is not text (it is the text of /log/v1/checkpoint, signature included)');
  const checkpoint = parseCheckpoint(Buffer.from(text, 'utf8'));
  if (typeof checkpoint === 'string') return fail('log-checkpoint-malformed', `checkpoint is malformed: ${checkpoint}`);
  const { size } = checkpoint;
  if (checkpoint.origin !== log.origin) return fail('log-checkpoint-foreign', `the checkpoint is of the log ${checkpoint.origin}, not of this site's (${log.origin})`, size);
  const [signature] = checkCheckpointSignature(checkpoint, log.key, "the record's checkpoint");
  if (signature) return fail(signature.message.includes('does not verify') ? 'log-checkpoint-forged' : 'log-checkpoint-unsigned', signature.message, size);
  if (size > log.tree.size) {
    return fail('log-checkpoint-ahead', `the record's checkpoint has ${size} entries, the log today only ${log.tree.size}: the log was cut back, or the checkpoint is not the site's`, size);
  }
  if (!hashEquals(log.tree.root(size), checkpoint.rootHash)) {
    return fail('log-checkpoint-inconsistent', `today's log does not extend the record's checkpoint: its first ${size} entries give another root (the history before it was rewritten)`, size);
  }
  const problems: LogCheck['problems'] = [];
  for (const document of documents) {
    const id = `${document.policy}/${document.locale}/${document.version}`;
    const index = findEntry(log, document);
    if (index === null) {
      problems.push({ status: 'log-not-in-log', message: `${id}${document.sha256 ? ` with sha256 ${document.sha256}` : ''} is not in the log at all` });
      continue;
    }
    const entry = log.entries[index] as LogEntry;
    const proven = index < size && verifyInclusion(getEntryLeaf(entry), index, size, proveInclusion(log.tree.read, index, size), checkpoint.rootHash);
    if (!proven) {
      problems.push({
        status: 'log-not-at-checkpoint',
        message: `${id} entered the log at entry ${index}, after the record's checkpoint of ${size} entries: it was not yet public when that checkpoint was fetched`,
      });
    }
  }
  return { status: problems.length > 0 ? 'failed' : 'ok', size, problems };
}

/** The log of today cannot be used: its checkpoint, tiles or entries are wrong. */
export class LogOfTodayError extends Error {
  override name = 'LogOfTodayError';
}

/**
 * Today's log as a site serves it, beside a feed (`--feed` of verify: a URL
 * or the path of `index.json` or of a built folder), checked before use: it
 * must parse, its entries give its root, and its checkpoint is signed by
 * `key` (or, without one, by the key the site serves).
 */
export async function readLogOfSite(feedLocation: string, key: VerifierKey | null): Promise<{ log: LogOfToday; keyFromSite: boolean }> {
  const location = /^https?:\/\//i.test(feedLocation) ? feedLocation.replace(/feed\/v1\/(index\.json)?$/, '') : feedLocation.endsWith('.json') ? join(dirname(feedLocation), '..', '..') : feedLocation;
  const reader = createSiteReader(location);
  let trusted = key;
  if (!trusted) {
    const served = await reader.read(`${LOG_PREFIX}key`);
    const parsed = served ? parseVerifierKey(Buffer.from(served).toString('utf8')) : null;
    trusted = typeof parsed === 'string' ? null : parsed;
  }
  const read = await readServedLog(reader, LOG_PREFIX, { checkTiles: false });
  const problems = [...read.findings, ...(read.log ? checkCheckpointSignature(read.log.checkpoint, trusted) : [])];
  if (!read.log?.entries || problems.length > 0) {
    throw new LogOfTodayError(`The log of ${reader.location} cannot be used to verify records:\n${problems.map((problem) => `  ${problem.kind}: ${problem.message}`).join('\n')}`);
  }
  return { log: createLogOfToday(read.log.checkpoint.origin, read.log.entries, trusted), keyFromSite: key === null };
}

/**
 * `npm run policy -- audit`: what an auditor, a witness or a court expert
 * checks on a live site, a mirror or a built `dist/`, trusting only the
 * verifier key they were given and the checkpoint they kept:
 *
 * - the checkpoint parses, names this site's log and is signed by the key;
 * - the entries and hash tiles served give exactly its root;
 * - every version and correction the feed lists is the log entry it points
 *   to, every log entry is still in the feed, and every text served by hash
 *   (and each version's current text) has the hash its entry logged;
 * - given an earlier checkpoint (`--since`), the tree extends it (a
 *   consistency proof from the served tiles); given an earlier copy of the
 *   log (a saved `dist/` or `log/v1/` folder), each entry that differs is
 *   named with what changed.
 */
import { FeedIndexSchema, PolicyFeedSchema, type FeedIndex, type FeedVersion, type WithdrawnFeedVersion } from '#schemas/feed.ts';
import type { LogEntry } from '#schemas/public-log.ts';
import { validateFeedFile } from '#lib/feed/feed-data.ts';
import { sha256Hex } from '#lib/timeline/published-text.ts';
import { getLogOrigin, parseCheckpoint, type Checkpoint } from './checkpoint.ts';
import { describeLogEntry, getEventKey } from './log-entry.ts';
import { describeEventKind } from '#lib/messages/messages-en.ts';
import { hashEquals, proveConsistency, proveInclusion, verifyConsistency, verifyInclusion, type Hash } from './merkle.ts';
import { checkCheckpointSignature, LOG_PREFIX, readServedLog, readTreeTiles, tileFrom, type LogFinding, type ServedLog, type SiteReader } from './served-log.ts';
import { describeKey, parseVerifierKey, type VerifierKey } from './signed-note.ts';
import { createTileReader } from './tiles.ts';
import { comparePagesWithLog } from './audit-pages.ts';

/** What the auditor held before: a checkpoint, or a whole earlier copy of the log. */
export type EarlierLog = { kind: 'checkpoint'; location: string; bytes: Uint8Array } | { kind: 'log'; location: string; reader: SiteReader; prefix: string };

/** Options of {@link auditSite}. */
export interface AuditOptions {
  site: SiteReader;
  /** The verifier key the auditor trusts; null: the key the site itself publishes (said in the report). */
  key: VerifierKey | null;
  since: EarlierLog | null;
  /** Compare each version page's text with its logged Markdown (see audit-pages.ts). */
  pages: boolean;
}

/** What the audit found. */
export interface AuditResult {
  findings: LogFinding[];
  /** Lines that say what was checked. */
  notes: string[];
  /** The site's checkpoint, to keep for next time; null when it could not be read. */
  checkpoint: string | null;
}

const base64 = (hash: Hash) => Buffer.from(hash).toString('base64');

/** Runs `tasks` with at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++] as T);
    }),
  );
}

async function readJson(reader: SiteReader, path: string): Promise<unknown> {
  const bytes = await reader.read(path);
  if (!bytes) throw new Error(`${path} is not served`);
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch {
    throw new Error(`${path} is not JSON`);
  }
}

/** The path of a site URL under the site's base, as the reader reads it (a mirror serves the same paths). */
function pathUnder(url: string, siteUrl: string): string {
  const base = new URL(siteUrl).pathname;
  const path = decodeURIComponent(new URL(url).pathname);
  return path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
}

/** The feed: its index, every version of every policy, and the versions withdrawn before they took effect. */
async function readFeed(reader: SiteReader, findings: LogFinding[]): Promise<{ index: FeedIndex; versions: FeedVersion[]; withdrawn: WithdrawnFeedVersion[] } | null> {
  try {
    const index = validateFeedFile(FeedIndexSchema, await readJson(reader, 'feed/v1/index.json'), 'feed/v1/index.json');
    const versions: FeedVersion[] = [];
    const withdrawn: WithdrawnFeedVersion[] = [];
    for (const policy of index.policies) {
      const path = pathUnder(policy.feedUrl, index.siteUrl);
      const feed = validateFeedFile(PolicyFeedSchema, await readJson(reader, path), path);
      versions.push(...feed.versions);
      withdrawn.push(...(feed.withdrawn ?? []));
    }
    return { index, versions, withdrawn };
  } catch (error) {
    findings.push({ kind: 'feed', message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

/** The event a feed version or one of its corrections stands for. */
interface FeedEvent {
  key: string;
  /** `privacy/ru/2025-09-01` or `privacy/ru/2025-09-01, correction 1`. */
  label: string;
  logIndex: number | null | undefined;
  expected: Partial<LogEntry>;
}

/**
 * The log entries a feed version stands for, as getLedgerEvents makes them
 * from the ledger: its publication (of the kind the feed says, with its
 * reason), the decision to publish it as editorial if any, then its
 * corrections and postponements in log order, each with the
 * effective instant and text of the version at that moment.
 */
function getFeedEvents(version: FeedVersion): FeedEvent[] {
  const id = `${version.policy}/${version.locale}/${version.version}`;
  const identity = { policy: version.policy, locale: version.locale, version: version.version };
  const rescheduled = version.rescheduled ?? [];
  const changes = [...version.corrections.map((correction, index) => ({ correction, index, logIndex: correction.logIndex })), ...rescheduled.map((change, index) => ({ change, index, logIndex: change.logIndex }))].sort(
    (a, b) => (a.logIndex ?? Number.MAX_SAFE_INTEGER) - (b.logIndex ?? Number.MAX_SAFE_INTEGER),
  );
  let effectiveFrom = rescheduled[0]?.previousEffectiveFrom ?? version.effectiveFrom;
  const original = version.corrections[0]?.previousSha256 ?? rescheduled[0]?.previousSha256 ?? version.sha256;
  const events: FeedEvent[] = [
    {
      key: getEventKey(version, 0),
      label: id,
      logIndex: version.logIndex,
      expected: {
        // A feed written before publication existed said nothing of it; its versions were logged as published.
        kind: version.publication ?? 'published',
        ...identity,
        effectiveFrom,
        sha256: original,
        ...(version.publishedAt ? { publishedAt: version.publishedAt } : {}),
        ...(version.publicationReason !== undefined ? { reason: version.publicationReason } : {}),
      },
    },
  ];
  const decision = version.editorialDecision;
  // The publication, and the editorial decision recorded with it, come before every later change.
  if (decision) {
    events.push({
      key: getEventKey(version, 1),
      label: `${id}, editorial decision`,
      logIndex: decision.logIndex,
      expected: {
        kind: 'editorial',
        ...identity,
        effectiveFrom,
        sha256: original,
        previousSha256: decision.comparedWithSha256,
        reason: decision.reason,
        ...(version.publishedAt ? { publishedAt: version.publishedAt } : {}),
      },
    });
  }
  const first = decision ? 2 : 1;
  changes.forEach((change, ordinal) => {
    const key = getEventKey(version, ordinal + first);
    if ('correction' in change) {
      const { correction, index } = change;
      events.push({
        key,
        label: `${id}, correction ${index + 1}`,
        logIndex: correction.logIndex,
        expected: { kind: 'correction', ...identity, effectiveFrom, previousSha256: correction.previousSha256, sha256: correction.sha256, reason: correction.reason },
      });
    } else {
      const { change: postponement, index } = change;
      effectiveFrom = postponement.effectiveFrom;
      events.push({
        key,
        label: `${id}, postponement ${index + 1}`,
        logIndex: postponement.logIndex,
        expected: { kind: 'postponed', ...identity, effectiveFrom, previousSha256: postponement.previousSha256, sha256: postponement.sha256, publishedAt: postponement.recordedAt, reason: postponement.reason },
      });
    }
  });
  return events;
}

/** The withdrawal a withdrawn version of the feed stands for. */
function getWithdrawalEvent(version: WithdrawnFeedVersion): FeedEvent {
  const id = `${version.policy}/${version.locale}/${version.version}`;
  return {
    key: `${id}#withdrawal`,
    label: `${id}, withdrawal`,
    logIndex: version.logIndex,
    expected: {
      kind: 'withdrawn',
      policy: version.policy,
      locale: version.locale,
      version: version.version,
      effectiveFrom: version.effectiveFrom,
      sha256: version.sha256,
      publishedAt: version.withdrawnAt,
      reason: version.reason,
    },
  };
}

/** Checks that the feed and the log agree, both ways. */
function compareFeedWithLog(versions: readonly FeedVersion[], withdrawn: readonly WithdrawnFeedVersion[], entries: readonly LogEntry[], findings: LogFinding[]): void {
  const referenced = new Set<number>();
  // A withdrawn version is listed apart, with its withdrawal only: its earlier entries are the log's record of what was announced.
  const withdrawnIds = new Set(withdrawn.map((version) => `${version.policy}/${version.locale}/${version.version}`));
  entries.forEach((entry, index) => {
    if (withdrawnIds.has(`${entry.policy}/${entry.locale}/${entry.version}`) && entry.kind !== 'withdrawn') referenced.add(index);
  });
  for (const event of [...versions.flatMap(getFeedEvents), ...withdrawn.map(getWithdrawalEvent)]) {
    if (event.logIndex === null || event.logIndex === undefined) {
      findings.push({ kind: 'not in log', message: `the feed lists ${event.label} without a log index: it was never logged` });
      continue;
    }
    const entry = entries[event.logIndex];
    if (!entry) {
      findings.push({ kind: 'not in log', message: `the feed gives ${event.label} log index ${event.logIndex}, beyond the log's ${entries.length} entries` });
      continue;
    }
    referenced.add(event.logIndex);
    const differences = (Object.entries(event.expected) as [keyof LogEntry, unknown][]).filter(([field, value]) => entry[field] !== value);
    if (differences.length > 0) {
      const rewritten = differences.some(([field]) => field === 'sha256' || field === 'previousSha256');
      findings.push({
        kind: rewritten ? 'rewritten text' : 'changed',
        message: `the feed's ${event.label} is not log entry ${event.logIndex} (${describeLogEntry(entry)}): ${differences.map(([field, value]) => `${field} is ${JSON.stringify(value)} in the feed, ${JSON.stringify(entry[field])} in the log`).join('; ')}`,
      });
    }
  }
  entries.forEach((entry, index) => {
    if (!referenced.has(index)) {
      findings.push({
        kind: 'dropped version',
        message: `log entry ${index} (${describeLogEntry(entry)}) is not in the feed: the site no longer lists a ${describeEventKind(entry.kind)} it published`,
      });
    }
  });
}

/** Checks every text the log names against the bytes the site serves. */
async function compareTextsWithLog(reader: SiteReader, entries: readonly LogEntry[], findings: LogFinding[]): Promise<number> {
  const byHash = new Map<string, { entry: LogEntry; index: number }>();
  const latest = new Map<string, { entry: LogEntry; index: number }>();
  entries.forEach((entry, index) => {
    byHash.set(`${entry.policy}/${entry.locale}/${entry.version}/${entry.sha256}`, { entry, index });
    latest.set(`${entry.policy}/${entry.locale}/${entry.version}`, { entry, index });
  });
  const checks = [...[...byHash].map(([path, logged]) => ({ path: `raw/${path}.md`, logged, current: false })), ...[...latest].map(([path, logged]) => ({ path: `raw/${path}.md`, logged, current: true }))];
  await inParallel(checks, 8, async ({ path, logged, current }) => {
    const bytes = await reader.read(path);
    const where = `log entry ${logged.index} (${describeLogEntry(logged.entry)})`;
    if (!bytes) {
      findings.push({ kind: 'dropped version', message: `${path} is not served, though ${where} logged it` });
      return;
    }
    const hash = sha256Hex(bytes);
    if (hash !== logged.entry.sha256) {
      findings.push({
        kind: 'rewritten text',
        message: `${path} is served with sha256 ${hash}, but ${where} logged ${current ? 'its latest text as ' : ''}${logged.entry.sha256}`,
      });
    }
  });
  return checks.length;
}

/** Compares the tree with an earlier checkpoint: consistency, from the served tiles. */
async function compareWithEarlier(options: AuditOptions, log: ServedLog, key: VerifierKey | null, findings: LogFinding[], notes: string[]): Promise<void> {
  const since = options.since;
  if (!since || !log.tree) return;
  let earlier: Checkpoint;
  let earlierLog: ServedLog | null = null;
  if (since.kind === 'checkpoint') {
    const parsed = parseCheckpoint(since.bytes);
    if (typeof parsed === 'string') {
      findings.push({ kind: 'since', message: `${since.location} is not a checkpoint: ${parsed}` });
      return;
    }
    earlier = parsed;
  } else {
    const read = await readServedLog(since.reader, since.prefix, { checkTiles: false });
    if (!read.log) {
      findings.push(...read.findings.map((finding) => ({ kind: 'since', message: `${since.location}: ${finding.message}` })));
      return;
    }
    earlierLog = read.log;
    earlier = read.log.checkpoint;
  }
  if (earlier.origin !== log.checkpoint.origin) {
    findings.push({ kind: 'since', message: `${since.location} is a checkpoint of another log (${earlier.origin}), not of ${log.checkpoint.origin}` });
    return;
  }
  findings.push(...checkCheckpointSignature(earlier, key, `your earlier checkpoint (${since.location})`).filter((finding) => finding.kind === 'key changed' || earlier.note.signatures.length > 0));
  const size = log.tree.size;
  if (earlier.size > size && earlierLog?.entries && log.entries) {
    // With a saved copy, the smaller tree is named entry by entry: a prefix of the copy (behind, or cut back), or history rewritten.
    const beforeBytes = earlierLog.encoded;
    const isPrefix = log.encoded.every((bytes, index) => hashEquals(bytes, beforeBytes[index] ?? new Uint8Array()));
    if (isPrefix) {
      const missing = earlierLog.entries.slice(size).map((entry, offset) => `entry ${size + offset} (${describeLogEntry(entry)})`);
      findings.push({
        kind: 'stale tree',
        message: `the site serves a tree of ${size} entries, the first ${size} of your copy's ${earlier.size}: a mirror that is behind, or a log cut back; missing: ${missing.join(', ')}`,
      });
    } else {
      findings.push({ kind: 'fork', message: `the site serves a tree of ${size} entries that is not a prefix of your copy's ${earlier.size}: history was rewritten` });
      findings.push(...describeRewrites(earlierLog.entries, beforeBytes, log.entries, log.encoded));
    }
    return;
  }
  if (earlier.size > size) {
    findings.push({
      kind: 'stale tree',
      message: `the site serves a tree of ${size} entries, older than your checkpoint of ${earlier.size}: a mirror that is behind, or a log cut back (entries ${size}–${earlier.size - 1} are missing)`,
    });
    return;
  }
  const tiles = await readTreeTiles(options.site, LOG_PREFIX, size);
  let consistent: boolean;
  let proofLength = 0;
  try {
    const proof = proveConsistency(createTileReader(size, tileFrom(tiles)), earlier.size, size);
    proofLength = proof.length;
    consistent = verifyConsistency(earlier.size, earlier.rootHash, size, log.checkpoint.rootHash, proof);
  } catch (error) {
    findings.push({ kind: 'tiles', message: `no consistency proof can be computed from the served tiles: ${error instanceof Error ? error.message : String(error)}` });
    return;
  }
  if (consistent) {
    notes.push(`consistent with your checkpoint of ${earlier.size} entries (a proof of ${proofLength} hashes from the served tiles)`);
    return;
  }
  const prefixRoot = log.tree.root(earlier.size);
  findings.push({
    kind: 'fork',
    message: `the site's first ${earlier.size} entries give the root ${base64(prefixRoot)}, your checkpoint says ${base64(earlier.rootHash)}: history up to entry ${earlier.size - 1} was rewritten${hashEquals(prefixRoot, earlier.rootHash) ? ' (the served checkpoint is not consistent with its own tiles)' : ''}`,
  });
  if (earlierLog?.entries && log.entries) findings.push(...describeRewrites(earlierLog.entries, earlierLog.encoded, log.entries, log.encoded));
}

/** How many changed entries are named one by one; the rest are counted. */
const REWRITES_LISTED = 20;

/** Names what changed between an earlier copy of the log and the log now: each entry rewritten, dropped or moved. */
function describeRewrites(before: readonly LogEntry[], beforeBytes: readonly Uint8Array[], after: readonly LogEntry[], afterBytes: readonly Uint8Array[]): LogFinding[] {
  const identity = (entry: LogEntry) => `${entry.kind} ${entry.policy}/${entry.locale}/${entry.version}/${entry.previousSha256 ?? ''}`;
  const positions = new Map<string, number[]>();
  for (const [index, entry] of after.entries()) positions.set(identity(entry), [...(positions.get(identity(entry)) ?? []), index]);
  const findings: LogFinding[] = [];
  const movedTo = (index: number) =>
    positions.get(identity(before[index] as LogEntry))?.find((position) => position !== index && hashEquals(afterBytes[position] ?? new Uint8Array(), beforeBytes[index] ?? new Uint8Array()));
  let dropped = 0;
  before.forEach((entry, index) => {
    if (hashEquals(beforeBytes[index] ?? new Uint8Array(), afterBytes[index] ?? new Uint8Array())) return;
    const now = after[index];
    const moved = movedTo(index);
    if (moved !== undefined && moved === index - dropped && dropped > 0) {
      // Every entry after a dropped one moves up by as many places: said as such, not as a reordering.
      findings.push({
        kind: 'moved entry',
        message: `log entry ${index} (${describeLogEntry(entry)}) is now entry ${moved}: it moved up ${dropped} place${dropped === 1 ? '' : 's'} because ${dropped === 1 ? 'an entry' : `${dropped} entries`} before it ${dropped === 1 ? 'was' : 'were'} dropped`,
      });
    } else if (moved !== undefined) {
      findings.push({ kind: 'reordered history', message: `log entry ${index} (${describeLogEntry(entry)}) is now entry ${moved}${now ? `; entry ${index} is now ${describeLogEntry(now)}` : ''}` });
    } else if (now && identity(now) === identity(entry)) {
      const fields = (Object.keys(entry) as (keyof LogEntry)[]).filter((field) => entry[field] !== now[field]);
      findings.push({
        kind: fields.includes('sha256') ? 'rewritten text' : 'changed',
        message: `log entry ${index} (${describeLogEntry(entry)}) was rewritten: ${fields.map((field) => `${field} was ${JSON.stringify(entry[field])}, is ${JSON.stringify(now[field])}`).join('; ')}`,
      });
    } else {
      dropped++;
      findings.push({ kind: 'dropped version', message: `log entry ${index} (${describeLogEntry(entry)}) is gone from the log${now ? `; entry ${index} is now ${describeLogEntry(now)}` : ''}` });
    }
  });
  // Dropped and rewritten entries first: they are the changes; the moves follow from them.
  const order = (finding: LogFinding) => (finding.kind === 'moved entry' ? 1 : 0);
  const sorted = findings.sort((a, b) => order(a) - order(b));
  if (sorted.length <= REWRITES_LISTED) return sorted;
  return [
    ...sorted.slice(0, REWRITES_LISTED),
    { kind: 'changed', message: `${sorted.length - REWRITES_LISTED} more entries of your copy differ from the log (${sorted.length} in all); the first ${REWRITES_LISTED} are named above` },
  ];
}

/** Audits a site; see the module comment. */
export async function auditSite(options: AuditOptions): Promise<AuditResult> {
  const findings: LogFinding[] = [];
  const notes: string[] = [];
  const feed = await readFeed(options.site, findings);
  let key = options.key;
  if (!key) {
    const served = await options.site.read(`${LOG_PREFIX}key`);
    const parsed = served ? parseVerifierKey(Buffer.from(served).toString('utf8')) : null;
    if (typeof parsed === 'string') findings.push({ kind: 'key', message: `${LOG_PREFIX}key is not a verifier key: ${parsed}` });
    else if (parsed) {
      key = parsed;
      notes.push(`trusting the key the site itself serves (${describeKey(parsed)}); pin it with --key to detect a log rebuilt under a new key`);
    }
  }
  const read = await readServedLog(options.site, LOG_PREFIX, { checkTiles: true });
  findings.push(...read.findings);
  const log = read.log;
  if (!log) return { findings, notes, checkpoint: null };
  findings.push(...checkCheckpointSignature(log.checkpoint, key));
  if (feed) {
    const origin = getLogOrigin(feed.index.siteUrl);
    if (log.checkpoint.origin !== origin) findings.push({ kind: 'checkpoint', message: `the checkpoint is of the log "${log.checkpoint.origin}", but this site's log is "${origin}"` });
  }
  if (log.tree && log.entries) {
    notes.push(`checkpoint: ${log.checkpoint.origin}, ${log.checkpoint.size} entries, root ${base64(log.checkpoint.rootHash)}`);
    // Inclusion proofs from the served tiles, as any client would compute them.
    const tiles = await readTreeTiles(options.site, LOG_PREFIX, log.tree.size);
    try {
      const reader = createTileReader(log.tree.size, tileFrom(tiles));
      const failed = log.encoded.findIndex(
        (_, index) => !verifyInclusion(log.tree?.read(0, index) ?? new Uint8Array(), index, log.checkpoint.size, proveInclusion(reader, index, log.checkpoint.size), log.checkpoint.rootHash),
      );
      if (failed >= 0) findings.push({ kind: 'tiles', message: `log entry ${failed} cannot be proven included in the checkpoint's tree from the served tiles` });
      else notes.push(`inclusion: all ${log.tree.size} entries proven in the checkpoint's tree from the served tiles`);
    } catch (error) {
      if (!findings.some((finding) => finding.kind === 'tiles'))
        findings.push({ kind: 'tiles', message: `no inclusion proof can be computed from the served tiles: ${error instanceof Error ? error.message : String(error)}` });
    }
    if (feed) {
      compareFeedWithLog(feed.versions, feed.withdrawn, log.entries, findings);
      notes.push(`feed: ${feed.versions.length} versions compared with the log`);
    }
    const texts = await compareTextsWithLog(options.site, log.entries, findings);
    notes.push(`texts: ${texts} served files compared with the hashes the log holds`);
    if (options.pages && feed) {
      const siteUrl = feed.index.siteUrl;
      const pages = [
        ...feed.versions.map((version) => ({ url: version.url, id: `${version.policy}/${version.locale}/${version.version}`, role: 'the page of' })),
        ...feed.index.policies.flatMap((policy) =>
          policy.locales.flatMap(({ locale, currentUrl, inForce }) => (inForce ? [{ url: currentUrl, id: `${policy.policy}/${locale}/${inForce.version}`, role: 'the stable page, in force:' }] : [])),
        ),
      ];
      const checked = await comparePagesWithLog({ site: options.site, siteUrl, pages, entries: log.entries, pathOf: (url) => pathUnder(url, siteUrl) }, findings);
      notes.push(`pages: ${checked} pages people read (each version's page, each stable page) checked word for word against their logged texts`);
    }
    await compareWithEarlier(options, log, key, findings, notes);
  }
  return { findings, notes, checkpoint: log.checkpointText };
}

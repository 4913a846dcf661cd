/**
 * Log entries: what each ledger event becomes in the public log, and its
 * canonical bytes. An entry is the RFC 8785 canonical JSON (JCS) of an
 * object with every field of LogEntrySchema, absent values as null: keys in
 * code-unit order, no whitespace, strings escaped as ECMAScript JSON does.
 * So one event has exactly one byte string, which any JCS implementation
 * rebuilds from the feed's fields, and an optional field can never be read
 * two ways:
 *
 *   {"effectiveFrom":"2025-08-31T21:00:00.000Z","kind":"published","locale":"ru","policy":"privacy",
 *    "previousSha256":null,"publishedAt":"2026-11-26T20:41:30.992Z","reason":null,"sha256":"658f…","version":"2025-09-01"}
 */
import type { EditorialCheck, Ledger, PublishedRecord, RecordedCorrection, Reschedule, Withdrawal } from '#schemas/ledger.ts';
import { LogEntrySchema, type LogEntry } from '#schemas/public-log.ts';
import { leafHash, type Hash } from './merkle.ts';
import { MAX_ENTRY_BYTES } from './tiles.ts';
import type { LoggedEntry } from '#lib/messages/messages-en.ts';

/** RFC 8785 for the values entries hold (strings, null, integers, objects, arrays). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, which is what RFC 8785 asks for.
  return `{${Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
    .join(',')}}`;
}

// Entries are never changed once made; a build encodes and hashes each one several times (check, pages, files).
const encodings = new WeakMap<LogEntry, { bytes: Uint8Array; leaf?: Hash }>();

/** The canonical bytes of an entry. */
export function encodeLogEntry(entry: LogEntry): Uint8Array {
  const known = encodings.get(entry);
  if (known) return known.bytes;
  const bytes = Buffer.from(canonicalJson(entry), 'utf8');
  if (bytes.length > MAX_ENTRY_BYTES) throw new RangeError(`the log entry of ${entry.policy}/${entry.locale}/${entry.version} is ${bytes.length} bytes, more than a log entry can hold (${MAX_ENTRY_BYTES})`);
  encodings.set(entry, { bytes });
  return bytes;
}

/** The leaf hash of an entry in the tree: SHA-256(0x00 || its canonical bytes). */
export function getEntryLeaf(entry: LogEntry): Hash {
  const bytes = encodeLogEntry(entry);
  const known = encodings.get(entry) as { bytes: Uint8Array; leaf?: Hash };
  known.leaf ??= leafHash(bytes);
  return known.leaf;
}

/** An entry read back from its bytes, or why the bytes are not one. */
export function decodeLogEntry(bytes: Uint8Array): LogEntry | string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return 'it is not valid UTF-8';
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'it is not JSON';
  }
  const parsed = LogEntrySchema.safeParse(data);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`).join('; ');
  if (canonicalJson(parsed.data) !== text) return 'it is not in canonical form (RFC 8785: sorted keys, no spaces, minimal escapes)';
  return parsed.data;
}

/** `published privacy/ru/2025-09-01`: how the English-only messages (audit) name an entry. */
export function describeLogEntry(entry: Pick<LogEntry, 'kind' | 'policy' | 'locale' | 'version'>): string {
  const { kind, name } = nameLogEntry(entry);
  return `${kind} ${name}`;
}

/** An entry's kind and `<policy>/<locale>/<version>`, for a message of the catalogs to word in its language. */
export function nameLogEntry(entry: Pick<LogEntry, 'kind' | 'policy' | 'locale' | 'version'>): LoggedEntry {
  return { kind: entry.kind, name: `${entry.policy}/${entry.locale}/${entry.version}` };
}

/** One event of the ledger, as it enters the log. */
export interface LedgerEvent {
  /** `<policy>/<locale>/<version>#<n>`: the n-th event of that version (0: its publication). */
  key: string;
  entry: LogEntry;
}

/** The key of the n-th event of a version. */
export function getEventKey(entry: Pick<LogEntry, 'policy' | 'locale' | 'version'>, ordinal: number): string {
  return `${entry.policy}/${entry.locale}/${entry.version}#${ordinal}`;
}

/** One event of a version's ledger record. */
export type RecordEvent = { type: 'publication' } | { type: 'editorial' } | { type: 'correction'; index: number } | { type: 'postponement'; index: number } | { type: 'withdrawal' };

/**
 * The events of a version's ledger record in the order they happened, which
 * is their ordinal in {@link getEventKey}: its publication, then the decision
 * to publish it as editorial (`publish --editorial`, recorded with it), then
 * its corrections and postponements by when they were recorded, then its
 * withdrawal. A new event is always recorded last, so the ordinals of the
 * events already logged never change.
 */
function getRecordEvents(record: Pick<PublishedRecord, 'corrections' | 'rescheduled' | 'withdrawn' | 'editorialCheck'>): RecordEvent[] {
  const changes = [
    ...record.corrections.map((change, index) => ({ event: { type: 'correction', index } as const, at: change.recordedAt, order: 0 })),
    ...record.rescheduled.map((change, index) => ({ event: { type: 'postponement', index } as const, at: change.recordedAt, order: 1 })),
  ];
  // Stable: one publish that records a correction and a postponement at one instant lists corrections first.
  changes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
  return [
    { type: 'publication' },
    ...(record.editorialCheck?.result === 'confirmed' ? [{ type: 'editorial' } as const] : []),
    ...changes.map(({ event }) => event),
    ...(record.withdrawn ? [{ type: 'withdrawal' } as const] : []),
  ];
}

/** The ordinal of an event of a record (see {@link getRecordEvents}), or null when it has no such event. */
export function getEventOrdinal(record: Pick<PublishedRecord, 'corrections' | 'rescheduled' | 'withdrawn' | 'editorialCheck'>, event: RecordEvent): number | null {
  const ordinal = getRecordEvents(record).findIndex((candidate) => candidate.type === event.type && (!('index' in event) || ('index' in candidate && candidate.index === event.index)));
  return ordinal === -1 ? null : ordinal;
}

/**
 * Every event of the ledger as a log entry, each version's in the order of
 * {@link getRecordEvents}. Each entry names the effective instant and the
 * text in force for the version when it was recorded, so an entry already
 * logged is the same bytes after any later postponement or correction. A new
 * kind of ledger record becomes a new kind of entry here.
 */
export function getLedgerEvents(ledger: Ledger | null): LedgerEvent[] {
  return (ledger?.versions ?? []).flatMap((version) => {
    const identity = { policy: version.policy, locale: version.locale, version: version.version };
    let effectiveFrom = version.rescheduled[0]?.previousEffectiveFrom ?? version.effectiveFrom;
    let sha256 = version.sha256;
    // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch returns for every event type; TypeScript (noImplicitReturns) checks that it covers them all.
    const entries = getRecordEvents(version).map((event): LogEntry => {
      switch (event.type) {
        case 'publication':
          return { kind: version.publication.kind, ...identity, effectiveFrom, sha256, previousSha256: null, publishedAt: version.publishedAt, reason: version.publication.reason };
        case 'editorial': {
          const check = version.editorialCheck as EditorialCheck;
          return { kind: 'editorial', ...identity, effectiveFrom, sha256, previousSha256: check.comparedWith?.sha256 ?? null, publishedAt: version.publishedAt, reason: check.reason ?? '' };
        }
        case 'correction': {
          const correction = version.corrections[event.index] as RecordedCorrection;
          sha256 = correction.sha256;
          return { kind: 'correction', ...identity, effectiveFrom, sha256, previousSha256: correction.previousSha256, publishedAt: correction.recordedAt, reason: correction.reason };
        }
        case 'postponement': {
          const change = version.rescheduled[event.index] as Reschedule;
          effectiveFrom = change.effectiveFrom;
          sha256 = change.sha256;
          return { kind: 'postponed', ...identity, effectiveFrom, sha256, previousSha256: change.previousSha256, publishedAt: change.recordedAt, reason: change.reason };
        }
        case 'withdrawal': {
          const withdrawal = version.withdrawn as Withdrawal;
          return { kind: 'withdrawn', ...identity, effectiveFrom, sha256, previousSha256: null, publishedAt: withdrawal.recordedAt, reason: withdrawal.reason };
        }
      }
    });
    return entries.map((entry, ordinal) => ({ key: getEventKey(entry, ordinal), entry }));
  });
}

/**
 * Events not logged yet, in the order they are appended: by when they were
 * recorded, a version's events always in their own order (a clock set back
 * never puts a correction before its publication), then by id.
 */
export function orderNewEvents(events: readonly LedgerEvent[]): LedgerEvent[] {
  const latest = new Map<string, string>();
  const keyed = events.map((event) => {
    const version = event.key.slice(0, event.key.lastIndexOf('#'));
    const previous = latest.get(version);
    const at = previous !== undefined && previous > event.entry.publishedAt ? previous : event.entry.publishedAt;
    latest.set(version, at);
    return { event, at, version, ordinal: Number(event.key.slice(event.key.lastIndexOf('#') + 1)) };
  });
  keyed.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : a.ordinal - b.ordinal));
  return keyed.map(({ event }) => event);
}

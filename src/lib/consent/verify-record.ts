/**
 * Checking one consent record against the published versions: does the
 * version it names exist, was it the one in force at the moment of consent,
 * and is the hash the record kept the hash of that text? Anything that
 * cannot be decided (no hash, a bare date on the day of a change, a moment
 * still to come, fields that contradict each other) is said, never taken as
 * ok. Pure: the caller streams records through it, a million at a time.
 */
import { parseEffective, resolveEffective } from '#lib/time/effective-instant.ts';
import { formatInstant, formatZonedInstant, getStartOfZonedDay, getUtcMs } from '#lib/time/zoned-time.ts';
import { SHA256_PATTERN } from '#lib/corpus/policy-id-patterns.ts';
import { isInForceAt } from '#lib/time/interval.ts';
import { findEntry, findEntryAt, findReadableEntryAt, findVersion, formatDuration, getIndexedTimeline, isBackdatedAt, type IndexedEntry, type IndexedVersion, type VersionIndex } from './version-index.ts';
import { didYouMean } from '#lib/corpus/did-you-mean.ts';
import { outcomeFails, pickOutcome, type Outcome, type OutcomePolicy } from './verify-outcomes.ts';
import { findDuplicateKey } from './json-duplicate-keys.ts';
import { findServedText, findTextServedAt, hasUnrecordedCorrection } from './served-texts.ts';

/** One document a consent refers to. */
interface ConsentDocument {
  policy: string;
  locale: string;
  version: string;
  sha256?: string;
}

/**
 * What went wrong with one document of a record (the outcomes that belong to
 * a document). `backdated`: accepted between a backdated version's
 * effectiveFrom and publishedAt, when nobody could read it; `withdrawn`: a
 * version withdrawn before it took effect; `no-translation`: at acceptedAt
 * the version in force had no text in the record's language (any text in it
 * then was for reference only).
 */
export type DocumentStatus = Exclude<Outcome, 'malformed' | 'in-the-future' | 'duplicate'>;

/** The verdict on one document of a record. */
interface DocumentResult extends ConsentDocument {
  status: DocumentStatus;
  /** Why, in words; empty when ok. */
  message: string;
}

/** Something wrong with a record as a whole. */
interface RecordIssue {
  outcome: Outcome;
  message: string;
}

/**
 * The verdict on one record: its one `outcome`, and `status` (whether it
 * fails the run: `ok`, `failed` or `malformed`). `issues` are about the
 * record as a whole, `notes` what an ok record was accepted with.
 */
export type RecordResult =
  | {
      line: number;
      status: 'ok' | 'failed';
      outcome: Outcome;
      acceptedAt: string;
      documents: DocumentResult[];
      issues: RecordIssue[];
      notes: string[];
      record: Record<string, unknown>;
    }
  | { line: number; status: 'malformed'; outcome: 'malformed'; message: string; record: unknown };

/** What verifying a record needs besides the record. */
export interface VerifyOptions extends OutcomePolicy {
  /** Where a bare date in acceptedAt starts and ends. */
  timeZone: string;
  /** Records accepted after this instant are in-the-future. */
  now: number;
}

/** Facts about a record from its file. */
export interface RecordContext {
  /** A CSV row that stops just before its sha256 column. */
  cutShort?: boolean;
}

const absent = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Reads the documents of a record: one at the top level, or a `documents`
 * list (in CSV, a `documents` column holding that list as JSON). Both at
 * once contradict each other: which one was agreed to cannot be told.
 */
function readDocuments(record: Record<string, unknown>): ConsentDocument[] | string {
  let list = record['documents'];
  if (typeof list === 'string' && list !== '') {
    const text = list;
    try {
      list = JSON.parse(text) as unknown;
    } catch {
      return 'documents is not a JSON list of {policy, locale, version, sha256}';
    }
    const twice = findDuplicateKey(text, list);
    if (twice !== null) return `documents gives the key ${JSON.stringify(twice)} twice in one object: which value was recorded cannot be told; write each key once`;
  }
  if (!absent(list)) {
    if (!Array.isArray(list)) return 'documents is not a list';
    const both = ['policy', 'locale', 'version', 'sha256'].filter((field) => !absent(record[field]));
    if (both.length > 0) return `${both.join(', ')} next to a "documents" list: name the documents either at the top level or in "documents", not both`;
  }
  const raw = Array.isArray(list) ? (list as unknown[]) : [record];
  if (raw.length === 0) return '"documents" is empty';
  const documents: ConsentDocument[] = [];
  for (const [index, item] of raw.entries()) {
    const where = Array.isArray(list) ? `documents[${index}].` : '';
    if (item === null || typeof item !== 'object') return `${where.slice(0, -1) || 'record'} is not an object`;
    const fields = item as Record<string, unknown>;
    for (const field of ['policy', 'locale', 'version'] as const) {
      if (typeof fields[field] !== 'string' || fields[field] === '') return `${where}${field} is missing or not text`;
    }
    const sha256 = fields['sha256'];
    if (!absent(sha256) && (typeof sha256 !== 'string' || !SHA256_PATTERN.test(sha256.toLowerCase()))) {
      return `${where}sha256 is not 64 hexadecimal characters`;
    }
    documents.push({
      policy: fields['policy'] as string,
      locale: fields['locale'] as string,
      version: fields['version'] as string,
      ...(typeof sha256 === 'string' && sha256 !== '' ? { sha256: sha256.toLowerCase() } : {}),
    });
  }
  return documents;
}

/** The day a bare-date acceptedAt names, in the site's zone. */
interface AcceptedDay {
  text: string;
  start: number;
  end: number;
}

/** A record naming a version withdrawn before it took effect. */
function checkWithdrawn(index: VersionIndex, document: ConsentDocument, inForce: IndexedEntry | undefined, when: (instant: number | string) => string): DocumentResult | null {
  const withdrawn = index.withdrawn.get(`${document.policy}/${document.locale}/${document.version}`);
  if (!withdrawn) return null;
  return {
    ...document,
    status: 'withdrawn',
    message: `${document.policy}/${document.locale}/${document.version} was withdrawn at ${when(withdrawn.withdrawnAt)} before it took effect (${withdrawn.reason}): it was never in force; ${inForce ? `${inForce.version} was in force at acceptedAt` : 'no version was in force at acceptedAt'}`,
  };
}

function describeTexts(entry: IndexedEntry): string {
  return `it exists in ${entry.locales.join(', ')}`;
}

/** A record naming a version with no text in its language, or given while the version in force had none. */
function checkTranslation(
  index: VersionIndex,
  document: ConsentDocument,
  version: IndexedVersion | undefined,
  inForce: IndexedEntry | undefined,
  acceptedAt: number,
  when: (instant: number | string) => string,
): DocumentResult | null {
  if (!version) {
    const elsewhere = findEntry(index, document.policy, document.locale, document.version);
    if (!elsewhere) return null;
    return { ...document, status: 'no-translation', message: `${document.policy} ${document.version} has no ${document.locale} text (${describeTexts(elsewhere)}): nobody read it in ${document.locale}` };
  }
  if (inForce && !inForce.texts.has(document.locale)) {
    const shown = acceptedAt < version.from ? `had not taken effect (it does at ${when(version.from)})` : `had not been in force since ${when(version.until ?? acceptedAt)}`;
    return {
      ...document,
      status: 'no-translation',
      message: `at acceptedAt (${when(acceptedAt)}) ${inForce.version} was in force, and it has no ${document.locale} text (${describeTexts(inForce)}); ${document.policy}/${document.locale}/${document.version} ${shown}: any ${document.locale} text shown then was for reference only`,
    };
  }
  return null;
}

/** A consent given before the text it names was published: backdated, or a translation published later. */
function checkPublication(document: ConsentDocument, version: IndexedVersion, acceptedAt: number, when: (instant: number | string) => string): DocumentResult | null {
  const publication = version.publication;
  if (!publication || version.publishedAt === null || acceptedAt >= Date.parse(version.publishedAt)) return null;
  const id = `${document.policy}/${document.locale}/${document.version}`;
  if (publication === 'backdated') {
    return {
      ...document,
      status: 'backdated',
      message: `${id} was published at ${when(version.publishedAt)} with effect from ${when(version.from)} (backdated: ${version.publicationReason ?? 'no reason was recorded'}); at acceptedAt (${when(acceptedAt)}) nobody could read it`,
    };
  }
  if (publication === 'late-translation') {
    return {
      ...document,
      status: 'no-translation',
      message: `the ${document.locale} text of ${document.policy} ${document.version} was published at ${when(version.publishedAt)}; at acceptedAt (${when(acceptedAt)}) the version in force had no ${document.locale} text yet`,
    };
  }
  return null;
}

/** The instant of a record: epoch milliseconds (the nanoseconds after them dropped, as everywhere), and those nanoseconds, for how much it missed a version by. */
interface AcceptedInstant {
  ms: number;
  nanos: number;
}

function checkDocument(index: VersionIndex, document: ConsentDocument, accepted: AcceptedInstant, day: AcceptedDay | null, context: RecordContext, timeZone: string): DocumentResult {
  const acceptedAt = accepted.ms;
  const when = (instant: number | string) => formatZonedInstant(typeof instant === 'number' ? instant : Date.parse(instant), timeZone);
  const locales = index.policies.get(document.policy);
  if (!locales) return { ...document, status: 'unknown-policy', message: `no policy "${document.policy}" is published${didYouMean(document.policy, index.policies.keys())}` };
  if (!locales.has(document.locale)) {
    return { ...document, status: 'unknown-locale', message: `${document.policy} has no "${document.locale}" text (it has ${[...locales].sort().join(', ')})` };
  }
  const version = findVersion(index, document.policy, document.locale, document.version);
  let inForceEntry = findEntryAt(index, document.policy, document.locale, acceptedAt);
  // A version backdated over acceptedAt was in force then only retroactively: a consent to the version readers could find then is honest, and said so.
  let backdatedOver: IndexedEntry | null = null;
  if (version && inForceEntry && inForceEntry.version !== document.version && isBackdatedAt(inForceEntry, acceptedAt)) {
    const readable = findReadableEntryAt(index, document.policy, document.locale, acceptedAt);
    if (readable?.version === document.version) {
      backdatedOver = inForceEntry;
      inForceEntry = readable;
    }
  }
  const inForce = inForceEntry?.texts.get(document.locale) ?? inForceEntry;
  const id = `${document.policy}/${document.locale}/${document.version}`;
  const withdrawn = version ? null : checkWithdrawn(index, document, inForceEntry, when);
  if (withdrawn) return withdrawn;
  const translation = checkTranslation(index, document, version, inForceEntry, acceptedAt, when);
  if (translation) return translation;
  if (!version) {
    return {
      ...document,
      status: 'unknown-version',
      message: `no version "${document.version}" of ${document.policy} (${document.locale}) is published${inForce ? `; at acceptedAt ${inForce.version} was in force` : ''}`,
    };
  }
  if (day) {
    // A date without a time names a whole day; if the version changed during it, either may have been agreed to.
    const change = getIndexedTimeline(index, document.policy, document.locale).find((candidate) => isInForceAt({ from: day.start, until: day.end }, candidate.from));
    if (change) {
      return {
        ...document,
        status: 'ambiguous-instant',
        message: `acceptedAt "${day.text}" is a date without a time, and on that day ${document.policy}/${document.locale}/${change.version} took effect (at ${formatInstant(change.from)}): which version was agreed to cannot be told; record acceptedAt as an exact instant`,
      };
    }
  }
  if (!isInForceAt(version, acceptedAt) && !backdatedOver) {
    const which = inForce ? `${inForce.version} was in force then` : 'no version was in force then';
    const message =
      acceptedAt < version.from
        ? `${id} took effect ${formatDuration(version.from - acceptedAt - accepted.nanos / 1_000_000)} after acceptedAt (at ${when(version.from)}); ${which}`
        : `${id} had been superseded ${formatDuration(acceptedAt + accepted.nanos / 1_000_000 - (version.until ?? acceptedAt))} before acceptedAt (at ${when(version.until ?? acceptedAt)}); ${which}`;
    return { ...document, status: 'not-in-force', message };
  }
  const publication = checkPublication(document, version, acceptedAt, when);
  if (publication) return publication;
  const notes: string[] = [];
  if (document.sha256 !== undefined) {
    // The hash must be of the text served at acceptedAt (for a bare date, on that day): not a later correction's, not one a correction had replaced.
    const [start, end] = day ? [day.start, day.end] : [acceptedAt, acceptedAt + 1];
    const verdict = findServedText(version.served, document.sha256, start, end);
    const moment = day ? `the day of acceptedAt (${day.text})` : `acceptedAt (${when(acceptedAt)})`;
    const then = () => findTextServedAt(version.served, acceptedAt)?.sha256 ?? 'none';
    if (verdict.kind === 'unknown-hash') {
      return { ...document, status: 'hash-mismatch', message: `sha256 ${document.sha256} is not the hash of any published text of ${id} (now ${version.sha256})` };
    }
    if (verdict.kind === 'not-yet-served') {
      const correction = verdict.text.madeBy;
      return {
        ...document,
        status: 'text-not-yet-served',
        message: `sha256 ${document.sha256} is the text of ${id} as corrected on ${correction?.date ?? '?'} (${correction?.reason ?? ''}), served from ${when(verdict.text.from ?? 0)}, after ${moment}: the text served then was ${then()}`,
      };
    }
    if (verdict.kind === 'already-replaced') {
      const correction = verdict.text.replacedBy;
      return {
        ...document,
        status: 'text-already-corrected',
        message: `sha256 ${document.sha256} is the text of ${id} before the correction of ${correction?.date ?? '?'} (${correction?.reason ?? ''}), recorded at ${when(verdict.text.until ?? 0)}, before ${moment}: the text served then was ${then()}`,
      };
    }
    // A consent given before a correction was given to the text of that time: still valid, and said so.
    const correction = verdict.text.replacedBy;
    if (document.sha256 !== version.sha256 && correction) notes.push(`agreed to the text before the correction of ${correction.date} (${correction.reason})`);
    if (hasUnrecordedCorrection(version)) notes.push(`the feed does not say when the corrections of ${id} were recorded (it was built before it did): which of its texts was served at acceptedAt is not checked`);
  }
  if (backdatedOver) {
    const reason = [...backdatedOver.texts.values()].find((text) => text.publicationReason)?.publicationReason ?? 'no reason was recorded';
    notes.push(
      `${backdatedOver.version} was in force at acceptedAt only retroactively: published at ${when(backdatedOver.recordedFrom ?? 0)} with effect from ${when(backdatedOver.from)} (backdated: ${reason}); ${document.version} was the version readers could find then`,
    );
  }
  if (version.publication === 'imported' && version.publishedAt !== null && acceptedAt < Date.parse(version.publishedAt)) {
    notes.push(`${id}: history imported on ${when(version.publishedAt)}; not attested before`);
  }
  if (document.sha256 === undefined) {
    const why = context.cutShort ? 'the row stops before its sha256 column' : 'no sha256';
    return { ...document, status: 'no-hash', message: `${why}: the record cannot be tied to the text of ${id} (${version.sha256}); --allow-missing-hash counts such records apart without failing` };
  }
  return { ...document, status: 'ok', message: notes.join('; ') };
}

/** Sets the outcome and status of a record from its documents and issues (again, after duplicates or texts are known). */
export function settleRecord(result: Extract<RecordResult, { status: 'ok' | 'failed' }>, policy: OutcomePolicy): RecordResult {
  if (result.issues.length === 0 && result.documents.every((document) => document.status === 'ok')) {
    result.outcome = 'ok';
    result.status = 'ok';
    return result;
  }
  const found = new Set<Outcome>([...result.documents.map((document) => document.status), ...result.issues.map((issue) => issue.outcome)]);
  result.outcome = pickOutcome(found, policy);
  result.status = outcomeFails(result.outcome, policy) ? 'failed' : 'ok';
  return result;
}

/** Says of a record that it repeats the one at line `earlier`, byte for byte, and settles its outcome again; a malformed record says what is wrong with it instead. */
export function addDuplicateIssue(result: RecordResult, earlier: number, policy: OutcomePolicy): void {
  if (result.status === 'malformed') return;
  result.issues.push({ outcome: 'duplicate', message: `the same record, byte for byte, as line ${earlier}` });
  settleRecord(result, policy);
}

/**
 * Whether a valid acceptedAt is already written the way instants are
 * published (`2026-01-05T10:00:00.000Z`, what toISOString gives): then it is
 * its own formatted form. Most systems write exactly that, and formatting a
 * million instants again is a tenth of a verify run.
 */
function isPublishedForm(text: string): boolean {
  return text.length === 24 && text.charCodeAt(23) === 0x5a && text.charCodeAt(19) === 0x2e && text.charCodeAt(10) === 0x54;
}

/** The acceptedAt an ok record is reported with: its text when already in the published form, else that instant formatted so. */
function formatAcceptedAt(text: string, epochMs: number): string {
  return isPublishedForm(text) ? text : formatInstant(epochMs);
}

/**
 * The result of a record another engine found plain ok (one document at the
 * top level, a hash of the text served at an exact acceptedAt, nothing to
 * note): what verifyConsentRecord gives such a record, key for key, built
 * from the record and the instant that engine read, without verifying it
 * again (`verify --engine duckdb --json` prints every record).
 */
export function createPlainOkResult(record: Record<string, unknown>, line: number, acceptedAtMs: number): RecordResult {
  const text = (field: string) => String(record[field]);
  const document: DocumentResult = { policy: text('policy'), locale: text('locale'), version: text('version'), sha256: text('sha256').toLowerCase(), status: 'ok', message: '' };
  return { line, status: 'ok', outcome: 'ok', acceptedAt: formatAcceptedAt(text('acceptedAt'), acceptedAtMs), documents: [document], issues: [], notes: [], record };
}

/**
 * Verifies one record: `policy`, `locale`, `version`, `acceptedAt` and
 * `sha256`, or `acceptedAt` and a `documents` list of such objects. Other
 * fields are kept as they are.
 */
export function verifyConsentRecord(record: unknown, line: number, index: VersionIndex, options: VerifyOptions, context: RecordContext = {}): RecordResult {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return { line, status: 'malformed', outcome: 'malformed', message: 'the record is not an object', record };
  }
  const malformed = (message: string): RecordResult => ({ line, status: 'malformed', outcome: 'malformed', message, record });
  const fields = record as Record<string, unknown>;
  const acceptedAtText = fields['acceptedAt'];
  if (typeof acceptedAtText !== 'string' || acceptedAtText === '') return malformed('acceptedAt is missing');
  const parsed = parseEffective(acceptedAtText);
  if (!parsed.ok) return malformed(`acceptedAt "${acceptedAtText}" is not an ISO 8601 instant with an offset (or a date)${parsed.error.detail ? `: ${parsed.error.detail}` : ''}`);
  const acceptedAt = resolveEffective(parsed.value, options.timeZone);
  let day: AcceptedDay | null = null;
  if (parsed.value.kind === 'date') {
    const next = new Date(getUtcMs(parsed.value.year, parsed.value.month, parsed.value.day + 1));
    day = { text: acceptedAtText.trim(), start: acceptedAt, end: getStartOfZonedDay(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), options.timeZone) };
  }
  const documents = readDocuments(fields);
  if (typeof documents === 'string') return malformed(documents);
  const accepted = { ms: acceptedAt, nanos: parsed.value.kind === 'date-time' ? (parsed.value.nanos ?? 0) : 0 };
  const results = documents.map((document) => checkDocument(index, document, accepted, day, context, options.timeZone));
  const issues: RecordIssue[] = [];
  if (acceptedAt > options.now) {
    issues.push({
      outcome: 'in-the-future',
      message: `acceptedAt ${formatInstant(acceptedAt)} is after now (${formatInstant(options.now)}): a consent cannot have been given yet; check the clock of the system that recorded it`,
    });
  }
  const notes: string[] = [];
  if (day && results.every((result) => result.status !== 'ambiguous-instant')) {
    notes.push(`acceptedAt "${day.text}" is a date without a time: read as that whole day in ${options.timeZone} (${formatInstant(day.start)} to ${formatInstant(day.end)}), on which no version changed`);
  }
  for (const result of results) if (result.status === 'ok' && result.message !== '') notes.push(result.message);
  return settleRecord({ line, status: 'ok', outcome: 'ok', acceptedAt: formatAcceptedAt(acceptedAtText, acceptedAt), documents: results, issues, notes, record: fields }, options);
}

/**
 * Verifying a stream of records: each is verified, checked for an exact
 * duplicate of an earlier one and, in audit mode, against the texts served
 * for its versions. Exactly one result comes out per record read, in input
 * order, so counts add up; while texts are being read, at most
 * {@link WINDOW} results wait, so memory stays flat.
 */
import { RecordFingerprints } from './duplicate-records.ts';
import type { ReadRecord } from './read-records.ts';
import type { TextAuditor, TextCheck } from './text-audit.ts';
import { findVersion, type VersionIndex } from './version-index.ts';
import { addDuplicateIssue, settleRecord, verifyConsentRecord, type RecordResult, type VerifyOptions } from './verify-record.ts';

/** Results waiting for texts at most, before reading pauses. */
const WINDOW = 1000;

/** Options of a run. */
export interface VerifyRunOptions extends VerifyOptions {
  /** `--texts`: audit the served texts of every version referred to. */
  texts?: TextAuditor;
}

/** Applies text checks to the documents of a result that need one; a promise when a text is still being read. */
function auditTexts(result: Extract<RecordResult, { status: 'ok' | 'failed' }>, index: VersionIndex, texts: TextAuditor, options: VerifyRunOptions): Promise<void> | null {
  const pending: Promise<void>[] = [];
  for (const document of result.documents) {
    // A document that already fails needs no text to fail; one without a hash is still checked against the feed's.
    if (document.status !== 'ok' && document.status !== 'no-hash') continue;
    const version = findVersion(index, document.policy, document.locale, document.version);
    if (!version) continue;
    const apply = (check: TextCheck) => {
      if (check.status === 'ok') return;
      document.status = check.status;
      document.message = check.message;
    };
    const check = texts.check(version, document.sha256);
    if (check instanceof Promise) pending.push(check.then(apply));
    else apply(check);
  }
  if (pending.length === 0) {
    settleRecord(result, options);
    return null;
  }
  return Promise.all(pending).then(() => {
    settleRecord(result, options);
  });
}

/** Verifies records in order, one result per record, in batches (one await per record would cost more than checking it). */
export async function* verifyRecords(batches: AsyncIterable<ReadRecord[]>, index: VersionIndex, options: VerifyRunOptions): AsyncGenerator<RecordResult[]> {
  const fingerprints = new RecordFingerprints();
  const waiting: { result: RecordResult; ready: Promise<void>; done: boolean }[] = [];
  for await (const batch of batches) {
    const out: RecordResult[] = [];
    for (const read of batch) {
      let result: RecordResult;
      if ('error' in read) result = { line: read.line, status: 'malformed', outcome: 'malformed', message: read.error, record: null };
      else {
        result = verifyConsentRecord(read.record, read.line, index, options, read.cutShort ? { cutShort: true } : {});
        const earlier = fingerprints.add(read.bytes, read.line);
        if (earlier !== 0) addDuplicateIssue(result, earlier, options);
      }
      const ready = options.texts && result.status !== 'malformed' ? auditTexts(result, index, options.texts, options) : null;
      if (ready === null && waiting.length === 0) {
        out.push(result);
        continue;
      }
      const entry = { result, ready: ready ?? Promise.resolve(), done: ready === null };
      if (ready) void ready.then(() => (entry.done = true));
      waiting.push(entry);
      while (waiting[0]?.done) out.push((waiting.shift() as (typeof waiting)[number]).result);
      if (waiting.length >= WINDOW) {
        await waiting[0]?.ready;
        while (waiting[0]?.done) out.push((waiting.shift() as (typeof waiting)[number]).result);
      }
    }
    if (out.length > 0) yield out;
  }
  for (const entry of waiting) await entry.ready;
  if (waiting.length > 0) yield waiting.map((entry) => entry.result);
}

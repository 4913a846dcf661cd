/**
 * `npm run policy -- verify <file> [--feed URL] [--json]`: checks consent
 * records against the published versions, streaming, never stopping at the
 * first bad line, with a summary at the end.
 */
import { parseArgs } from 'node:util';
import { readRecords } from '#lib/consent/read-records.ts';
import { verifyConsentRecord, type RecordResult } from '#lib/consent/verify-record.ts';
import { getPolicySource, print, printError, UsageError } from './command-context.ts';

export const VERIFY_HELP = `npm run policy -- verify <file> [--feed <url|path>] [--json]

  Checks consent records, as JSON Lines (.jsonl, .ndjson, .json) or CSV with a
  header row (.csv). Each record has policy, locale, version, acceptedAt and
  optionally sha256 (other fields are kept), or acceptedAt and a "documents"
  list of {policy, locale, version, sha256} (JSON Lines only), for a consent
  given to several documents at once.

  Each record is reported as ok, unknown policy/locale/version, not in force
  at acceptedAt (with the version that was, and by how long it missed), hash
  mismatch, or malformed, with its line number. Exit 1 if any record fails.

  --feed  read a published feed (URL or path of index.json) instead of policies/
  --json  print one JSON result per record (stdout); the summary goes to stderr`;

function describe(result: RecordResult, file: string): string[] {
  if (result.status === 'malformed') return [`${file}:${result.line}: malformed: ${result.message}`];
  return result.documents
    .filter((document) => document.status !== 'ok')
    .map((document) => `${file}:${result.line}: ${document.status}: ${document.message}`);
}

/** Runs `verify`; returns the exit code. */
export async function runVerify(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { feed: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError(`verify needs one file of records.\n\n${VERIFY_HELP}`);
  const source = await getPolicySource(values.feed);
  const counts = { records: 0, ok: 0, failed: 0, malformed: 0 };
  const failures = new Map<string, number>();
  // Large outputs go through one buffered write per batch: a million console lines one by one is the slowest part.
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length > 0) process.stdout.write(`${buffer.join('\n')}\n`);
    buffer = [];
  };
  for await (const read of readRecords(file)) {
    counts.records += 1;
    const result: RecordResult =
      'error' in read ? { line: read.line, status: 'malformed', message: read.error, record: null } : verifyConsentRecord(read.record, read.line, source.index, source.timeZone);
    counts[result.status] += 1;
    if (result.status === 'failed') for (const document of result.documents) if (document.status !== 'ok') failures.set(document.status, (failures.get(document.status) ?? 0) + 1);
    if (values.json) buffer.push(JSON.stringify(result));
    else if (result.status !== 'ok') buffer.push(...describe(result, file));
    if (buffer.length >= 1000) flush();
  }
  flush();
  const byKind = [...failures].map(([status, count]) => `${count} ${status}`).join(', ');
  const summary = `${counts.records} ${counts.records === 1 ? 'record' : 'records'}: ${counts.ok} ok, ${counts.failed} failed${byKind ? ` (${byKind})` : ''}, ${counts.malformed} malformed.`;
  if (values.json) printError(summary);
  else print(summary);
  return counts.failed + counts.malformed > 0 ? 1 : 0;
}

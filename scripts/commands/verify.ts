/**
 * `npm run policy -- verify <file> [--feed URL] [--json]`: checks consent
 * records against the published versions, streaming, never stopping at the
 * first bad line, with a summary at the end.
 */
import { parseArgs } from 'node:util';
import { readRecords } from '#lib/consent/read-records.ts';
import { verifyConsentRecord, type RecordResult } from '#lib/consent/verify-record.ts';
import { checkRecordInLog, type LogCheck } from '#lib/log/verify-log.ts';
import { getPolicySource, print, printError, UsageError } from './command-context.ts';
import { loadLogOfToday } from './verify-log-source.ts';

export const VERIFY_HELP = `npm run policy -- verify <file> [--feed <url|path>] [--log [--key <key>]] [--json]

  Checks consent records, as JSON Lines (.jsonl, .ndjson, .json) or CSV with a
  header row (.csv). Each record has policy, locale, version, acceptedAt and
  optionally sha256 (other fields are kept), or acceptedAt and a "documents"
  list of {policy, locale, version, sha256} (JSON Lines only), for a consent
  given to several documents at once.

  Each record is reported as ok, unknown policy/locale/version, not in force
  at acceptedAt (with the version that was, and by how long it missed), hash
  mismatch, or malformed, with its line number. Exit 1 if any record fails.

  --feed  read a published feed (URL or path of index.json) instead of policies/
  --log   also check each record's "checkpoint" (the text of /log/v1/checkpoint when
          the person agreed) against today's public log: signed by the log's key,
          extended by today's log, and the version already in the log at that size.
          A record without a checkpoint is verified as today.
  --key   the log's verifier key to trust (default: logVerifierKey of site.config.ts,
          or with --feed the key the site serves)
  --json  print one JSON result per record (stdout); the summary goes to stderr`;

function describe(result: RecordResult, file: string, log?: LogCheck): string[] {
  if (result.status === 'malformed') return [`${file}:${result.line}: malformed: ${result.message}`];
  return [
    ...result.documents.filter((document) => document.status !== 'ok').map((document) => `${file}:${result.line}: ${document.status}: ${document.message}`),
    ...(log?.problems ?? []).map((problem) => `${file}:${result.line}: ${problem.status}: ${problem.message}`),
  ];
}

/** Runs `verify`; returns the exit code. */
export async function runVerify(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { feed: { type: 'string' }, json: { type: 'boolean', default: false }, log: { type: 'boolean', default: false }, key: { type: 'string' } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError(`verify needs one file of records.\n\n${VERIFY_HELP}`);
  if (values.key && !values.log) throw new UsageError('--key goes with --log.');
  const source = await getPolicySource(values.feed);
  const log = values.log ? await loadLogOfToday(values.feed, values.key) : null;
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
    let result: RecordResult =
      'error' in read ? { line: read.line, status: 'malformed', message: read.error, record: null } : verifyConsentRecord(read.record, read.line, source.index, source.timeZone);
    const logged = log && result.status !== 'malformed' ? checkRecordInLog(result.record, result.documents, log) : undefined;
    if (logged?.status === 'failed' && result.status === 'ok') result = { ...result, status: 'failed' };
    counts[result.status] += 1;
    if (result.status === 'failed') for (const document of result.documents) if (document.status !== 'ok') failures.set(document.status, (failures.get(document.status) ?? 0) + 1);
    for (const problem of logged?.problems ?? []) failures.set(problem.status, (failures.get(problem.status) ?? 0) + 1);
    if (values.json) buffer.push(JSON.stringify(logged ? { ...result, log: logged } : result));
    else if (result.status !== 'ok') buffer.push(...describe(result, file, logged));
    if (buffer.length >= 1000) flush();
  }
  flush();
  const byKind = [...failures].map(([status, count]) => `${count} ${status}`).join(', ');
  const summary = `${counts.records} ${counts.records === 1 ? 'record' : 'records'}: ${counts.ok} ok, ${counts.failed} failed${byKind ? ` (${byKind})` : ''}, ${counts.malformed} malformed.`;
  if (values.json) printError(summary);
  else print(summary);
  return counts.failed + counts.malformed > 0 ? 1 : 0;
}

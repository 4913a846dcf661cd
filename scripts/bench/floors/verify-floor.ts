/**
 * The floor of `verify` in the benchmark: the least a streaming check of
 * consent records can do. `node verify-floor.ts <versions.json> <records.jsonl>`
 * reads the versions (policy, locale, version, from, until, sha256), then
 * each record line by line: JSON.parse, a Map lookup, the interval and the
 * hash; it prints the count of records that pass. No CSV, no line numbers in
 * messages, no duplicates, no malformed-row recovery, no notes.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const [versionsFile, recordsFile] = process.argv.slice(2);
if (!versionsFile || !recordsFile) throw new Error('usage: verify-floor.ts <versions.json> <records.jsonl>');
type Version = { policy: string; locale: string; version: string; from: number; until: number | null; sha256: string };
const versions = new Map((JSON.parse(readFileSync(versionsFile, 'utf8')) as Version[]).map((v) => [`${v.policy}/${v.locale}/${v.version}`, v]));
let ok = 0;
let failed = 0;
for await (const line of createInterface({ input: createReadStream(recordsFile), crlfDelay: Infinity })) {
  if (line === '') continue;
  const record = JSON.parse(line) as { policy: string; locale: string; version: string; acceptedAt: string; sha256: string };
  const version = versions.get(`${record.policy}/${record.locale}/${record.version}`);
  const at = Date.parse(record.acceptedAt);
  if (version && at >= version.from && (version.until === null || at < version.until) && record.sha256 === version.sha256) ok += 1;
  else failed += 1;
}
process.stdout.write(`${ok + failed} records: ${ok} ok, ${failed} failed.\n`);

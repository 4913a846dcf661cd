/**
 * `verify --engine duckdb --json` prints every record, yet only the records
 * SQL does not call plain ok are verified again in JavaScript: the plain ok
 * ones are built from what DuckDB returns (their fields and SQL's instant).
 * Proved by counting the calls of verifyConsentRecord (wrapped), and by the
 * JSON of every record, which stays the streaming verifier's, byte for
 * byte, from JSON Lines, CSV (quoted and plain) and Parquet.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import type { RecordResult } from '#lib/consent/verify-record.ts';
import { getOutcomeSegments } from '#lib/consent/sql/outcome-segments.ts';
import { copyJsonLinesToParquet, jsonDifferences, verifyEngine, verifyStreaming, writeRecordFiles, type FlatRecord, type Results } from '../../../helpers/consent-engines.ts';
import { craftedIndex, craftRecords, CRAFTED_TIME_ZONE } from './crafted-corpus.ts';

/** Every call of verifyConsentRecord, whoever makes it: the streaming verifier and the engine's explanations alike. */
const verified = vi.hoisted(() => ({ calls: 0 }));
vi.mock('#lib/consent/verify-record.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('#lib/consent/verify-record.ts')>();
  const counted = (...args: Parameters<typeof original.verifyConsentRecord>) => {
    verified.calls += 1;
    return original.verifyConsentRecord(...args);
  };
  return { ...original, verifyConsentRecord: counted };
});

const FIELDS = ['policy', 'locale', 'version', 'sha256', 'acceptedAt'] as const;
const NOW = Date.parse('2026-01-01T00:00:00Z');
const options = { timeZone: CRAFTED_TIME_ZONE, now: NOW };
const index = craftedIndex();

/** The crafted corpus (every outcome SQL decides: malformed instants, not-in-force, hash-mismatch, withdrawn, corrections…), many plain ok records, and duplicates of both. */
function corpus(): FlatRecord[] {
  const [text] = index.versions.values();
  if (!text) throw new Error('no version');
  // Accepted after the ledger attests the version (before, it is imported history, which verify notes): plain ok.
  const attested = Math.max(text.from, text.publishedAt === null ? text.from : Date.parse(text.publishedAt));
  const ok = (seconds: number, acceptedAt = new Date(attested + seconds * 1000).toISOString()) => ({ policy: text.policy, locale: text.locale, version: text.version, sha256: text.sha256, acceptedAt });
  const plain = [
    ok(1),
    ok(2, new Date(attested + 2000).toISOString().replace('Z', '+00:00')),
    ok(3, `  ${new Date(attested + 3000).toISOString()} `),
    ok(4, `${new Date(attested + 4000).toISOString().slice(0, 19)}.123456789Z`),
  ];
  // Texts that start with a byte order mark, which DuckDB's node API drops from a text it hands over: an unknown policy, and a plain ok record printed as it was written.
  const marked = [{ ...ok(6), policy: `\uFEFF${text.policy}` }, ok(7, `\uFEFF${new Date(attested + 7000).toISOString()}`)];
  return [...craftRecords(index, CRAFTED_TIME_ZONE), ...plain, ...marked, ...Array.from({ length: 40 }, (_, at) => ok(10 + at)), ok(1), { ...ok(5), sha256: 'e'.repeat(64) }, { ...ok(5), sha256: 'e'.repeat(64) }];
}

/** The records the streaming verifier has something to say of: all that may be verified again. */
const saidOf = (results: Results) => [...results.values()].filter((result: RecordResult) => result.outcome !== 'ok' || ('notes' in result && result.notes.length > 0)).length;

/** A CSV file no field of which needs a quote (DuckDB's own CSV reader reads it): the records that can be written so. */
function writePlainCsv(records: readonly FlatRecord[], path: string): void {
  const plain = records.filter((record) => FIELDS.every((field) => !/[",\r\n]/.test(record[field] ?? '')));
  writeFileSync(path, `${FIELDS.join(',')}\n${plain.map((record) => FIELDS.map((field) => record[field] ?? '').join(',')).join('\n')}\n`);
}

/** A Parquet file of the records, every field a text column (NULL where absent), and the same records as JSON Lines with every key, for the streaming verifier to read. */
async function writeParquet(records: readonly FlatRecord[], folder: string): Promise<{ parquet: string; jsonl: string }> {
  const jsonl = join(folder, 'every-key.jsonl');
  const parquet = join(folder, 'records.parquet');
  writeFileSync(jsonl, `${records.map((record) => JSON.stringify(Object.fromEntries(FIELDS.map((field) => [field, record[field] ?? null])))).join('\n')}\n`);
  await copyJsonLinesToParquet(jsonl, parquet, Object.fromEntries(FIELDS.map((field) => [field, 'VARCHAR'])));
  return { parquet, jsonl };
}

describe('verifyWithDuckDb, reporting every record (--json)', () => {
  test.each(['JSON Lines', 'CSV with quotes', 'plain CSV', 'Parquet'] as const)(
    "%s: verifies again only the records SQL does not call plain ok, and prints the streaming verifier's JSON for every record",
    async (format) => {
      const records = corpus();
      const files = writeRecordFiles(records, index, CRAFTED_TIME_ZONE);
      const folder = join(files.jsonl, '..');
      let file = format === 'JSON Lines' ? files.jsonl : files.csv;
      let reference = file;
      if (format === 'plain CSV') {
        file = reference = join(folder, 'plain.csv');
        writePlainCsv(records, file);
      }
      if (format === 'Parquet') ({ parquet: file, jsonl: reference } = await writeParquet(records, folder));
      const streaming = await verifyStreaming(reference, index, options);
      const said = saidOf(streaming);
      // Enough of both kinds for the count to tell them apart.
      expect(said).toBeGreaterThan(50);
      expect(streaming.size - said).toBeGreaterThan(40);
      // The outcome segments SQL looks records up in are the streaming verifier's verdicts, computed once per index (calls per version, none per record): computed before counting.
      getOutcomeSegments(index, CRAFTED_TIME_ZONE);
      verified.calls = 0;
      const engine = await verifyEngine(file, index, options);
      expect(engine.fallback).toBeUndefined();
      expect(verified.calls, 'records verified again in JavaScript').toBe(said);
      expect(jsonDifferences(streaming, engine)).toEqual([]);
    },
    120_000,
  );
});

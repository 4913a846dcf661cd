/**
 * A Parquet file whose field columns are not text: numbers and booleans are
 * what a JSON Lines record can hold in place of text, so each record gets
 * the streaming verifier's outcome and message for them, exactly as for the
 * same records written as JSON Lines; a type JSON has no value of (a
 * timestamp) stops the run with what to do, since no record could be read.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, test } from 'vitest';
import { EngineError } from '#lib/consent/sql/duckdb-engine.ts';
import { copyJsonLinesToParquet, jsonDifferences, verifyEngine, verifyStreaming } from '../../../helpers/consent-engines.ts';
import { craftedIndex, CRAFTED_TIME_ZONE } from './crafted-corpus.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const options = { timeZone: CRAFTED_TIME_ZONE, now: NOW };
const index = craftedIndex();
const FIELDS = ['policy', 'locale', 'version', 'sha256', 'acceptedAt'] as const;

/** Records as JSON Lines, and the same records as Parquet with the columns typed as given (DuckDB reads the JSON values into them). */
async function writeTyped(records: readonly Record<string, unknown>[], types: Record<(typeof FIELDS)[number], string>): Promise<{ jsonl: string; parquet: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'typed parquet — типы '));
  const jsonl = join(folder, 'records.jsonl');
  const parquet = join(folder, 'records.parquet');
  writeFileSync(jsonl, `${records.map((record) => JSON.stringify(Object.fromEntries(FIELDS.map((field) => [field, record[field] ?? null])))).join('\n')}\n`);
  await copyJsonLinesToParquet(jsonl, parquet, types);
  return { jsonl, parquet };
}

/** Plain ok records of the first version, and their instants. */
function okRecords(count: number): { policy: string; locale: string; version: string; sha256: string; acceptedAt: string; at: number }[] {
  const [text] = index.versions.values();
  if (!text) throw new Error('no version');
  const attested = Math.max(text.from, text.publishedAt === null ? text.from : Date.parse(text.publishedAt));
  return Array.from({ length: count }, (_, at) => ({
    policy: text.policy,
    locale: text.locale,
    version: text.version,
    sha256: text.sha256,
    acceptedAt: new Date(attested + at * 1000).toISOString(),
    at: attested + at * 1000,
  }));
}

const TEXT = { policy: 'VARCHAR', locale: 'VARCHAR', version: 'VARCHAR', sha256: 'VARCHAR', acceptedAt: 'VARCHAR' } as const;

describe('verify --engine duckdb over a Parquet file whose fields are not text', () => {
  test.each([
    ['acceptedAt as BIGINT (epoch milliseconds), some NULL', { ...TEXT, acceptedAt: 'BIGINT' }, (record: ReturnType<typeof okRecords>[number], at: number) => ({ ...record, acceptedAt: at % 3 === 0 ? null : record.at })],
    ['acceptedAt as DOUBLE', { ...TEXT, acceptedAt: 'DOUBLE' }, (record: ReturnType<typeof okRecords>[number]) => ({ ...record, acceptedAt: record.at / 1000 })],
    ['sha256 as INTEGER, some NULL', { ...TEXT, sha256: 'INTEGER' }, (record: ReturnType<typeof okRecords>[number], at: number) => ({ ...record, sha256: at % 2 === 0 ? null : at })],
    ['policy as BOOLEAN', { ...TEXT, policy: 'BOOLEAN' }, (record: ReturnType<typeof okRecords>[number], at: number) => ({ ...record, policy: at % 2 === 0 })],
  ])("%s: every record gets the streaming verifier's result for the same JSON Lines, message included", async (_, types, change) => {
    const records = okRecords(12).map((record, at) => change(record, at));
    const { jsonl, parquet } = await writeTyped(records, types);
    const streaming = await verifyStreaming(jsonl, index, options);
    // Not all ok: the typed values are what the records are judged on.
    expect([...streaming.values()].some((result) => result.outcome === 'malformed')).toBe(true);
    const engine = await verifyEngine(parquet, index, options);
    expect(engine.fallback).toBeUndefined();
    expect(jsonDifferences(streaming, engine)).toEqual([]);
  });

  test('acceptedAt as a timestamp stops the run, naming the file, the column and what to write instead', async () => {
    const records = okRecords(3).map((record) => ({ ...record, acceptedAt: record.acceptedAt.replace('T', ' ').replace('Z', '+00') }));
    const { parquet } = await writeTyped(records, { ...TEXT, acceptedAt: 'TIMESTAMPTZ' });
    const run = verifyEngine(parquet, index, options);
    await expect(run).rejects.toThrow(EngineError);
    await expect(run).rejects.toThrow(/records\.parquet: column acceptedAt is TIMESTAMP WITH TIME ZONE, and verify reads it as text: write acceptedAt as ISO 8601 text with its offset/);
  });

  // The engine used to crash here with DuckDB's own exception and a stack trace (the table of records to report was created outside any handler).
  test("an extra column DuckDB cannot hold in a table (a UNION, which Parquet keeps as a struct of unnamed fields) stops the run with DuckDB's message, naming the file", async () => {
    const [record] = okRecords(1);
    const parquet = join(mkdtempSync(join(tmpdir(), 'union parquet — ')), 'records.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const values = FIELDS.map((field) => `'${record?.[field] ?? ''}' AS "${field}"`).join(', ');
    await connection.run(`COPY (SELECT ${values}, union_value(n := 1)::UNION(n INTEGER, s VARCHAR) AS "userId", repeat('0', 64) AS note FROM range(3)) TO '${parquet}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const run = verifyEngine(parquet, index, options);
    await expect(run).rejects.toThrow(EngineError);
    await expect(run).rejects.toThrow(/records\.parquet: DuckDB failed on the query that classifies the records \(.*unnamed struct\); no record of the file was counted and the run stops/);
  });
});

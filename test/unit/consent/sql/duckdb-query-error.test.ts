/**
 * An error of DuckDB's query, a bug in the generated SQL included, stops
 * `verify --engine duckdb` with DuckDB's own message: it is never hidden by
 * reading the file with the streaming verifier instead.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { EngineError, verifyWithDuckDb, type EngineEvent } from '#lib/consent/sql/duckdb-engine.ts';
import { copyJsonLinesToParquet, verifyEngine, writeRecordFiles } from '../../../helpers/consent-engines.ts';
import { craftedIndex, CRAFTED_TIME_ZONE } from './crafted-corpus.ts';

/** Bugs in the generated SQL, switched on per test: the query names a column no table has (`on`), or calls an ok record a hash-mismatch (`lies`), or the first pass, which reads every fingerprint, names a column no table has (`keys`), or hands on fingerprints no line has (`lost`). */
const bug = vi.hoisted(() => ({ on: false, lies: false, keys: false, lost: false }));
vi.mock('#lib/consent/sql/classify-duckdb.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('#lib/consent/sql/classify-duckdb.ts')>();
  const create = (...args: Parameters<typeof original.createDuckDbClassifySql>) => {
    const sql = original.createDuckDbClassifySql(...args);
    if (bug.on) return `SELECT no_such_column FROM (${sql})`;
    if (bug.lost && args[0].passThrough?.includes('key')) return `SELECT * REPLACE (key + 1 AS key) FROM (${sql})`;
    return bug.lies ? `SELECT * REPLACE (CASE WHEN outcome = 'ok' THEN 'hash-mismatch' ELSE outcome END AS outcome) FROM (${sql})` : sql;
  };
  const createKeys = (...args: Parameters<typeof original.createKeysSql>) => (bug.keys ? `CREATE OR REPLACE TEMP TABLE ${args[0]} AS SELECT no_such_column FROM ${args[1]}` : original.createKeysSql(...args));
  return { ...original, createDuckDbClassifySql: create, createKeysSql: createKeys };
});

/** The scan of a file, switched per test: `unreadable` calls any file plain, as if it had not seen what DuckDB's reader will refuse. */
const scan = vi.hoisted(() => ({ unreadable: false }));
vi.mock('#lib/consent/sql/line-endings.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('#lib/consent/sql/line-endings.ts')>();
  return {
    ...original,
    scanRecordsFile: async (path: string) => (scan.unreadable ? { ok: true, newline: '\n', plain: true, quoted: false, longestLine: 1024 } : original.scanRecordsFile(path)),
  };
});

describe('verifyWithDuckDb', () => {
  const index = craftedIndex();
  const [text] = index.versions.values();
  if (!text) throw new Error('no version');
  // Accepted after the ledger attests the version (it is imported history before that, which verify notes): a plain ok.
  const attested = Math.max(text.from, text.publishedAt === null ? text.from : Date.parse(text.publishedAt));
  const record = { policy: text.policy, locale: text.locale, version: text.version, sha256: text.sha256, acceptedAt: new Date(attested + 1000).toISOString() };

  test("stops with DuckDB's message when its query fails, and hands nothing to the streaming verifier", async () => {
    const file = join(writeRecordFiles([], index, CRAFTED_TIME_ZONE).jsonl, '../records.jsonl');
    writeFileSync(file, `${JSON.stringify(record)}\n`);
    const events: EngineEvent[] = [];
    bug.on = true;
    const run = async () => {
      for await (const event of verifyWithDuckDb([file], index, { timeZone: CRAFTED_TIME_ZONE, now: Date.parse('2026-01-01T00:00:00Z') })) events.push(event);
    };
    await expect(run()).rejects.toThrow(EngineError);
    await expect(run()).rejects.toThrow(
      `${file}: DuckDB failed on the query that classifies the records (Binder Error: Referenced column "no_such_column" not found in FROM clause!); no record of the file was counted and the run stops: verify the file without --engine, and report this error`,
    );
    expect(events).toEqual([]);
    bug.on = false;
    await run();
    // The record counted, as one plain ok (a file is counted in one or more plainOk events: those it counts unnumbered, then those it numbered), nothing else said.
    expect(events.every((event) => 'plainOk' in event && event.file === file)).toBe(true);
    expect(events.reduce((sum, event) => sum + ('plainOk' in event ? event.plainOk : 0), 0)).toBe(1);
  });

  // The first pass of a CSV or JSON Lines file is the classifying query, which also reads every fingerprint; Parquet's reads the fingerprints alone.
  test.each([
    ['JSON Lines', 'jsonl', 'on'],
    ['plain CSV', 'csv', 'on'],
    ['Parquet', 'parquet', 'keys'],
  ] as const)("%s: an error of DuckDB's first pass, which reads every fingerprint, stops the run with DuckDB's message, naming the file", async (_name, format, which) => {
    const folder = join(writeRecordFiles([], index, CRAFTED_TIME_ZONE).jsonl, '..');
    const jsonl = join(folder, 'first-pass.jsonl');
    writeFileSync(jsonl, `${JSON.stringify(record)}\n`);
    const file = join(folder, `first-pass.${format}`);
    if (format === 'csv') writeFileSync(file, `policy,locale,version,sha256,acceptedAt\n${[record.policy, record.locale, record.version, record.sha256, record.acceptedAt].join(',')}\n`);
    if (format === 'parquet') await copyJsonLinesToParquet(jsonl, file, { policy: 'VARCHAR', locale: 'VARCHAR', version: 'VARCHAR', sha256: 'VARCHAR', acceptedAt: 'VARCHAR' });
    const events: EngineEvent[] = [];
    bug[which] = true;
    const run = async () => {
      for await (const event of verifyWithDuckDb([file], index, { timeZone: CRAFTED_TIME_ZONE, now: Date.parse('2026-01-01T00:00:00Z') })) events.push(event);
    };
    await expect(run().finally(() => (bug[which] = false))).rejects.toThrow(
      new EngineError(
        `${file}: DuckDB failed on the query that classifies the records (Binder Error: Referenced column "no_such_column" not found in FROM clause!); no record of the file was counted and the run stops: verify the file without --engine, and report this error`,
      ),
    );
    expect(events).toEqual([]);
  });

  // The first pass of a CSV or JSON Lines file sorts out the records to report by their fingerprints; their lines are then found by the same fingerprints. One sorted out and not found again would vanish from the counts.
  test.each([
    ['JSON Lines', 'jsonl'],
    ['plain CSV', 'csv'],
  ])('%s: a record sorted out and not found again by its line stops the run, and is never left out of the counts', async (_name, format) => {
    const folder = join(writeRecordFiles([], index, CRAFTED_TIME_ZONE).jsonl, '..');
    const file = join(folder, `lost.${format}`);
    const failing = { ...record, sha256: 'e'.repeat(64) };
    if (format === 'jsonl') writeFileSync(file, `${JSON.stringify(record)}\n${JSON.stringify(failing)}\n`);
    else writeFileSync(file, `policy,locale,version,sha256,acceptedAt\n${[record, failing].map((item) => [item.policy, item.locale, item.version, item.sha256, item.acceptedAt].join(',')).join('\n')}\n`);
    const events: EngineEvent[] = [];
    bug.lost = true;
    const run = async () => {
      for await (const event of verifyWithDuckDb([file], index, { timeZone: CRAFTED_TIME_ZONE, now: Date.parse('2026-01-01T00:00:00Z') })) events.push(event);
    };
    await expect(run().finally(() => (bug.lost = false))).rejects.toThrow(
      new EngineError(
        `${file}: DuckDB sorted out 1 record to report and found 0 of them again by their lines; no record of the file was counted and the run stops: verify the file without --engine, and report this error`,
      ),
    );
    expect(events).toEqual([]);
  });

  // Bytes that are not UTF-8, which the scan (mocked here) would have sent to the streaming verifier. JSON Lines: the first pass, which reads and classifies at once, fails, and a count over the records alone tells DuckDB's reader refusing the file from an error of the query. CSV: the reader keeps the line among those it refuses, and the read of the lines refuses it.
  test.each([
    ['JSON Lines', 'jsonl', 'JSON Lines'],
    ['plain CSV', 'csv', 'CSV'],
  ])('%s: a file DuckDB cannot read is said to be unreadable, not a failed query, and nothing of it is counted', async (_name, format, says) => {
    const folder = join(writeRecordFiles([], index, CRAFTED_TIME_ZONE).jsonl, '..');
    const file = join(folder, `unreadable.${format}`);
    const line = format === 'jsonl' ? JSON.stringify(record) : [record.policy, record.locale, record.version, record.sha256, record.acceptedAt].join(',');
    const header = format === 'jsonl' ? '' : 'policy,locale,version,sha256,acceptedAt\n';
    writeFileSync(file, Buffer.concat([Buffer.from(`${header}${line}\n`), Buffer.from([0xff, 0xfe, 0x0a])]));
    const events: EngineEvent[] = [];
    scan.unreadable = true;
    const run = async () => {
      for await (const event of verifyWithDuckDb([file], index, { timeZone: CRAFTED_TIME_ZONE, now: Date.parse('2026-01-01T00:00:00Z') })) events.push(event);
    };
    const error = await run()
      .finally(() => (scan.unreadable = false))
      .then(
        () => null,
        (thrown: unknown) => thrown,
      );
    expect(error).toBeInstanceOf(EngineError);
    expect((error as Error).message).toMatch(
      new RegExp(`^${file.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}: DuckDB cannot read it as ${says} \\(.+\\); no record of the file was counted and the run stops: verify the file without --engine$`),
    );
    expect(events).toEqual([]);
  });

  test('a record the engines disagree on is engines-disagree, said of that record alone, and the run goes on', async () => {
    const file = join(writeRecordFiles([], index, CRAFTED_TIME_ZONE).jsonl, '../disagree.jsonl');
    // SQL calls the record a hash-mismatch; the streaming verifier finds it ok. (A record SQL calls plain ok is reported as such, --json included, without being verified again: the differential tests in engines.test.ts check those.)
    writeFileSync(file, `${JSON.stringify(record)}\nnot json\n`);
    bug.lies = true;
    const results = await verifyEngine(file, index, { timeZone: CRAFTED_TIME_ZONE, now: Date.parse('2026-01-01T00:00:00Z') }).finally(() => (bug.lies = false));
    expect([...results.values()].map((result) => [result.line, result.outcome, result.status])).toEqual([
      [1, 'engines-disagree', 'failed'],
      [2, 'malformed', 'malformed'],
    ]);
    expect(results.get(1)).toMatchObject({
      issues: [{ outcome: 'engines-disagree', message: `DuckDB says hash-mismatch and the streaming verifier ok: the engines disagree, which is a bug; verify ${file} without --engine, and report it` }],
    });
  });
});

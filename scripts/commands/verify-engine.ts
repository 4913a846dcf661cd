/**
 * `verify --engine duckdb <files or globs…>`: the same report, counts and
 * exit status as the streaming `verify`, with DuckDB classifying the
 * records (src/lib/consent/sql/duckdb-engine.ts). A file DuckDB cannot read
 * line for line as verify does is read by the streaming verifier instead,
 * and the run says so; an error of DuckDB's query stops the run with its
 * message (EngineError), never a switch to the streaming verifier.
 */
import { glob } from 'node:fs/promises';
import { EngineError, verifyWithDuckDb } from '#lib/consent/sql/duckdb-engine.ts';
import { readRecords } from '#lib/consent/read-records.ts';
import { OutcomeTally } from '#lib/consent/verify-outcomes.ts';
import type { RecordResult } from '#lib/consent/verify-record.ts';
import { verifyRecords } from '#lib/consent/verify-records.ts';
import { statPath } from '#lib/consent/read-location.ts';
import { escapeControlCharacters, getPolicySource, print, printError, UsageError } from './command-context.ts';
import { LineOutput } from './line-output.ts';
import { describe, getNow } from './verify-report.ts';

/** Options of an engine run, as verify parsed them. */
export interface EngineRunOptions {
  feed: string | undefined;
  json: boolean;
  asOf: string | undefined;
  allowMissingHash: boolean;
  strict: boolean;
  timeoutMs: number;
  followAbsolute: boolean;
  /** The memory budget of the run, in MB (--memory). */
  memoryBudgetMb: number;
}

/** The files named: each path as it is, each glob expanded (sorted, so runs are repeatable); a pattern that matches nothing is an error. */
async function expandFiles(patterns: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (!/[*?[{]/.test(pattern)) {
      const kind = await statPath(pattern).catch((error: unknown) => {
        throw new UsageError(`${error instanceof Error ? error.message : String(error)}: give a file of records (.csv, .jsonl, .parquet) or a glob`);
      });
      if (kind === 'folder') throw new UsageError(`${pattern} is a folder: give the files of records, e.g. "${pattern}/*.parquet"`);
      files.push(pattern);
      continue;
    }
    const matched: string[] = [];
    for await (const file of glob(pattern)) matched.push(file);
    if (matched.length === 0) throw new UsageError(`${pattern} matches no file`);
    files.push(...matched.sort());
  }
  return files;
}

/** Runs verify with DuckDB; returns the exit code. */
export async function runEngineVerify(patterns: readonly string[], options: EngineRunOptions): Promise<number> {
  if (patterns.length === 0) throw new UsageError('verify --engine duckdb needs files of records (.csv, .jsonl, .parquet), or globs such as "exports/*.parquet"');
  const files = await expandFiles(patterns);
  const source = await getPolicySource(options.feed, { timeoutMs: options.timeoutMs, followAbsolute: options.followAbsolute });
  const verifyOptions = { timeZone: source.timeZone, now: getNow(options.asOf, source.timeZone), allowMissingHash: options.allowMissingHash, strict: options.strict };
  const tally = new OutcomeTally(verifyOptions);
  const report = options.json ? printError : print;
  const output = new LineOutput();
  const take = (result: RecordResult, file: string) => {
    const noted = 'notes' in result && result.notes.length > 0;
    tally.add(result.outcome, noted);
    if (options.json) output.add(JSON.stringify(files.length > 1 ? { file, ...result } : result));
    else if (result.outcome !== 'ok' || noted) output.add(...describe(result, file).map(escapeControlCharacters));
  };
  try {
    // --json prints every record: the plain ok ones too, as SQL classified them (not verified again).
    for await (const event of verifyWithDuckDb(files, source.index, { ...verifyOptions, reportEveryRecord: options.json, memoryBudgetMb: options.memoryBudgetMb })) {
      if ('plainOk' in event) tally.addMany('ok', event.plainOk);
      else if ('results' in event) for (const result of event.results) take(result, event.file);
      else {
        await output.end();
        printError(escapeControlCharacters(`${event.file}: read by the streaming verifier, not DuckDB: ${event.fallback}`));
        for await (const batch of verifyRecords(readRecords(event.file), source.index, verifyOptions)) {
          for (const result of batch) take(result, event.file);
          await output.writeIfFull();
        }
      }
      await output.writeIfFull();
    }
  } catch (error) {
    if (error instanceof EngineError) {
      await output.end();
      printError(escapeControlCharacters(error.message));
      return 1;
    }
    throw error;
  }
  await output.end();
  if (tally.records === 0) report(escapeControlCharacters(`${files.join(', ')}: empty-input: no records in ${files.length === 1 ? 'the file' : 'the files'} (an empty file proves nothing; check the export)`));
  report(tally.summary());
  return tally.failed || tally.records === 0 ? 1 : 0;
}

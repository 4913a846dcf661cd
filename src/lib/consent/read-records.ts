/**
 * Streaming consent records from a file, JSON Lines or CSV, with the line
 * each starts on, without ever holding the whole file in memory: a million
 * records are read in constant memory.
 */
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** A record read from the file, or why it could not be read. */
export type ReadRecord = { line: number; record: unknown } | { line: number; error: string };

/** The format of a records file, from its extension (`.csv`, else JSON Lines). */
export function detectRecordFormat(path: string): 'csv' | 'jsonl' {
  return /\.csv$/i.test(path) ? 'csv' : 'jsonl';
}

/** Reads JSON Lines: one JSON object per line; blank lines are skipped. */
export async function* readJsonLines(path: string): AsyncGenerator<ReadRecord> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const text of lines) {
    number += 1;
    const line = number === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (line.trim() === '') continue;
    try {
      yield { line: number, record: JSON.parse(line) as unknown };
    } catch (error) {
      yield { line: number, error: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
    }
  }
}

/** Reads CSV with a header row (RFC 4180: quotes, embedded commas and newlines). */
export async function* readCsv(path: string): AsyncGenerator<ReadRecord> {
  const parser = createReadStream(path).pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true }),
  );
  try {
    for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; invalid_field_length: number } }>) {
      yield { line: row.info.lines, record: row.record };
    }
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 0;
    yield { line, error: `the CSV cannot be read from here on (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** Reads a records file in the format its name says. */
export function readRecords(path: string): AsyncGenerator<ReadRecord> {
  return detectRecordFormat(path) === 'csv' ? readCsv(path) : readJsonLines(path);
}

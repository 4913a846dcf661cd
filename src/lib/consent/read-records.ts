/**
 * Streaming consent records from a file, JSON Lines or CSV, with the line
 * each starts on, in constant memory: a million records, or one line of
 * 50 MB, are read without holding more than one record (at most
 * {@link MAX_RECORD_BYTES}).
 *
 * Every record is yielded exactly once, read or not: a line that cannot be
 * read is an error of that record only, and reading goes on at the next
 * line. In CSV a quoted field may span lines; a record that does not parse
 * as a whole (a stray quote, a quoted field still open at the end of the
 * file or after 1 MB, a field count that is not the header's) is reported at
 * its first line, and reading resumes at the line after it, so a stray quote
 * can never swallow the rows behind it.
 */
import { createReadStream } from 'node:fs';
import { CsvRecordParser, describeCsvError } from './csv-record.ts';
import { findDuplicateKey } from './json-duplicate-keys.ts';
import { describeLineProblem, MAX_RECORD_BYTES, readPhysicalLines, type PhysicalLine } from './read-lines.ts';

/**
 * A record read from the file (its fields and its exact bytes, for spotting
 * duplicates), or why it could not be read. `cutShort` marks a CSV row that
 * ends just before its `sha256` column.
 */
export type ReadRecord = { line: number; record: unknown; bytes: Buffer; cutShort?: true } | { line: number; error: string };

/** The format of a records file, from its extension (`.csv`, else JSON Lines). */
function detectRecordFormat(path: string): 'csv' | 'jsonl' {
  return /\.csv$/i.test(path) ? 'csv' : 'jsonl';
}

/** Reads JSON Lines: one JSON object per line; blank lines are skipped. Records come in batches. */
export async function* readJsonLines(lines: AsyncIterable<PhysicalLine[]>): AsyncGenerator<ReadRecord[]> {
  for await (const batch of lines) {
    const records: ReadRecord[] = [];
    for (const line of batch) {
      if (!('text' in line)) {
        records.push({ line: line.number, error: describeLineProblem(line) });
        continue;
      }
      // Only a line that starts blank can be blank: trimming every line would copy every record.
      if (line.text === '' || (line.text.charCodeAt(0) <= 0x20 && line.text.trim() === '')) continue;
      let record: unknown;
      try {
        record = JSON.parse(line.text) as unknown;
      } catch (error) {
        records.push({ line: line.number, error: `not valid JSON (${error instanceof Error ? error.message : String(error)})` });
        continue;
      }
      const twice = findDuplicateKey(line.text, record);
      if (twice === null) records.push({ line: line.number, record, bytes: line.bytes });
      else records.push({ line: line.number, error: `the key ${JSON.stringify(twice)} is given twice in one object: which value was recorded cannot be told; write each key once` });
    }
    if (records.length > 0) yield records;
  }
}

/** Physical lines with the ability to read some of them again. */
export class LineQueue {
  private replay: PhysicalLine[] = [];
  private batch: PhysicalLine[] = [];
  private at = 0;
  private readonly source: AsyncIterator<PhysicalLine[]>;
  constructor(source: AsyncIterator<PhysicalLine[]>) {
    this.source = source;
  }
  async next(): Promise<PhysicalLine | undefined> {
    const replayed = this.replay.shift();
    if (replayed) return replayed;
    while (this.at >= this.batch.length) {
      const next = await this.source.next();
      if (next.done) return undefined;
      this.batch = next.value;
      this.at = 0;
    }
    const line = this.batch[this.at] as PhysicalLine;
    this.at += 1;
    return line;
  }
  /** Puts lines back, to be read before any new one. */
  unread(lines: PhysicalLine[]): void {
    this.replay.unshift(...lines);
  }
}

const NEWLINE = Buffer.from('\n');

type TextLine = Extract<PhysicalLine, { text: string }>;

/** A CSV record's fields and bytes, with the physical lines after its first (to read again if the record is refused). */
export type CsvRead = { line: number; fields: string[]; bytes: Buffer; rest: PhysicalLine[] } | { line: number; error: string };

/** The next CSV record, reading on while a quoted field is open; undefined at the end. */
export async function readCsvRecord(queue: LineQueue, describeColumn: (field: number) => string | undefined): Promise<CsvRead | undefined> {
  let first: PhysicalLine | undefined;
  do first = await queue.next();
  while (first && 'text' in first && first.text === '');
  if (!first) return undefined;
  if (!('text' in first)) return { line: first.number, error: describeLineProblem(first) };
  const parser = new CsvRecordParser();
  const taken: TextLine[] = [first];
  let bytes = first.bytes.length;
  let state = parser.feed(first.text);
  // What the first line opened, to describe a record that breaks on a later line by the text of its own.
  const opened = state === 'open' ? { field: parser.fields.length, value: parser.openValue } : null;
  while (state === 'open') {
    const next = await queue.next();
    if (!next || !('text' in next) || bytes + 1 + next.bytes.length > MAX_RECORD_BYTES) {
      // Read the lines again from the second one on: the quote that opened this field was probably a stray one.
      queue.unread([...taken.slice(1), ...(next ? [next] : [])]);
      const why = next ? ('text' in next ? `within the ${MAX_RECORD_BYTES / 1024 / 1024} MB record limit` : `before line ${next.number}, which cannot be read`) : 'before the end of the file';
      return {
        line: first.number,
        error: `a quoted field opens in field ${parser.fields.length + 1}${describeColumn(parser.fields.length) ? ` (${describeColumn(parser.fields.length)})` : ''} and does not close ${why}`,
      };
    }
    taken.push(next);
    bytes += 1 + next.bytes.length;
    state = parser.feed(next.text);
  }
  if (state !== 'done') {
    queue.unread(taken.slice(1));
    const problem = describeCsvError(state, describeColumn(state.field));
    if (!opened || taken.length === 1) return { line: first.number, error: problem };
    // The record is this line's: say what it opened, and where reading on from it broke.
    const column = describeColumn(opened.field);
    const last = taken.at(-1)?.number ?? first.number;
    return {
      line: first.number,
      error: `field ${opened.field + 1}${column ? ` (${column})` : ''} opens a quote (${JSON.stringify(opened.value.slice(0, 20))}) that does not close on its line; read on to line ${last}, the record breaks there: ${problem}`,
    };
  }
  const joined = taken.length === 1 ? first.bytes : Buffer.concat(taken.flatMap((line, index) => (index > 0 ? [NEWLINE, line.bytes] : [line.bytes])));
  return { line: first.number, fields: parser.fields, bytes: joined, rest: taken.slice(1) };
}

/**
 * Reads CSV with a header row (RFC 4180: quotes, embedded commas and
 * newlines). Each row must have the header's number of fields; a row that
 * stops just before the `sha256` column is read, marked `cutShort`.
 */
async function* readCsv(lines: AsyncIterable<PhysicalLine[]>): AsyncGenerator<ReadRecord[]> {
  const queue = new LineQueue(lines[Symbol.asyncIterator]());
  let header: string[] | undefined;
  let headerError: string | undefined;
  let batch: ReadRecord[] = [];
  const yielded = function* (record: ReadRecord): Generator<ReadRecord[]> {
    batch.push(record);
    if (batch.length >= 512) {
      yield batch;
      batch = [];
    }
  };
  for (;;) {
    const read = await readCsvRecord(queue, (field) => header?.[field]);
    if (!read) {
      if (batch.length > 0) yield batch;
      return;
    }
    if (header === undefined && headerError === undefined) {
      if ('error' in read) headerError = `the header row (line ${read.line}) cannot be read: ${read.error}`;
      else {
        header = read.fields.map((name) => name.trim());
        const twice = header.find((name, index) => header?.indexOf(name) !== index);
        if (twice !== undefined) headerError = `the header row (line ${read.line}) names the column "${twice}" twice`;
      }
      continue;
    }
    if (headerError !== undefined || !header) {
      yield* yielded({ line: read.line, error: headerError ?? 'no header row' });
      continue;
    }
    if ('error' in read) {
      yield* yielded(read);
      continue;
    }
    const row = toCsvRow(read, header);
    // A record over several lines with the wrong field count may be a stray quote that paired with a later one.
    if ('error' in row) queue.unread(read.rest);
    yield* yielded(row);
  }
}

/**
 * A CSV record read whole, as a record of the header's columns: its fields
 * must be as many as the header's, or stop just before the `sha256` column
 * (`cutShort`). An error when not; its later lines are then read again.
 */
export function toCsvRow(read: Extract<CsvRead, { fields: string[] }>, header: readonly string[]): ReadRecord {
  const hashColumn = header.indexOf('sha256');
  const cutShort = read.fields.length < header.length && read.fields.length === hashColumn;
  if (read.fields.length !== header.length && !cutShort) {
    return {
      line: read.line,
      error:
        read.fields.length > header.length
          ? `the row has ${read.fields.length} fields and the header ${header.length}: a value with a comma must be quoted ("Smith, John")`
          : `the row has ${read.fields.length} fields and the header ${header.length}: a value is missing`,
    };
  }
  const record: Record<string, string> = {};
  for (const [index, value] of read.fields.entries()) record[header[index] as string] = value;
  return cutShort ? { line: read.line, record, bytes: read.bytes, cutShort: true } : { line: read.line, record, bytes: read.bytes };
}

/** Reads a records file in the format its name says, in batches of records. */
export function readRecords(path: string): AsyncGenerator<ReadRecord[]> {
  const lines = readPhysicalLines(createReadStream(path) as AsyncIterable<Buffer>);
  return detectRecordFormat(path) === 'csv' ? readCsv(lines) : readJsonLines(lines);
}

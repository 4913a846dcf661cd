/**
 * A whole CSV text read back into rows with the strict RFC 4180 parser
 * verify uses, for tests that check files and query results: a row that
 * parser refuses is an error here, never a silently different row.
 */
import { CsvRecordParser } from '#lib/consent/csv-record.ts';

/** The rows of `text`, whose lines end in CR LF (versions.csv) or LF (psql --csv); a last line ending is optional. */
export function parseCsvRows(text: string): string[][] {
  const lineEnding = text.includes('\r\n') ? '\r\n' : '\n';
  const body = text.endsWith(lineEnding) ? text.slice(0, -lineEnding.length) : text;
  const rows: string[][] = [];
  if (body === '') return rows;
  let parser = new CsvRecordParser();
  for (const line of body.split(lineEnding)) {
    const state = parser.feed(line);
    if (state === 'open') continue;
    if (state !== 'done') throw new Error(`CSV row ${rows.length + 1}: ${state.problem} in field ${state.field + 1} (${JSON.stringify(state.value)})`);
    rows.push(parser.fields);
    parser = new CsvRecordParser();
  }
  if (parser.fields.length > 0) throw new Error(`CSV row ${rows.length + 1}: a quoted field is never closed`);
  return rows;
}

/**
 * What an embedded engine must know of a records file before it reads it
 * line by line: which line ending it uses, and whether it is UTF-8. The
 * streaming verifier splits on LF and drops a CR before it; DuckDB's reader
 * treats any CR as a line break, so its line numbers match only in a file
 * whose every line ends the same way. A file it cannot number the same way
 * (mixed endings, a lone CR, a NUL byte, bytes that are not UTF-8) is left to the
 * streaming verifier, which reports such lines one by one.
 */
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';

/**
 * How a file's lines end, or why an engine cannot number them as `verify`
 * does. `plain`: a CSV file DuckDB's own CSV reader reads line for line as
 * verify does (no empty line, no byte order mark at its start, no line
 * longer than MAX_PLAIN_LINE_BYTES, and every quote well placed: see
 * quotesWellPlaced); `quoted`: it has a quote.
 */
export type LineEndings = { ok: true; newline: '\n' | '\r\n'; plain: boolean; quoted: boolean; longestLine: number } | { ok: false; reason: string };

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;
const CHUNK = 4 * 1024 * 1024;
/** The longest line DuckDB reads here (its reader holds two of these per thread in memory; see duckdb-engine.ts): a longer one is left to the streaming verifier, which calls it too long, as it calls every line over 1 MB. */
const MAX_ENGINE_LINE_BYTES = 64 * 1024 * 1024;
/** The longest line of a plain CSV file read by DuckDB's CSV reader, whose buffers (two a thread, each twice this) must fit the memory limit beside the query: a file with a longer line is read line by line instead. Lines over 1 MB are malformed (too long) either way. */
export const MAX_PLAIN_LINE_BYTES = 2 * 1024 * 1024;

/** The length of a buffer without a UTF-8 sequence cut at its end (it is checked with the next chunk). */
function completeLength(buffer: Buffer): number {
  for (let back = 1; back <= 3 && back <= buffer.length; back += 1) {
    const byte = buffer[buffer.length - back] as number;
    if ((byte & 0xc0) !== 0x80) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return needed > back ? buffer.length - back : buffer.length;
    }
  }
  return buffer.length;
}

/**
 * Whether every quote of the complete lines in `buffer` from `start` to `end`
 * (each ending in LF, the last one perhaps at the end of the file) opens a
 * field, at the start of a line or after a comma, and closes it on the same
 * line, before a comma or the line's end, with only doubled quotes between:
 * the one shape of quoting that verify's strict parser (csv-record.ts) and
 * DuckDB's CSV reader (quote and escape `"`) read alike, field for field
 * and one line a record. A quoted field with a line break, a stray quote or
 * text after a closing quote is read line by line instead, where verify's
 * own parser reads it.
 */
function quotesWellPlaced(buffer: Buffer, start: number, end: number): boolean {
  // The end of the line the field opens on, found once a line: a field closing after it runs on to the next line.
  let lineEnd = -1;
  for (let open = buffer.indexOf(QUOTE, start); open !== -1 && open < end; open = buffer.indexOf(QUOTE, open)) {
    if (open !== start && buffer[open - 1] !== COMMA && buffer[open - 1] !== LF) return false;
    if (lineEnd < open) {
      const lf = buffer.indexOf(LF, open);
      lineEnd = lf === -1 || lf >= end ? end : lf;
    }
    let close = buffer.indexOf(QUOTE, open + 1);
    while (close !== -1 && close + 1 < end && buffer[close + 1] === QUOTE) close = buffer.indexOf(QUOTE, close + 2);
    if (close === -1 || close >= end || close > lineEnd) return false;
    const after = close + 1 < end ? buffer[close + 1] : LF;
    if (after !== COMMA && after !== LF && !(after === CR && buffer[close + 2] === LF)) return false;
    open = close + 1;
  }
  return true;
}

/** Reads the file once: counts LF, CR and CR LF, looks for NUL bytes, checks UTF-8, and measures the longest line (its bytes, with a CR before the LF), which sizes DuckDB's read buffers. */
export async function scanRecordsFile(path: string): Promise<LineEndings> {
  const file = await open(path, 'r');
  try {
    let lf = 0;
    let cr = 0;
    let crlf = 0;
    let previous = -1;
    let lineStart = 0;
    let offset = 0;
    let longest = 0;
    // Plain: no empty line, no byte order mark, quotes well placed; a CSV file DuckDB's own reader reads line for line as verify does (duckdb-engine.ts).
    let plain = true;
    let quoted = false;
    // The last line of the chunk before, not yet ended, whose quotes are checked with the chunk that ends it.
    let unended = Buffer.alloc(0);
    let carry = Buffer.alloc(0);
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      for (let at = chunk.indexOf(LF); at !== -1; at = chunk.indexOf(LF, at + 1)) {
        lf += 1;
        if ((at === 0 ? previous : chunk[at - 1]) === CR) crlf += 1;
        longest = Math.max(longest, offset + at - lineStart);
        if (offset + at - lineStart <= 1 && (offset + at === lineStart || (at === 0 ? previous : chunk[at - 1]) === CR)) plain = false;
        lineStart = offset + at + 1;
      }
      if (offset === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) plain = false;
      if (chunk.includes(QUOTE)) quoted = true;
      if (plain) {
        const firstEnd = chunk.indexOf(LF);
        const lastEnd = chunk.lastIndexOf(LF);
        // A line longer than a plain one is read line by line anyway: no need to keep it (a JSON Lines file of one 1 GB line would be held whole).
        if (firstEnd === -1 && unended.length + chunk.length > MAX_PLAIN_LINE_BYTES) plain = false;
        else if (firstEnd === -1) unended = Buffer.concat([unended, chunk]);
        else {
          if (quoted) {
            const straddling = Buffer.concat([unended, chunk.subarray(0, firstEnd + 1)]);
            plain = quotesWellPlaced(straddling, 0, straddling.length) && quotesWellPlaced(chunk, firstEnd + 1, lastEnd + 1);
          }
          unended = Buffer.from(chunk.subarray(lastEnd + 1));
        }
      }
      offset += bytesRead;
      for (let at = chunk.indexOf(CR); at !== -1; at = chunk.indexOf(CR, at + 1)) cr += 1;
      // DuckDB reads the lines as one column cut at NUL, so a NUL would cut a line where verify reads it whole.
      if (chunk.includes(0)) return { ok: false, reason: 'it holds a NUL byte' };
      previous = chunk[bytesRead - 1] as number;
      const text = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const complete = completeLength(text);
      if (!isUtf8(text.subarray(0, complete))) return { ok: false, reason: 'it is not UTF-8 throughout' };
      carry = Buffer.from(text.subarray(complete));
    }
    if (carry.length > 0) return { ok: false, reason: 'it ends inside a UTF-8 character' };
    if (plain && unended.includes(QUOTE)) plain = quotesWellPlaced(unended, 0, unended.length);
    const longestLine = Math.max(longest, offset - lineStart);
    if (longestLine > MAX_ENGINE_LINE_BYTES) return { ok: false, reason: `it holds a line longer than ${MAX_ENGINE_LINE_BYTES / 2 ** 20} MB` };
    if (longestLine > MAX_PLAIN_LINE_BYTES) plain = false;
    if (cr === 0) return { ok: true, newline: '\n', plain, quoted, longestLine };
    // Every CR before an LF and every LF after a CR: DuckDB's CR LF lines are verify's lines.
    if (cr === crlf && crlf === lf) return { ok: true, newline: '\r\n', plain, quoted, longestLine };
    return { ok: false, reason: cr === crlf ? 'some lines end in CR LF and others in LF' : 'it holds a CR that does not end a line' };
  } finally {
    await file.close();
  }
}

/**
 * Physical lines of a records file, in constant memory: a line longer than
 * the record limit is reported by its length and never held, so one 50 MB
 * line costs no more memory than a short one. Bytes are split on LF (a CR
 * before it is dropped), checked as UTF-8, and only then decoded.
 */
import { isUtf8 } from 'node:buffer';

/** The longest record `verify` reads, in bytes (1 MiB); longer ones are malformed. */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** One physical line: its text and bytes (line ending and BOM dropped), or why it has none. */
export type PhysicalLine = { number: number; text: string; bytes: Buffer } | { number: number; problem: 'too-long'; bytes: number } | { number: number; problem: 'not-utf8' };

const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits a byte stream into lines numbered from 1, a batch per chunk read
 * (one await per line would cost more than reading it). A UTF-8 byte order
 * mark at the very start is dropped; a last line without LF is a line too.
 */
export async function* readPhysicalLines(input: AsyncIterable<Buffer>, limit: number = MAX_RECORD_BYTES): AsyncGenerator<PhysicalLine[]> {
  let pieces: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let number = 0;
  const append = (piece: Buffer) => {
    size += piece.length;
    if (tooLong) return;
    // Past the limit the bytes are only counted: holding them is what made memory grow with the line.
    if (size > limit) {
      tooLong = true;
      pieces = [];
    } else if (piece.length > 0) pieces.push(piece);
  };
  const finish = (): PhysicalLine => {
    number += 1;
    let line: PhysicalLine;
    if (tooLong) line = { number, problem: 'too-long', bytes: size };
    else {
      let bytes = pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces, size);
      if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, -1);
      if (number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      line = isUtf8(bytes) ? { number, text: bytes.toString('utf8'), bytes } : { number, problem: 'not-utf8' };
    }
    pieces = [];
    size = 0;
    tooLong = false;
    return line;
  };
  for await (const chunk of input) {
    const batch: PhysicalLine[] = [];
    let start = 0;
    for (;;) {
      const end = chunk.indexOf(LF, start);
      if (end === -1) {
        append(chunk.subarray(start));
        break;
      }
      append(chunk.subarray(start, end));
      batch.push(finish());
      start = end + 1;
    }
    if (batch.length > 0) yield batch;
  }
  if (size > 0 || tooLong) yield [finish()];
}

/** What to say about a line that has no text. */
export function describeLineProblem(line: Exclude<PhysicalLine, { text: string }>): string {
  return line.problem === 'too-long' ? `the record is longer than the ${MAX_RECORD_BYTES / 1024 / 1024} MB limit (${line.bytes} bytes); it was not read` : 'the line is not valid UTF-8; save the file as UTF-8';
}

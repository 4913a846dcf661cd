/**
 * The scan that decides how the engine reads a records file: which CSV files
 * DuckDB's own CSV reader may read (plain: quotes only around whole fields on
 * one line, the one quoting verify's strict parser and DuckDB's reader read
 * alike), and which are read line by line. A quote is judged with its whole
 * line, also where the line runs across the 4 MB chunks the scan reads.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanRecordsFile } from '#lib/consent/sql/line-endings.ts';

const dir = mkdtempSync(join(tmpdir(), 'policy-press-scan-'));
let count = 0;
async function scan(content: string) {
  const file = join(dir, `records-${count++}.csv`);
  writeFileSync(file, content);
  return scanRecordsFile(file);
}

const CHUNK = 4 * 1024 * 1024;

describe('scanRecordsFile: plain CSV, quoted or not', () => {
  test.each([
    ['no quote', 'a,b\nc,d\n', false],
    ['whole fields quoted', 'a,"b"\n"c","d"\n', true],
    ['CR LF line endings', '"a","b"\r\n"c",d\r\n', true],
    ['a comma and doubled quotes inside a quoted field', 'a,"b, c","O""Brien"\n', true],
    ['empty quoted fields, and a field that is one quote', '"",""""\n', true],
    ['a last line without its line ending', 'a,b\n"c","d"', true],
  ])('%s: plain', async (_name, content, quoted) => {
    expect(await scan(content)).toEqual({ ok: true, newline: content.includes('\r') ? '\r\n' : '\n', plain: true, quoted, longestLine: expect.any(Number) });
  });

  test.each([
    ['a quote inside a bare field', 'a,O"Brien\n'],
    ['text after a closing quote', 'a,"b"c\n'],
    ['a space before an opening quote', 'a, "b"\n'],
    ['a space after a closing quote', 'a,"b" \n'],
    ['a quoted field that runs on to the next line', 'a,"b\nc"\n'],
    ['a quoted field never closed, a quote on the next line', 'a,"b""\nc,"d"\n'],
    ['a quoted field never closed at the end of the file', 'a,b\n"c'],
    ['an empty line', '"a",b\n\nc,d\n'],
    ['a byte order mark at the start', '\uFEFF"a",b\n'],
  ])('%s: read line by line', async (_name, content) => {
    expect(await scan(content)).toMatchObject({ ok: true, plain: false, quoted: true });
  });

  // A line `x…x,"b,""c"",d"` whose quoted field the end of the first chunk cuts at each of its bytes: its opening quote, the doubled quotes, the closing one.
  test.each(Array.from({ length: 14 }, (_, cut) => cut))('a quoted field cut by the end of a chunk %i bytes after its comma is judged with its whole line', async (cut) => {
    const before = 'a,b\n'.repeat(Math.floor((CHUNK - 20) / 4));
    const pad = 'x'.repeat(CHUNK - before.length - cut - 1);
    expect(await scan(`${before}${pad},"b,""c"",d"\ne,f\n`)).toMatchObject({ ok: true, plain: true, quoted: true });
    // The same line with a stray quote, with text after the closing quote, and with a line break in the quoted field.
    expect(await scan(`${before}${pad},"b,"c",d"\ne,f\n`)).toMatchObject({ ok: true, plain: false });
    expect(await scan(`${before}${pad},"b,""c"",d"x\ne,f\n`)).toMatchObject({ ok: true, plain: false });
    expect(await scan(`${before}${pad},"b,\n""c"",d"\ne,f\n`)).toMatchObject({ ok: true, plain: false });
  });

  test('a line longer than a chunk is not plain, and its length is measured', async () => {
    const long = `"${'x'.repeat(CHUNK)}","${'y'.repeat(CHUNK)}"`;
    expect(await scan(`a,b\n${long}\n"c",d\n`)).toEqual({ ok: true, newline: '\n', plain: false, quoted: true, longestLine: long.length });
    expect(await scan(`a,b\n${long}`)).toEqual({ ok: true, newline: '\n', plain: false, quoted: true, longestLine: long.length });
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { MAX_RECORD_BYTES, readPhysicalLines, type PhysicalLine } from '#lib/consent/read-lines.ts';
import { readRecords, type ReadRecord } from '#lib/consent/read-records.ts';

const folder = mkdtempSync(join(tmpdir(), 'records-папка с пробелом-'));

async function read(name: string, content: string | Buffer): Promise<ReadRecord[]> {
  const path = join(folder, name);
  writeFileSync(path, content);
  const records: ReadRecord[] = [];
  for await (const batch of readRecords(path)) records.push(...batch);
  return records;
}

/** Each record as [line, fields] or [line, error]. */
const summary = (records: ReadRecord[]) => records.map((r) => ('record' in r ? [r.line, r.record] : [r.line, r.error]));

describe('readPhysicalLines', () => {
  async function lines(chunks: Buffer[], limit?: number): Promise<PhysicalLine[]> {
    const out: PhysicalLine[] = [];
    for await (const batch of readPhysicalLines(Readable.from(chunks), limit)) out.push(...batch);
    return out;
  }

  test('splits on LF across chunks, drops CR and a BOM, and keeps a last line without LF', async () => {
    const result = await lines([Buffer.from('\uFEFFa\r\nб'), Buffer.from('в\n\nlast')]);
    expect(result.map((line) => ('text' in line ? line.text : line.problem))).toEqual(['a', 'бв', '', 'last']);
    expect(result.map((line) => line.number)).toEqual([1, 2, 3, 4]);
  });

  test('reports a line over the limit by its length, and goes on with the next', async () => {
    const result = await lines([Buffer.from('0123'), Buffer.from('456789\nok\n')], 8);
    expect(result).toEqual([
      { number: 1, problem: 'too-long', bytes: 10 },
      { number: 2, text: 'ok', bytes: Buffer.from('ok') },
    ]);
  });

  test('reports a line that is not UTF-8', async () => {
    expect(await lines([Buffer.from([0x61, 0xff, 0x0a, 0x62])])).toMatchObject([
      { number: 1, problem: 'not-utf8' },
      { number: 2, text: 'b' },
    ]);
  });
});

describe('readRecords: JSON Lines', () => {
  test('reads JSON Lines with line numbers, skipping blank lines and reporting broken ones', async () => {
    expect(summary(await read('a.jsonl', '\uFEFF{"a":1}\n\n{"a":2}\r\nnot json\n'))).toEqual([
      [1, { a: 1 }],
      [3, { a: 2 }],
      [4, expect.stringMatching(/^not valid JSON/)],
    ]);
  });

  test('keeps the exact bytes of each record, for spotting duplicates', async () => {
    const [first] = await read('b.jsonl', '{"a": 1}\r\n');
    expect(first && 'bytes' in first ? first.bytes.toString() : null).toBe('{"a": 1}');
  });

  test('a record over the 1 MB limit is malformed on its own and the next one is read', async () => {
    const huge = `{"note":"${'x'.repeat(MAX_RECORD_BYTES)}"}`;
    expect(summary(await read('c.jsonl', `{"a":1}\n${huge}\n{"a":3}\n`))).toEqual([
      [1, { a: 1 }],
      [2, `the record is longer than the 1 MB limit (${huge.length} bytes); it was not read`],
      [3, { a: 3 }],
    ]);
  });

  test('a line that is not UTF-8 is malformed', async () => {
    expect(summary(await read('d.jsonl', Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n{"a":2}\n')])))).toEqual([
      [1, 'the line is not valid UTF-8; save the file as UTF-8'],
      [2, { a: 2 }],
    ]);
  });
});

describe('readRecords: a key given twice', () => {
  test('a JSON record with a key given twice is malformed, naming the key, however the key is written', async () => {
    const records = await read(
      'twice.jsonl',
      [
        '{"policy":"privacy","version":"a","version":"b"}',
        '{"policy":"privacy","\\u0070olicy":"terms"}',
        '{"policy":"privacy","documents":[{"version":"a"},{"version":"b"}],"note":"\\"version\\":"}',
        '{"a":{"b":1,"b" :2}}',
      ].join('\n'),
    );
    expect(summary(records)).toEqual([
      [1, 'the key "version" is given twice in one object: which value was recorded cannot be told; write each key once'],
      [2, 'the key "policy" is given twice in one object: which value was recorded cannot be told; write each key once'],
      [3, { policy: 'privacy', documents: [{ version: 'a' }, { version: 'b' }], note: '"version":' }],
      [4, 'the key "b" is given twice in one object: which value was recorded cannot be told; write each key once'],
    ]);
  });
});

describe('readRecords: CSV', () => {
  test('reads CSV with a header, quotes, commas and newlines inside fields, and a BOM', async () => {
    const records = await read('a.csv', '\uFEFFpolicy,locale,note\r\nprivacy,ru,"a, b"\r\nconsent,en,"two\nlines"\r\nterms,ru,"say ""hi"""\r\n');
    expect(summary(records)).toEqual([
      [2, { policy: 'privacy', locale: 'ru', note: 'a, b' }],
      [3, { policy: 'consent', locale: 'en', note: 'two\nlines' }],
      [5, { policy: 'terms', locale: 'ru', note: 'say "hi"' }],
    ]);
  });

  test('a quote inside an unquoted field makes only its own row malformed', async () => {
    expect(summary(await read('b.csv', 'policy,name\nprivacy,Smith\nprivacy,O"Brien\nprivacy,"O""Brien"\n'))).toEqual([
      [2, { policy: 'privacy', name: 'Smith' }],
      [3, 'field 2 (name) has a quote but does not start with one ("O\\"Brien"): quote the whole field and double the quotes inside, e.g. "O""Brien"'],
      [4, { policy: 'privacy', name: 'O"Brien' }],
    ]);
  });

  test('a stray opening quote never swallows the rows behind it: reading resumes at the next line', async () => {
    const rows = ['policy,name', 'privacy,"O\'Brien', ...Array.from({ length: 50 }, (_, i) => `privacy,user${i}`)];
    const records = await read('c.csv', `${rows.join('\n')}\n`);
    expect(records).toHaveLength(51);
    expect(summary(records)[0]).toEqual([2, 'a quoted field opens in field 2 (name) and does not close before the end of the file']);
    expect(summary(records).at(-1)).toEqual([52, { policy: 'privacy', name: 'user49' }]);
  });

  test('a stray opening quote that meets a later quote is refused at its line, and the later rows are read again', async () => {
    const records = await read('d.csv', 'policy,name,note\nprivacy,"Ann,x\nprivacy,Bob,"a, b"\nprivacy,Cy,z\n');
    expect(summary(records)).toEqual([
      // Described by its own line's text, and where reading on broke: not by the later line's text alone.
      [
        2,
        'field 2 (name) opens a quote ("Ann,x") that does not close on its line; read on to line 3, the record breaks there: field 2 (name) goes on after its closing quote ("a, b\\""): a quote inside a quoted field is written twice ("")',
      ],
      [3, { policy: 'privacy', name: 'Bob', note: 'a, b' }],
      [4, { policy: 'privacy', name: 'Cy', note: 'z' }],
    ]);
  });

  test('a quoted field that spans lines but gives the wrong field count is refused at its first line, the rest read again', async () => {
    const records = await read('e.csv', 'policy,name\nprivacy,"Ann\nprivacy,Bob",extra\nprivacy,Cy\n');
    expect(summary(records)).toEqual([
      [2, 'the row has 3 fields and the header 2: a value with a comma must be quoted ("Smith, John")'],
      [3, expect.stringMatching(/^field 2 \(name\) has a quote/)],
      [4, { policy: 'privacy', name: 'Cy' }],
    ]);
  });

  test('a row with more fields than the header (an unquoted comma) is malformed, and one with fewer too', async () => {
    expect(summary(await read('f.csv', 'policy,locale,name\nprivacy,ru,Smith, John\nprivacy,ru\nprivacy,ru,Ann\n'))).toEqual([
      [2, 'the row has 4 fields and the header 3: a value with a comma must be quoted ("Smith, John")'],
      [3, 'the row has 2 fields and the header 3: a value is missing'],
      [4, { policy: 'privacy', locale: 'ru', name: 'Ann' }],
    ]);
  });

  test('a row that stops just before the sha256 column is read and marked cut short', async () => {
    const records = await read('g.csv', 'policy,acceptedAt,sha256,email\nprivacy,2025-09-01\nprivacy,2025-09-01,,\n');
    expect(records).toEqual([
      { line: 2, record: { policy: 'privacy', acceptedAt: '2025-09-01' }, bytes: Buffer.from('privacy,2025-09-01'), cutShort: true },
      { line: 3, record: { policy: 'privacy', acceptedAt: '2025-09-01', sha256: '', email: '' }, bytes: Buffer.from('privacy,2025-09-01,,') },
    ]);
  });

  test('a header that names a column twice makes every row malformed, each counted', async () => {
    expect(summary(await read('h.csv', 'policy,policy\na,b\nc,d\n'))).toEqual([
      [2, 'the header row (line 1) names the column "policy" twice'],
      [3, 'the header row (line 1) names the column "policy" twice'],
    ]);
  });

  test('a header alone, or an empty file, gives no records', async () => {
    expect(await read('i.csv', 'policy,locale\n\n')).toEqual([]);
    expect(await read('j.csv', '')).toEqual([]);
  });
});

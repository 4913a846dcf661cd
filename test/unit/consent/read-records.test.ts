import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readRecords, type ReadRecord } from '#lib/consent/read-records.ts';

const folder = mkdtempSync(join(tmpdir(), 'records-'));

async function read(name: string, content: string): Promise<ReadRecord[]> {
  const path = join(folder, name);
  writeFileSync(path, content);
  const records: ReadRecord[] = [];
  for await (const record of readRecords(path)) records.push(record);
  return records;
}

describe('readRecords', () => {
  test('reads JSON Lines with line numbers, skipping blank lines and reporting broken ones', async () => {
    expect(await read('a.jsonl', '\uFEFF{"a":1}\n\n{"a":2}\r\nnot json\n')).toEqual([
      { line: 1, record: { a: 1 } },
      { line: 3, record: { a: 2 } },
      { line: 4, error: expect.stringMatching(/^not valid JSON/) as unknown as string },
    ]);
  });

  test('reads CSV with a header, quotes, commas and newlines inside fields, and a BOM', async () => {
    const records = await read('a.csv', '\uFEFFpolicy,locale,note\r\nprivacy,ru,"a, b"\r\nconsent,en,"two\nlines"\r\n');
    expect(records.map((r) => ('record' in r ? r.record : r))).toEqual([
      { policy: 'privacy', locale: 'ru', note: 'a, b' },
      { policy: 'consent', locale: 'en', note: 'two\nlines' },
    ]);
    expect(records[0]?.line).toBe(2);
  });
});

import { describe, expect, test } from 'vitest';
import { RecordFingerprints } from '#lib/consent/duplicate-records.ts';

describe('RecordFingerprints', () => {
  test('gives the line of the first identical record, and 0 for a new one', () => {
    const seen = new RecordFingerprints();
    expect(seen.add(Buffer.from('{"a":1}'), 1)).toBe(0);
    expect(seen.add(Buffer.from('{"a":2}'), 2)).toBe(0);
    expect(seen.add(Buffer.from('{"a":1}'), 3)).toBe(1);
    expect(seen.add(Buffer.from('{"a":1}'), 4)).toBe(1);
  });

  test('records that differ in one byte, in order of keys, or in length are not duplicates', () => {
    const seen = new RecordFingerprints();
    const texts = ['{"a":1,"b":2}', '{"b":2,"a":1}', '{"a":1,"b":3}', '{"a":1,"b":2} ', 'абв', 'абг', '', 'x'];
    for (const [index, text] of texts.entries()) expect(seen.add(Buffer.from(text), index + 1), text).toBe(0);
  });

  test('keeps every record apart while growing past many thousands', () => {
    const seen = new RecordFingerprints();
    for (let line = 1; line <= 200_000; line++) expect(seen.add(Buffer.from(`{"user":"u${line}"}`), line)).toBe(0);
    expect(seen.add(Buffer.from('{"user":"u123456"}'), 200_001)).toBe(123_456);
    expect(seen.add(Buffer.from('{"user":"u1"}'), 200_002)).toBe(1);
  });
});

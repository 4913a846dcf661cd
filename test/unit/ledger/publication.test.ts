import { describe, expect, test } from 'vitest';
import { getLedgerStart, getPublication, getPublishedHashes } from '#lib/ledger/publication.ts';

const record = (publishedAt: string, sha256 = 'a'.repeat(64), corrections: { sha256: string }[] = []) => ({
  publishedAt,
  sha256,
  corrections: corrections.map((correction, index) => ({ date: '2026-02-01', reason: `fix ${index}`, previousSha256: 'a'.repeat(64), recordedAt: publishedAt, ...correction })),
});

describe('what the ledger says about publication', () => {
  test('the ledger starts with its earliest publish, whatever the order', () => {
    expect(getLedgerStart([record('2026-03-01T00:00:00Z'), null, record('2026-01-01T10:00:00.000Z'), record('2026-02-01T00:00:00Z')])).toBe('2026-01-01T10:00:00.000Z');
    expect(getLedgerStart([null, null])).toBeNull();
  });

  test.each([
    // Recorded before (or at) the instant it takes effect: announced.
    ['2026-01-01T00:00:00Z', '2026-06-01T00:00:00Z', 'published'],
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'published'],
    // In force before the ledger's first publish: imported history.
    ['2026-01-01T00:00:00Z', '2023-03-01T00:00:00Z', 'imported'],
    // In force before a later publish recorded it.
    ['2026-05-01T00:00:00Z', '2026-04-01T00:00:00Z', 'backdated'],
  ])('recorded at %s, in force from %s: %s', (publishedAt, effective, publication) => {
    expect(getPublication(record(publishedAt), Date.parse(effective), '2026-01-01T00:00:00.000Z')).toBe(publication);
  });

  test('a version outside the ledger has no publication', () => {
    expect(getPublication(null, 0, '2026-01-01T00:00:00.000Z')).toBeNull();
  });

  test('every text a version had is listed once, as published then corrected', () => {
    const [a, b] = ['a'.repeat(64), 'b'.repeat(64)];
    expect(getPublishedHashes(record('2026-01-01T00:00:00Z', a, [{ sha256: b }, { sha256: a }]))).toEqual([a, b]);
  });
});

import { describe, expect, test } from 'vitest';
import { getPublishedHashes } from '#lib/ledger/publication.ts';

const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((letter) => letter.repeat(64)) as [string, string, string, string];
const change = (sha256: string, recordedAt: string) => ({ date: '2026-02-01', reason: 'fix', previousSha256: a, sha256, recordedAt });

describe('the texts the ledger says a version had', () => {
  test('every text is listed once, as published then corrected', () => {
    expect(getPublishedHashes({ sha256: a, corrections: [change(b, '2026-01-02T00:00:00Z'), change(a, '2026-01-03T00:00:00Z')] })).toEqual([a, b]);
  });

  test('postponements and corrections are listed in the order they were recorded', () => {
    const postponed = { previousEffectiveFrom: '2026-06-01T00:00:00Z', effectiveFrom: '2026-07-01T00:00:00Z', previousSha256: a, sha256: c, recordedAt: '2026-01-02T00:00:00Z', reason: 'delay' };
    expect(getPublishedHashes({ sha256: a, corrections: [change(d, '2026-01-05T00:00:00Z')], rescheduled: [postponed] })).toEqual([a, c, d]);
  });
});

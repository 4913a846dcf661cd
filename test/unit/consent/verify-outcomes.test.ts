import { describe, expect, test } from 'vitest';
import { OUTCOMES, OutcomeTally, outcomeFails, pickOutcome, type Outcome } from '#lib/consent/verify-outcomes.ts';

describe('pickOutcome', () => {
  test('gives the most serious failing outcome of those that apply', () => {
    expect(pickOutcome(new Set<Outcome>(['no-hash', 'hash-mismatch', 'ok']), {})).toBe('hash-mismatch');
    expect(pickOutcome(new Set<Outcome>(['duplicate', 'not-in-force']), {})).toBe('not-in-force');
  });

  test('gives a non-failing kind rather than ok, and ok when nothing else applies', () => {
    expect(pickOutcome(new Set<Outcome>(['ok', 'duplicate']), {})).toBe('duplicate');
    expect(pickOutcome(new Set<Outcome>(['ok', 'no-hash', 'duplicate']), { allowMissingHash: true })).toBe('no-hash');
    expect(pickOutcome(new Set<Outcome>(['ok']), {})).toBe('ok');
  });

  test('a failing kind wins over a more serious one that the options allow', () => {
    expect(pickOutcome(new Set<Outcome>(['no-hash', 'duplicate']), { allowMissingHash: true, strict: true })).toBe('duplicate');
  });
});

describe('outcomeFails', () => {
  test('duplicates fail only with --strict, records without a hash unless --allow-missing-hash, every other kind but ok always', () => {
    expect(outcomeFails('duplicate', {})).toBe(false);
    expect(outcomeFails('duplicate', { strict: true })).toBe(true);
    expect(outcomeFails('no-hash', {})).toBe(true);
    expect(outcomeFails('no-hash', { allowMissingHash: true })).toBe(false);
    for (const outcome of Object.keys(OUTCOMES) as Outcome[]) {
      if (outcome === 'duplicate' || outcome === 'no-hash') continue;
      expect(outcomeFails(outcome, { allowMissingHash: true }), outcome).toBe(outcome !== 'ok');
    }
  });
});

describe('OutcomeTally', () => {
  function tally(outcomes: Outcome[], policy = {}): OutcomeTally {
    const counts = new OutcomeTally(policy);
    for (const outcome of outcomes) counts.add(outcome, false);
    return counts;
  }

  test('sums up so that the counts add up to the records read, in the order of the outcome table', () => {
    const counts = tally(['ok', 'not-in-force', 'malformed', 'hash-mismatch', 'not-in-force', 'unknown-version']);
    expect(counts.summary()).toBe('6 records: 1 ok, 4 failed (1 unknown-version, 2 not-in-force, 1 hash-mismatch), 1 malformed.');
    expect(counts.failed).toBe(true);
  });

  test('lists the kinds that do not fail beside ok, and moves them into failed under the options that make them fail', () => {
    expect(tally(['ok', 'duplicate', 'no-hash'], { allowMissingHash: true }).summary()).toBe('3 records: 1 ok, 1 no-hash, 1 duplicate, 0 failed, 0 malformed.');
    expect(tally(['ok', 'duplicate'], {}).failed).toBe(false);
    expect(tally(['ok', 'duplicate'], { strict: true }).summary()).toBe('2 records: 1 ok, 1 failed (1 duplicate), 0 malformed.');
  });

  test('counts ok records with a note', () => {
    const counts = new OutcomeTally({});
    counts.add('ok', true);
    counts.add('ok', false);
    expect(counts.summary()).toBe('2 records: 2 ok (1 with a note), 0 failed, 0 malformed.');
  });

  test('one record reads "1 record"', () => {
    expect(tally(['ok']).summary()).toBe('1 record: 1 ok, 0 failed, 0 malformed.');
  });
});

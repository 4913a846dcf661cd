import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countStartedBy, findInForceAt, findNextAfter, getIntervalStatus, hasBegun, isInForceAt } from '#lib/time/interval.ts';

const t = (iso: string) => Date.parse(iso);
const change = t('2025-08-31T21:00:00Z');
const next = t('2026-02-14T21:00:00Z');

describe('isInForceAt', () => {
  test.each([
    ['one millisecond before it starts', change - 1, false],
    ['at the exact instant it starts', change, true],
    ['one millisecond before the next starts', next - 1, true],
    ['at the exact instant the next starts', next, false],
  ])('is %s: %s', (_, instant, expected) => {
    expect(isInForceAt({ from: change, until: next }, instant)).toBe(expected);
  });

  test('lasts for ever while no later version exists', () => {
    expect(isInForceAt({ from: change, until: null }, t('2999-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('getIntervalStatus', () => {
  test.each([
    [change - 1, 'scheduled'],
    [change, 'in-force'],
    [next - 1, 'in-force'],
    [next, 'superseded'],
  ])('at %s is %s', (now, status) => {
    expect(getIntervalStatus({ from: change, until: next }, now)).toBe(status);
  });
});

describe('hasBegun', () => {
  test('counts the start itself as begun', () => {
    expect([hasBegun(change, change - 1), hasBegun(change, change)]).toEqual([false, true]);
  });
});

describe('findInForceAt and findNextAfter', () => {
  const starts = [10, 20, 20.5, 30];
  const id = (start: number) => start;

  test.each([
    [9, undefined, 10],
    [10, 10, 20],
    [19.999, 10, 20],
    [20, 20, 20.5],
    [30, 30, undefined],
    [1e9, 30, undefined],
  ])('at %s: %s in force, %s next', (instant, inForce, following) => {
    expect(findInForceAt(starts, instant, id)).toBe(inForce);
    expect(findNextAfter(starts, instant, id)).toBe(following);
  });

  test('finds nothing in an empty list', () => {
    expect(findInForceAt([], 5, id)).toBeUndefined();
    expect(findNextAfter([], 5, id)).toBeUndefined();
    expect(countStartedBy([], 5, id)).toBe(0);
  });

  test('agrees with a linear scan for any sorted list and instant', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 })), fc.integer({ min: -10, max: 1010 }), (values, instant) => {
        const sorted = [...values].sort((a, b) => a - b);
        const started = sorted.filter((start) => start <= instant);
        expect(countStartedBy(sorted, instant, id)).toBe(started.length);
        expect(findInForceAt(sorted, instant, id)).toBe(started.at(-1));
        expect(findNextAfter(sorted, instant, id)).toBe(sorted.find((start) => start > instant));
      }),
    );
  });
});

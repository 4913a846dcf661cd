import fc from 'fast-check';
import { diffArrays } from 'diff';
import { describe, expect, test } from 'vitest';
import { matchSequences } from '#lib/redline/align-sequence.ts';

const keys = (maxLength: number) => fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { maxLength });

function lcsLength(a: string[], b: string[]): number {
  return diffArrays(a, b)
    .filter((part) => !part.added && !part.removed)
    .reduce((sum, part) => sum + part.count, 0);
}

describe('matchSequences', () => {
  test('matches only equal items, in increasing order on both sides', () => {
    fc.assert(
      fc.property(keys(1500), keys(1500), (a, b) => {
        const matches = matchSequences(a, b);
        matches.forEach(([i, j], index) => {
          expect(a[i]).toBe(b[j]);
          const previous = matches[index - 1];
          if (previous) expect(i > previous[0] && j > previous[1]).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });

  test('finds a longest common subsequence on small inputs, as Myers does', () => {
    fc.assert(
      fc.property(keys(60), keys(60), (a, b) => matchSequences(a, b).length === lcsLength(a, b)),
      { numRuns: 300 },
    );
  });

  test('anchors long, very different sequences on their unique items', () => {
    const a = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? `same-${i}` : `old-${i}`));
    const b = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? `same-${i}` : `new-${i}`));
    const matches = matchSequences(a, b);
    expect(matches).toHaveLength(2500);
    expect(matches.every(([i, j]) => i === j && i % 2 === 0)).toBe(true);
  });
});

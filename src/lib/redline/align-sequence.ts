/**
 * Which items of two sequences are the same, in order: the first step of
 * aligning two documents by their blocks. Small inputs go to jsdiff's Myers
 * diff (`diffArrays`), which is exact but costs O(N·D): on two long and very
 * different documents that is seconds. Larger ones are first anchored on the
 * items that occur exactly once on each side (patience diff: a longest
 * increasing subsequence, O(N log N)), and only the gaps between anchors are
 * diffed with Myers, recursively.
 */
import { diffArrays } from 'diff';

/** Above this many items, anchor on unique items before running Myers. */
const MYERS_LIMIT = 600;

/** Pairs of indexes [old, new] of equal items, increasing on both sides. */
export type Matches = [number, number][];

/** Matches equal items of two sequences of keys. */
export function matchSequences(oldKeys: readonly string[], newKeys: readonly string[]): Matches {
  const matches: Matches = [];
  match(oldKeys, newKeys, 0, oldKeys.length, 0, newKeys.length, matches);
  return matches;
}

function match(a: readonly string[], b: readonly string[], aStart: number, aEnd: number, bStart: number, bEnd: number, out: Matches): void {
  // Common prefix and suffix cost nothing to match.
  while (aStart < aEnd && bStart < bEnd && a[aStart] === b[bStart]) out.push([aStart++, bStart++]);
  const suffix: Matches = [];
  while (aStart < aEnd && bStart < bEnd && a[aEnd - 1] === b[bEnd - 1]) suffix.push([--aEnd, --bEnd]);
  if (aStart < aEnd && bStart < bEnd) {
    if (aEnd - aStart + (bEnd - bStart) <= MYERS_LIMIT) matchMyers(a, b, aStart, aEnd, bStart, bEnd, out);
    else {
      const anchors = uniqueAnchors(a, b, aStart, aEnd, bStart, bEnd);
      if (anchors.length === 0) {
        // Nothing to anchor on: Myers with a bound on the edit length, else no matches here at all.
        matchMyers(a, b, aStart, aEnd, bStart, bEnd, out, MYERS_LIMIT);
      } else {
        let [prevA, prevB] = [aStart, bStart];
        for (const [i, j] of anchors) {
          match(a, b, prevA, i, prevB, j, out);
          out.push([i, j]);
          [prevA, prevB] = [i + 1, j + 1];
        }
        match(a, b, prevA, aEnd, prevB, bEnd, out);
      }
    }
  }
  out.push(...suffix.reverse());
}

function matchMyers(a: readonly string[], b: readonly string[], aStart: number, aEnd: number, bStart: number, bEnd: number, out: Matches, maxEditLength = Number.POSITIVE_INFINITY): void {
  const parts = diffArrays(a.slice(aStart, aEnd), b.slice(bStart, bEnd), { maxEditLength, timeout: Number.POSITIVE_INFINITY });
  if (!parts) return;
  let i = aStart;
  let j = bStart;
  for (const part of parts) {
    if (part.added) j += part.count;
    else if (part.removed) i += part.count;
    else for (let k = 0; k < part.count; k++) out.push([i++, j++]);
  }
}

/** Items that occur once in each range, as a longest chain increasing on both sides. */
function uniqueAnchors(a: readonly string[], b: readonly string[], aStart: number, aEnd: number, bStart: number, bEnd: number): Matches {
  const countA = new Map<string, number>();
  const where = new Map<string, number>();
  for (let i = aStart; i < aEnd; i++) {
    const key = a[i] as string;
    countA.set(key, (countA.get(key) ?? 0) + 1);
    where.set(key, i);
  }
  const countB = new Map<string, number>();
  for (let j = bStart; j < bEnd; j++) countB.set(b[j] as string, (countB.get(b[j] as string) ?? 0) + 1);
  const candidates: Matches = [];
  for (let j = bStart; j < bEnd; j++) {
    const key = b[j] as string;
    if (countA.get(key) === 1 && countB.get(key) === 1) candidates.push([where.get(key) as number, j]);
  }
  return longestIncreasingChain(candidates);
}

/** Longest subsequence of pairs (ordered by new index) whose old indexes increase: patience sorting. */
function longestIncreasingChain(pairs: Matches): Matches {
  const tails: number[] = [];
  const previous = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([i], index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((pairs[tails[middle] as number] as [number, number])[0] < i) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1] as number;
    tails[low] = index;
  });
  const chain: Matches = [];
  for (let index = tails.at(-1) ?? -1; index !== -1; index = previous[index] as number) chain.push(pairs[index] as [number, number]);
  return chain.reverse();
}

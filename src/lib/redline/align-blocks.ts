/**
 * Aligning the blocks of two versions. First a diff over the sequence of
 * blocks keyed by their kind and text, so unchanged clauses anchor the
 * alignment; then, inside each stretch of removed and added blocks, pairing
 * the blocks that are edits of one another: by similar wording first, then by
 * clause number (`3.4`) or heading where the wording changed a lot. What
 * stays unpaired is a whole removed or added block.
 */
import { matchSequences } from './align-sequence.ts';
import { LruCache } from '#lib/util/lru-cache.ts';
import { tokenizeWords } from './tokenize-words.ts';

/** The minimal view of a block alignment needs. */
export interface AlignableBlock {
  kind: string;
  text: string;
  clause: string | null;
  depth: number;
}

/** One step of an alignment, as indexes into the old and new block lists. */
export type AlignmentStep = { op: 'equal'; oldIndex: number; newIndex: number } | { op: 'pair'; oldIndex: number; newIndex: number } | { op: 'removed'; oldIndex: number } | { op: 'added'; newIndex: number };

/** Wording similarity at or above which two blocks count as one edited block. */
const SIMILARITY_THRESHOLD = 0.5;
/** Beyond this many candidate pairs in one stretch, compare only near the diagonal. */
const MAX_PAIRWISE = 40_000;
const BAND = 30;

const keyOf = (block: AlignableBlock) => `${block.kind}\u0000${block.text}`;

const wordCache = new LruCache<ReadonlyMap<string, number>>(5_000);

/** The words of a block without its leading clause number, for similarity. */
function wordsOf(block: AlignableBlock, locale: string): ReadonlyMap<string, number> {
  const text = block.clause ? block.text.replace(/^\S+\s*/, '') : block.text;
  return wordCache.get(`${locale}\u0000${text}`, () => countWords(text, locale));
}

function countWords(text: string, locale: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokenizeWords(text.toLocaleLowerCase(locale), locale)) {
    if (!/[\p{L}\p{N}]/u.test(token)) continue;
    counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient of two word multisets: 1 for the same words, 0 for none shared. */
function getSimilarity(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const count of a.values()) sizeA += count;
  for (const [word, count] of b) {
    sizeB += count;
    shared += Math.min(count, a.get(word) ?? 0);
  }
  return sizeA + sizeB === 0 ? 1 : (2 * shared) / (sizeA + sizeB);
}

const compatible = (a: AlignableBlock, b: AlignableBlock) => a.kind === b.kind || (['paragraph', 'list-item', 'quote'].includes(a.kind) && ['paragraph', 'list-item', 'quote'].includes(b.kind));

/**
 * Pairs removed and added blocks of one stretch, keeping their order: a
 * longest-path over the similarity matrix (only pairs above the threshold),
 * then clause numbers and headings for what is left.
 */
function pairStretch(removed: AlignableBlock[], added: AlignableBlock[], locale: string): [number, number][] {
  const n = removed.length;
  const m = added.length;
  if (n === 0 || m === 0) return [];
  const oldWords = removed.map((block) => wordsOf(block, locale));
  const newWords = added.map((block) => wordsOf(block, locale));
  const score = (i: number, j: number): number => {
    const a = removed[i];
    const b = added[j];
    if (!a || !b || !compatible(a, b)) return 0;
    const similarity = getSimilarity(oldWords[i] ?? new Map(), newWords[j] ?? new Map());
    return similarity >= SIMILARITY_THRESHOLD ? similarity : 0;
  };
  if (n * m > MAX_PAIRWISE) return addStructuralPairs(pairGreedily(n, m, score), removed, added);
  // best[i][j]: best total similarity pairing removed[i..] with added[j..], order kept.
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const take = Array.from({ length: n }, () => new Float64Array(m));
  for (let i = n - 1; i >= 0; i--) {
    const row = best[i];
    const below = best[i + 1];
    if (!row || !below) continue;
    for (let j = m - 1; j >= 0; j--) {
      const s = score(i, j);
      (take[i] as Float64Array)[j] = s;
      row[j] = Math.max(below[j] ?? 0, row[j + 1] ?? 0, s > 0 ? s + (below[j + 1] ?? 0) : 0);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = take[i]?.[j] ?? 0;
    const here = best[i]?.[j] ?? 0;
    if (s > 0 && here === s + (best[i + 1]?.[j + 1] ?? 0)) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (here === (best[i + 1]?.[j] ?? 0)) i++;
    else j++;
  }
  return addStructuralPairs(pairs, removed, added);
}

/**
 * For very long stretches (documents that share almost nothing), a full
 * similarity matrix would cost too much: walk forward and take, for each
 * removed block, the best match among the next few added blocks.
 */
function pairGreedily(n: number, m: number, score: (i: number, j: number) => number): [number, number][] {
  const pairs: [number, number][] = [];
  let next = 0;
  for (let i = 0; i < n && next < m; i++) {
    let bestJ = -1;
    let bestScore = 0;
    for (let j = next; j < Math.min(m, next + BAND); j++) {
      const s = score(i, j);
      if (s > bestScore) {
        bestScore = s;
        bestJ = j;
      }
    }
    if (bestJ !== -1) {
      pairs.push([i, bestJ]);
      next = bestJ + 1;
    }
  }
  return pairs;
}

/**
 * Where wording changed a lot, the clause number or the heading still says
 * "this is the same clause": pair the leftovers that agree on it, if the pair
 * keeps the order of the pairs already made.
 */
function addStructuralPairs(pairs: [number, number][], removed: AlignableBlock[], added: AlignableBlock[]): [number, number][] {
  const structuralKey = (block: AlignableBlock) => (block.clause !== null ? `${block.kind} ${block.clause}` : block.kind === 'heading' ? `heading ${block.depth}` : null);
  const candidates = new Map<string, number[]>();
  const usedNew = new Set(pairs.map(([, j]) => j));
  added.forEach((block, j) => {
    const key = structuralKey(block);
    if (key === null || usedNew.has(j)) return;
    const list = candidates.get(key);
    if (list) list.push(j);
    else candidates.set(key, [j]);
  });
  const result = [...pairs].sort((a, b) => a[0] - b[0]);
  const usedOld = new Set(pairs.map(([i]) => i));
  removed.forEach((block, i) => {
    const key = structuralKey(block);
    if (usedOld.has(i) || key === null) return;
    // The pair must fall between its neighbours on both sides to keep the order.
    let position = 0;
    while (position < result.length && (result[position]?.[0] ?? 0) < i) position++;
    const lowJ = result[position - 1]?.[1] ?? -1;
    const highJ = result[position]?.[1] ?? added.length;
    const list = candidates.get(key) ?? [];
    const index = list.findIndex((j) => j > lowJ && j < highJ && !usedNew.has(j));
    if (index === -1) return;
    const j = list[index] as number;
    usedNew.add(j);
    usedOld.add(i);
    result.splice(position, 0, [i, j]);
  });
  return result;
}

/**
 * Aligns two block lists.
 * @param locale the language of the text, for word boundaries
 */
export function alignBlocks(oldBlocks: readonly AlignableBlock[], newBlocks: readonly AlignableBlock[], locale: string): AlignmentStep[] {
  const matches = matchSequences(oldBlocks.map(keyOf), newBlocks.map(keyOf));
  const steps: AlignmentStep[] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flushStretch = () => {
    const pairs = pairStretch(
      removed.map((index) => oldBlocks[index] as AlignableBlock),
      added.map((index) => newBlocks[index] as AlignableBlock),
      locale,
    );
    let i = 0;
    let j = 0;
    for (const [pi, pj] of [...pairs, [removed.length, added.length] as [number, number]]) {
      for (; i < pi; i++) steps.push({ op: 'removed', oldIndex: removed[i] as number });
      for (; j < pj; j++) steps.push({ op: 'added', newIndex: added[j] as number });
      if (pi < removed.length && pj < added.length) {
        steps.push({ op: 'pair', oldIndex: removed[pi] as number, newIndex: added[pj] as number });
        i = pi + 1;
        j = pj + 1;
      }
    }
    removed = [];
    added = [];
  };
  let oldIndex = 0;
  let newIndex = 0;
  for (const [i, j] of [...matches, [oldBlocks.length, newBlocks.length] as [number, number]]) {
    while (oldIndex < i) removed.push(oldIndex++);
    while (newIndex < j) added.push(newIndex++);
    flushStretch();
    if (i < oldBlocks.length && j < newBlocks.length) steps.push({ op: 'equal', oldIndex: oldIndex++, newIndex: newIndex++ });
  }
  return steps;
}

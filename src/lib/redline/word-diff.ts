/**
 * Word-level diff of one block's text against another, with jsdiff.
 *
 * We tokenize ourselves ({@link tokenizeWords}) and diff the token arrays,
 * instead of calling `diffWords`: `diffWords` ignores whitespace and does not
 * promise that its change objects add up to the input again, while a redline
 * must show the old and the new text exactly. A cleanup pass then folds the
 * single spaces that happen to match between two changed words into the
 * change, so "старый текст" → "новые слова" reads as one replacement, not four.
 */
import { diffArrays, type ChangeObject } from 'diff';
import { tokenizeWords } from './tokenize-words.ts';

/** A part of a word diff: jsdiff's own change object over text. */
export type WordChange = ChangeObject<string>;

/** Options of {@link diffWordsExact}. */
export interface WordDiffOptions {
  locale: string;
  /** Give up beyond this edit distance, in tokens (the caller falls back to a block-level change). Never a time: output must not depend on the machine. */
  maxEditLength?: number;
}

const change = (value: string, kind: 'equal' | 'added' | 'removed', count: number): WordChange => ({
  value,
  added: kind === 'added',
  removed: kind === 'removed',
  count,
});

/**
 * Diffs two texts word by word. Joining the parts that are not `added` gives
 * `oldText`; joining those that are not `removed` gives `newText`.
 * @returns the change objects, or undefined when a limit was reached
 */
export function diffWordsExact(oldText: string, newText: string, options: WordDiffOptions): WordChange[] | undefined {
  if (oldText === newText) return oldText === '' ? [] : [change(oldText, 'equal', 1)];
  const oldTokens = tokenizeWords(oldText, options.locale);
  const newTokens = tokenizeWords(newText, options.locale);
  // jsdiff only reads the arrays; its signature just does not say so.
  const parts = diffArrays(oldTokens as string[], newTokens as string[], { maxEditLength: options.maxEditLength ?? Number.POSITIVE_INFINITY });
  if (!parts) return undefined;
  return cleanupSemantic(parts.map((part) => change(part.value.join(''), part.added ? 'added' : part.removed ? 'removed' : 'equal', part.count)));
}

/**
 * The most characters a word diff of the two texts could leave unchanged: the
 * tokens they share, counted with multiplicity, by length. A common
 * subsequence cannot keep more, so a pair that is a rewrite by this bound is
 * one without running the diff (the costly case: very different texts).
 */
export function getSharedLengthBound(oldText: string, newText: string, locale: string): number {
  const counts = new Map<string, number>();
  for (const token of tokenizeWords(oldText, locale)) counts.set(token, (counts.get(token) ?? 0) + 1);
  let shared = 0;
  for (const token of tokenizeWords(newText, locale)) {
    const left = counts.get(token) ?? 0;
    if (left === 0) continue;
    counts.set(token, left - 1);
    shared += token.length;
  }
  return shared;
}

/**
 * Folds whitespace-only equal parts that sit between changes into those
 * changes, then merges each run of changes into one removal followed by one
 * addition. Order within each side is kept, so both texts still rebuild exactly.
 */
function cleanupSemantic(parts: readonly WordChange[]): WordChange[] {
  const result: WordChange[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  let removedCount = 0;
  let addedCount = 0;
  const flush = () => {
    if (removed.length > 0) result.push(change(removed.join(''), 'removed', removedCount));
    if (added.length > 0) result.push(change(added.join(''), 'added', addedCount));
    removed = [];
    added = [];
    removedCount = 0;
    addedCount = 0;
  };
  const inChange = () => removed.length > 0 || added.length > 0;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (!part) continue;
    if (part.removed) {
      removed.push(part.value);
      removedCount += part.count;
    } else if (part.added) {
      added.push(part.value);
      addedCount += part.count;
    } else {
      const next = parts[index + 1];
      const bridges = inChange() && next !== undefined && (next.added || next.removed) && /^\s+$/.test(part.value);
      if (bridges) {
        removed.push(part.value);
        added.push(part.value);
        removedCount += part.count;
        addedCount += part.count;
        continue;
      }
      flush();
      const previous = result.at(-1);
      if (previous && !previous.added && !previous.removed) {
        previous.value += part.value;
        previous.count += part.count;
      } else {
        result.push(change(part.value, 'equal', part.count));
      }
    }
  }
  flush();
  return result;
}

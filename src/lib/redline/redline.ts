/**
 * The redline of two versions of a policy: which blocks stayed, which were
 * edited (with their word-level changes), added, removed or moved, and a
 * summary by section. A plain data structure, computed at build time for
 * consecutive versions and in the browser for any two; `render-redline.ts`
 * turns it into HTML.
 */
import { alignBlocks, type AlignableBlock } from './align-blocks.ts';
import { diffWordsExact, getSharedLengthBound, type WordChange } from './word-diff.ts';

/** The block data a redline needs (a {@link DocBlock} fits, and so does a block read back from JSON). */
export interface RedlineBlock extends AlignableBlock {
  /** Serialized HTML of the block, as shown. */
  html: string;
  /**
   * The HTML with the links the build wrote as the author wrote them, when it
   * differs from `html`: what tells a formatting or link edit from none (a
   * clause reference leads to each version's own page, an edit nobody made).
   */
  written?: string;
}

/** How one block changed. */
export type BlockChange<B extends RedlineBlock = RedlineBlock> =
  | { op: 'equal'; old: B; new: B }
  /** Same words, other formatting or link targets. */
  | { op: 'formatted'; old: B; new: B }
  /** An edited block; `words` is null when the edit was too large to diff word by word in time. */
  | { op: 'modified'; old: B; new: B; words: WordChange[] | null }
  | { op: 'added'; new: B; moved: boolean }
  | { op: 'removed'; old: B; moved: boolean };

/** Counts for the summary on top of a redline. */
export interface RedlineStats {
  modified: number;
  added: number;
  removed: number;
  moved: number;
  unchanged: number;
}

/** A section (the text under one heading) that has changes. */
export interface ChangedSection {
  /** The heading's text, or null for text before the first heading. */
  title: string | null;
  /** Index of its first change in {@link Redline.changes}. */
  firstChange: number;
  changes: number;
}

/** The whole redline. */
export interface Redline<B extends RedlineBlock = RedlineBlock> {
  blocks: BlockChange<B>[];
  /** Indexes into `blocks` of every block that is not unchanged, in order: anchors `change-1`, `change-2`… */
  changes: number[];
  stats: RedlineStats;
  sections: ChangedSection[];
  /** True when some edit was shown as a whole replacement because it had more word edits than the budget. */
  degraded: boolean;
}

/** Options of {@link createRedline}. */
export interface RedlineOptions {
  locale: string;
  /**
   * The most word edits one block's diff may find before the block is shown
   * as a whole replacement (default {@link WORD_DIFF_MAX_EDITS}). A count, not
   * a time: the same texts give the same redline on any machine, under any load.
   */
  wordDiffMaxEdits?: number;
}

/** Compares the blocks of two versions. */
export function createRedline<B extends RedlineBlock>(oldBlocks: readonly B[], newBlocks: readonly B[], options: RedlineOptions): Redline<B> {
  const steps = alignBlocks(oldBlocks, newBlocks, options.locale);
  const blocks: BlockChange<B>[] = [];
  let degraded = false;
  for (const step of steps) {
    if (step.op === 'removed') {
      blocks.push({ op: 'removed', old: oldBlocks[step.oldIndex] as B, moved: false });
    } else if (step.op === 'added') {
      blocks.push({ op: 'added', new: newBlocks[step.newIndex] as B, moved: false });
    } else {
      const before = oldBlocks[step.oldIndex] as B;
      const after = newBlocks[step.newIndex] as B;
      if (before.text === after.text) {
        const sameMarkup = comparedMarkup(before) === comparedMarkup(after) && before.kind === after.kind;
        blocks.push(sameMarkup ? { op: 'equal', old: before, new: after } : { op: 'formatted', old: before, new: after });
      } else {
        const words = diffBlockWords(before.text, after.text, options);
        if (words === null) degraded = true;
        blocks.push({ op: 'modified', old: before, new: after, words });
      }
    }
  }
  markMoves(blocks);
  const changes = blocks.flatMap((block, index) => (block.op === 'equal' ? [] : [index]));
  return { blocks, changes, stats: countChanges(blocks), sections: findChangedSections(blocks, changes), degraded };
}

/**
 * The default edit budget of a block's word diff, in tokens (words, spaces,
 * punctuation). jsdiff's cost grows with the block's length times the edits,
 * so this bounds the work of a pathological block to a fraction of a second
 * while any clause a person edits by hand stays well inside it.
 */
export const WORD_DIFF_MAX_EDITS = 2_000;

/** Below this share of unchanged text, a block reads better as a whole replacement than as confetti. */
const REWRITE_THRESHOLD = 0.35;

/** The word changes of an edited block, a whole replacement for a rewrite, or null when the diff ran out of time. */
function diffBlockWords(before: string, after: string, options: RedlineOptions): WordChange[] | null {
  if (getSharedLengthBound(before, after, options.locale) < REWRITE_THRESHOLD * Math.max(before.length, after.length)) return wholeReplacement(before, after);
  const diffed = diffWordsExact(before, after, { locale: options.locale, maxEditLength: options.wordDiffMaxEdits ?? WORD_DIFF_MAX_EDITS });
  return diffed ? replaceIfRewritten(diffed, before, after) : null;
}

const wholeReplacement = (before: string, after: string): WordChange[] => [
  { value: before, added: false, removed: true, count: 1 },
  { value: after, added: true, removed: false, count: 1 },
];

/**
 * A clause rewritten from top to bottom keeps a few common words ("и", "в",
 * "Политики"); marking those as unchanged scatters the change into shreds.
 * Like a lawyer's redline, show such a block as the old text struck out and
 * the new text inserted.
 */
function replaceIfRewritten(words: WordChange[], before: string, after: string): WordChange[] {
  let unchanged = 0;
  for (const part of words) if (!part.added && !part.removed) unchanged += part.value.trim().length;
  return unchanged >= REWRITE_THRESHOLD * Math.max(before.length, after.length) ? words : wholeReplacement(before, after);
}

/**
 * The markup a redline compares: as written, without where each page's link
 * leads (`data-shown-href`, kept for showing a change), and whitespace, which
 * is not a change a reader sees (outside `<pre>`, which policies hardly use).
 */
function comparedMarkup(block: RedlineBlock): string {
  return (block.written ?? block.html).replace(/ data-shown-href="[^"]*"/g, '').replace(/\s+/g, ' ');
}

/** A block removed in one place and added word for word in another was moved. */
function markMoves<B extends RedlineBlock>(blocks: BlockChange<B>[]): void {
  const removedByText = new Map<string, Extract<BlockChange<B>, { op: 'removed' }>[]>();
  for (const block of blocks) {
    if (block.op !== 'removed' || block.old.text === '') continue;
    const list = removedByText.get(block.old.text);
    if (list) list.push(block);
    else removedByText.set(block.old.text, [block]);
  }
  for (const block of blocks) {
    if (block.op !== 'added') continue;
    const match = removedByText.get(block.new.text)?.find((candidate) => !candidate.moved);
    if (match) {
      match.moved = true;
      block.moved = true;
    }
  }
}

function countChanges(blocks: readonly BlockChange[]): RedlineStats {
  const stats: RedlineStats = { modified: 0, added: 0, removed: 0, moved: 0, unchanged: 0 };
  for (const block of blocks) {
    if (block.op === 'equal') stats.unchanged++;
    else if (block.op === 'modified' || block.op === 'formatted') stats.modified++;
    else if (block.moved) {
      // A move is one change, counted on its new place.
      if (block.op === 'added') stats.moved++;
    } else if (block.op === 'added') stats.added++;
    else stats.removed++;
  }
  return stats;
}

function findChangedSections(blocks: readonly BlockChange[], changes: readonly number[]): ChangedSection[] {
  const sections: ChangedSection[] = [];
  let title: string | null = null;
  let current: ChangedSection | undefined;
  const changeNumber = new Map(changes.map((blockIndex, changeIndex) => [blockIndex, changeIndex]));
  blocks.forEach((block, index) => {
    const heading = block.op === 'removed' ? null : block.new.kind === 'heading' ? block.new : null;
    if (heading) {
      title = heading.text;
      current = undefined;
    }
    const change = changeNumber.get(index);
    if (change === undefined) return;
    if (!current) {
      current = { title, firstChange: change, changes: 0 };
      sections.push(current);
    }
    current.changes++;
  });
  return sections;
}

/** The old text of a redline: every block that was there before, in order. */
export function getOldBlocks<B extends RedlineBlock>(redline: Redline<B>): B[] {
  return redline.blocks.flatMap((block) => (block.op === 'added' ? [] : [block.old]));
}

/** The new text of a redline: every block that is there now, in order. */
export function getNewBlocks<B extends RedlineBlock>(redline: Redline<B>): B[] {
  return redline.blocks.flatMap((block) => (block.op === 'removed' ? [] : [block.new]));
}

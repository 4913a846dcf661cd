/**
 * Micro-benchmark of the redline: the block-aware diff against plain
 * `diffWords` (default tokenizer, and with an Intl.Segmenter) on the same
 * pairs of synthetic Russian policies of ~15 KB, ~150 KB and ~1.5 MB with 5%
 * and 50% of sentences changed, all in one run.
 */
import { diffWords } from 'diff';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getDocumentBlocks } from '#lib/redline/text-blocks.ts';
import { createRedline } from '#lib/redline/redline.ts';
import { measureNode } from './measure-process.ts';
import { createRandom, generatePolicyLines, mutatePolicyLines, toMarkdown } from './synthetic-policy.ts';

/** One measured pair. */
export interface DiffBenchResult {
  sizeKb: number;
  changedShare: number;
  blocks: number;
  /** Cutting both versions into blocks. */
  cutMs: number;
  /** Aligning and word-diffing the blocks. */
  redlineMs: number;
  totalMs: number;
  changes: number;
  /** Plain diffWords; null when it gave up at the time limit. */
  diffWordsMs: number | null;
  diffWordsHunks: number | null;
  diffWordsSegmenterMs: number | null;
  diffWordsSegmenterHunks: number | null;
}

const SIZES_KB = [15, 150, 1500];
const SHARES = [0.05, 0.5];

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

/** Median of a few runs for small inputs, one run for big ones. */
function measure<T>(runs: number, run: () => T): { ms: number; value: T } {
  const results = Array.from({ length: runs }, () => time(run));
  results.sort((a, b) => a.ms - b.ms);
  return results[Math.floor(results.length / 2)] ?? time(run);
}

/** Runs the diff benchmark. `limitMs` caps each plain diffWords call. */
export function runDiffBench(options: { quick: boolean; limitMs: number; log: (line: string) => void }): DiffBenchResult[] {
  const results: DiffBenchResult[] = [];
  const sizes = options.quick ? SIZES_KB.slice(0, 2) : SIZES_KB;
  const segmenter = new Intl.Segmenter('ru', { granularity: 'word' });
  // Warm the JIT on a small pair first, so the first measured case is not also measuring compilation.
  const warm = toMarkdown(generatePolicyLines(createRandom(1), 'ru', 15 * 1024));
  for (let i = 0; i < 3; i++) {
    createRedline(getDocumentBlocks(warm), getDocumentBlocks(warm.replace('1.1.', '1.1. x')), { locale: 'ru' });
    diffWords(warm, warm.replace('1.1.', '1.1. x'), { intlSegmenter: segmenter });
  }
  for (const sizeKb of sizes) {
    for (const share of SHARES) {
      const random = createRandom(sizeKb * 1000 + share * 100);
      const lines = generatePolicyLines(random, 'ru', sizeKb * 1024);
      const before = toMarkdown(lines);
      const after = toMarkdown(mutatePolicyLines(random, 'ru', lines, share));
      const runs = sizeKb <= 15 ? 5 : sizeKb <= 150 ? 3 : 1;
      const cut = measure(runs, () => [getDocumentBlocks(before), getDocumentBlocks(after)] as const);
      const [oldBlocks, newBlocks] = cut.value;
      const redline = measure(runs, () => createRedline(oldBlocks, newBlocks, { locale: 'ru' }));
      const plain = measure(sizeKb <= 15 ? runs : 1, () => diffWords(before, after, { timeout: options.limitMs }));
      const segmented = measure(sizeKb <= 15 ? runs : 1, () => diffWords(before, after, { timeout: options.limitMs, intlSegmenter: segmenter }));
      const hunks = (parts: ReturnType<typeof diffWords> | undefined) => (parts ? parts.filter((part) => part.added || part.removed).length : null);
      const result: DiffBenchResult = {
        sizeKb,
        changedShare: share,
        blocks: oldBlocks.length + newBlocks.length,
        cutMs: cut.ms,
        redlineMs: redline.ms,
        totalMs: cut.ms + redline.ms,
        changes: redline.value.changes.length,
        diffWordsMs: plain.value ? plain.ms : null,
        diffWordsHunks: hunks(plain.value),
        diffWordsSegmenterMs: segmented.value ? segmented.ms : null,
        diffWordsSegmenterHunks: hunks(segmented.value),
      };
      results.push(result);
      options.log(
        `  diff ${sizeKb} KB, ${share * 100}% changed: block-aware ${result.totalMs.toFixed(1)} ms, diffWords ${result.diffWordsMs === null ? `> ${options.limitMs} ms` : `${result.diffWordsMs.toFixed(1)} ms`}`,
      );
    }
  }
  return results;
}

/** `policy diff` as a user runs it, beside the floor program on the same pair. */
export interface DiffProcessResult {
  sizeKb: number;
  changedShare: number;
  policyDiffSeconds: number;
  floorSeconds: number;
  ratio: number;
}

/**
 * Times `npm run policy -- diff` (the whole process: loading the folder,
 * parsing, the redline, the output) on one pair, and the minimal
 * block-aligned jsdiff program (floors/diff-floor.ts) on the same two files,
 * alternately, best of `runs` each.
 */
export function runDiffProcessBench(options: { root: string; workDir: string; quick: boolean; log: (line: string) => void }): DiffProcessResult {
  const sizeKb = options.quick ? 150 : 1500;
  const share = 0.5;
  const random = createRandom(sizeKb * 1000 + share * 100);
  const lines = generatePolicyLines(random, 'ru', sizeKb * 1024);
  const policies = join(options.workDir, `diff-pair-${sizeKb}`);
  rmSync(policies, { recursive: true, force: true });
  mkdirSync(join(policies, 'big', 'ru'), { recursive: true });
  const files = [join(policies, 'big', 'ru', '2025-01-01.md'), join(policies, 'big', 'ru', '2026-01-01.md')] as const;
  writeFileSync(files[0], `---\ntitle: Большая политика\neffective: 2025-01-01\n---\n\n${toMarkdown(lines)}`);
  writeFileSync(files[1], `---\ntitle: Большая политика\neffective: 2026-01-01\nsummary:\n  - Половина пунктов\nchangeType: material\n---\n\n${toMarkdown(mutatePolicyLines(random, 'ru', lines, share))}`);
  // The project's settings over a corpus they were not written for (no "privacy" for its notice setting): POLICIES_DIR_FOREIGN.
  const env = { POLICIES_DIR: policies, POLICIES_DIR_FOREIGN: '1' };
  let policyDiff = Number.POSITIVE_INFINITY;
  let floor = Number.POSITIVE_INFINITY;
  for (let run = 0; run < (options.quick ? 1 : 3); run++) {
    const product = measureNode(join(options.root, 'scripts/policy.ts'), ['diff', 'big', '2025-01-01', '2026-01-01', '--locale', 'ru', '--no-color'], { cwd: options.root, env });
    if (product.status !== 0) throw new Error(`policy diff failed:\n${product.stderr}`);
    const minimal = measureNode(join(options.root, 'scripts/bench/floors/diff-floor.ts'), [...files], { cwd: options.root });
    if (minimal.status !== 0) throw new Error(`diff-floor failed:\n${minimal.stderr}`);
    policyDiff = Math.min(policyDiff, product.seconds);
    floor = Math.min(floor, minimal.seconds);
  }
  const result = { sizeKb, changedShare: share, policyDiffSeconds: policyDiff, floorSeconds: floor, ratio: policyDiff / floor };
  options.log(`  policy diff ${sizeKb} KB × ${share * 100}%: ${policyDiff.toFixed(2)} s, floor ${floor.toFixed(2)} s → ${result.ratio.toFixed(2)}×`);
  return result;
}

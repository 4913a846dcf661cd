import { describe, expect, test, vi } from 'vitest';
import { createRedline, WORD_DIFF_MAX_EDITS } from '#lib/redline/redline.ts';
import { getDocumentBlocks } from '#lib/redline/text-blocks.ts';

// One paragraph whose every other word changes: many edits, yet far more than the rewrite threshold left unchanged.
const words = Array.from({ length: 1_500 }, (_, index) => `слово${index}`);
const BEFORE = `${words.join(' ')}\n`;
const AFTER = `${words.map((word, index) => (index % 2 === 0 ? `${word}а` : word)).join(' ')}\n`;
const redline = (options: { wordDiffMaxEdits?: number } = {}) => createRedline(getDocumentBlocks(BEFORE), getDocumentBlocks(AFTER), { locale: 'ru', ...options });

describe('the word diff budget of a block', () => {
  test('is a count of edits, not a time: the same texts give the same redline under any load', () => {
    // 750 replaced words are 1,500 token edits: inside the default budget, word-diffed, whatever the machine's speed.
    const within = redline();
    expect(within.degraded).toBe(false);
    expect(within.blocks[0]?.op === 'modified' && within.blocks[0].words?.filter((part) => part.added).length).toBe(750);
    expect(WORD_DIFF_MAX_EDITS).toBeGreaterThan(1_500);
  });

  test('a machine so loaded that each step takes a second gives the very same redline', () => {
    const quiet = JSON.stringify(redline());
    let clock = 0;
    const now = vi.spyOn(Date, 'now').mockImplementation(() => (clock += 1_000));
    try {
      expect(JSON.stringify(redline())).toBe(quiet);
    } finally {
      now.mockRestore();
    }
  });

  test('shows a block beyond the budget as a whole replacement, and says so', () => {
    const beyond = redline({ wordDiffMaxEdits: 1_000 });
    expect(beyond.degraded).toBe(true);
    expect(beyond.blocks[0]?.op).toBe('modified');
    expect(JSON.stringify(redline({ wordDiffMaxEdits: 1_000 }))).toBe(JSON.stringify(beyond));
  });
});

import { describe, expect, test } from 'vitest';
import { OUTCOMES } from '#lib/consent/verify-outcomes.ts';
import { formatOutcomeList, VERIFY_HELP } from '../../../scripts/commands/verify.ts';

describe('formatOutcomeList', () => {
  test('puts every outcome name in a column of its own, as wide as the longest and two spaces, with the meanings wrapped under their column', () => {
    const lines = formatOutcomeList().split('\n');
    const column = 4 + Math.max(...Object.keys(OUTCOMES).map((name) => name.length)) + 2;
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(100);
      const name = line.slice(0, column).trim();
      // A line starts with a name that ends two spaces before the meaning, or continues one under its column.
      if (name !== '') expect(Object.keys(OUTCOMES)).toContain(name);
      expect(line.charAt(column)).not.toBe(' ');
    }
    expect(lines.find((line) => line.includes('log-checkpoint-inconsistent'))).toBe("    log-checkpoint-inconsistent  --log: today's log does not extend the checkpoint (history");
    expect(lines.filter((line) => line.slice(0, column).trim() !== '')).toHaveLength(Object.keys(OUTCOMES).length);
    expect(VERIFY_HELP).toContain(formatOutcomeList());
  });
});

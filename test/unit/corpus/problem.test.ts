import { describe, expect, test } from 'vitest';
import { CorpusError, formatProblemReport } from '#lib/corpus/problem.ts';

describe('CorpusError', () => {
  test('has an empty stack, so Astro prints the report without an empty "Stack trace:" under it', () => {
    const error = new CorpusError([{ file: 'policies/privacy/ru/v1.md', line: 1, message: 'the file has no front matter', hint: 'Start the file with a line "---".' }]);
    expect(error.stack).toBe('');
    expect(error.message).toContain('policies/privacy/ru/v1.md:1: the file has no front matter');
  });
});

describe('formatProblemReport', () => {
  const problem = { file: 'policies/privacy/ru/v1.md', line: 3, field: 'effective', message: 'is missing', hint: 'Add effective: YYYY-MM-DD.' };

  test('agrees with its count: "fix it" after one problem, "fix them" after two', () => {
    expect(formatProblemReport([problem]).split('\n').at(-1)).toBe('1 problem in 1 file. Nothing was published; fix it and run again.');
    expect(
      formatProblemReport([problem, { ...problem, line: 4 }])
        .split('\n')
        .at(-1),
    ).toBe('2 problems in 1 file. Nothing was published; fix them and run again.');
  });

  test('a command that publishes nothing says what it did not do', () => {
    const error = new CorpusError([problem], 'diff');
    expect(error.message.split('\n').at(-1)).toBe('1 problem in 1 file. Nothing was compared; fix it and run diff again.');
  });
});

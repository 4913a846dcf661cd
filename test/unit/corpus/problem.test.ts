import { describe, expect, test } from 'vitest';
import { CorpusError } from '#lib/corpus/problem.ts';

describe('CorpusError', () => {
  test('has an empty stack, so Astro prints the report without an empty "Stack trace:" under it', () => {
    const error = new CorpusError([{ file: 'policies/privacy/ru/v1.md', line: 1, message: 'the file has no front matter', hint: 'Start the file with a line "---".' }]);
    expect(error.stack).toBe('');
    expect(error.message).toContain('policies/privacy/ru/v1.md:1: the file has no front matter');
  });
});

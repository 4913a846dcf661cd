import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, OUTPUT, type BuildResult } from '../helpers/build-site.ts';

let build: BuildResult;
const previousSite = join(OUTPUT, 'invalid', 'dist');

beforeAll(() => {
  // A site published by an earlier, good build: a failed build must leave it as it was.
  mkdirSync(join(previousSite, 'ru'), { recursive: true });
  writeFileSync(join(previousSite, 'ru', 'index.html'), 'the previous site');
  build = buildSite({ policiesDir: 'test/fixtures/corpus-invalid', name: 'invalid', keepOutDir: true });
});

describe('building a corpus with mistakes', () => {
  test('fails with a non-zero exit', () => {
    expect(build.status).not.toBe(0);
  });

  test('reports every problem of every file at once, with file, line, field and fix', () => {
    const expected = [
      'test/fixtures/corpus-invalid/Cookies/ru/v1.md:1: the policy folder "Cookies" is not a valid policy id',
      'test/fixtures/corpus-invalid/privacy/en/v2.md:3: effective: is "2025-10-02" but the ru text of the same version (test/fixtures/corpus-invalid/privacy/ru/v2.md) says "2025-10-01"; translations of one version must take effect together',
      'test/fixtures/corpus-invalid/privacy/ru/2025-02-30.md:3: effective: "2025-02-30" is not a real date: February 2025 has 28 days',
      'test/fixtures/corpus-invalid/privacy/ru/2025-09-01.md:1: effective: is missing',
      'test/fixtures/corpus-invalid/privacy/ru/2025-09-01.md:3: efective: is not a known field',
      '    Did you mean "effective"? Fix the spelling of the key.',
      'test/fixtures/corpus-invalid/privacy/ru/v3.md:3: effective: takes effect at the same instant as test/fixtures/corpus-invalid/privacy/ru/v2.md (2025-09-30T21:00:00.000Z), so neither would be the one in force',
      'test/fixtures/corpus-invalid/terms/ru/v1.md:3: effective: "2025-09-01T00:00:00" has a time but no UTC offset, so the instant it names is ambiguous',
      'test/fixtures/corpus-invalid/terms/ru/v1.md:4: changeType: is "major", which is not allowed',
      'test/fixtures/corpus-invalid/terms/ru/v1.md:6: the file has no text after the front matter',
      '9 problems in 6 files. Nothing was published; fix them and run again.',
    ];
    for (const line of expected) expect(build.output).toContain(line);
    // The report is the whole story: no empty "Stack trace:" heading after it.
    expect(build.output).not.toContain('Stack trace');
  });

  test('leaves the previously published site untouched', () => {
    expect(readFileSync(join(previousSite, 'ru', 'index.html'), 'utf8')).toBe('the previous site');
    expect(existsSync(join(previousSite, 'index.html'))).toBe(false);
  });
});

describe('building with a missing policies folder', () => {
  test('fails and says which folder and what to do', () => {
    const result = buildSite({ policiesDir: 'test/fixtures/does-not-exist', name: 'missing' });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('test/fixtures/does-not-exist does not exist. Create it, or point POLICIES_DIR at the folder');
    expect(result.output).not.toContain('Stack trace');
  });
});

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { getLintCacheFile, getTextLintResults, readCachedLint } from '#lib/build/lint-cache.ts';
import { lintText, type TextLintInput } from '#lib/lint/lint-text.ts';
import { ROOT } from '../../helpers/build-site.ts';

const work = mkdtempSync(join(tmpdir(), 'lint-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const input = (body: string): TextLintInput => ({
  body,
  file: 'policies/privacy/ru/2025-09-01.md',
  bodyStartLine: 5,
  facts: { locale: 'ru', title: 'Политика', timeZone: 'Europe/Moscow', effectiveFrom: Date.UTC(2025, 7, 31, 21), corrections: [], previous: null },
});

describe('the text lint cache', () => {
  test('keys a result by everything it depends on: the text, the facts, the code', () => {
    const base = input('1.1. См. п. 1.2.\n');
    const file = getLintCacheFile(work, 'code-1', base);
    expect(getLintCacheFile(work, 'code-1', input('1.1. См. п. 1.3.\n'))).not.toBe(file);
    expect(getLintCacheFile(work, 'code-1', { ...base, facts: { ...base.facts, corrections: ['2026-01-01'] } })).not.toBe(file);
    expect(getLintCacheFile(work, 'code-2', base)).not.toBe(file);
    expect(getLintCacheFile(work, 'code-1', input('1.1. См. п. 1.2.\n'))).toBe(file);
  });

  test('computes what is missing, reads back what is there, recomputes what is damaged, and keeps only what was used', async () => {
    const folder = join(work, 'cache');
    const inputs = new Map([
      ['a', input('1.1. См. п. 1.2.\n')],
      ['b', input('1.1. Текст.\n')],
    ]);
    const cache = { folder, codeDigest: 'code', root: ROOT, onWorkerLost: expect.fail };
    const first = await getTextLintResults(inputs, cache);
    expect(first.get('a')).toEqual(lintText(inputs.get('a') as TextLintInput));
    const fileA = getLintCacheFile(folder, 'code', inputs.get('a') as TextLintInput);
    expect(readCachedLint(fileA)).toEqual(first.get('a'));
    writeFileSync(fileA, '{ damaged');
    writeFileSync(join(folder, 'stale.json'), '{}');
    const second = await getTextLintResults(inputs, cache);
    expect(second).toEqual(first);
    expect(readdirSync(folder).sort()).toEqual([...inputs.values()].map((value) => getLintCacheFile(folder, 'code', value).slice(folder.length + 1)).sort());
  });
});

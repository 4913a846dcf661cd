import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { getDocumentBlocks } from '#lib/redline/text-blocks.ts';
import { toPublishedBlocks } from '#lib/redline/published-blocks.ts';
import { getRedlineCacheFile, getRedlineCacheFolder, pruneRedlineCache, writeCachedRedline } from '#lib/build/redline-cache.ts';
import { runRedlineTask, type RedlineTask } from '#lib/build/redline-task.ts';
import { getRenderedFiles, writeRenderedFiles } from '#lib/build/rendered-files.ts';

const work = mkdtempSync(join(tmpdir(), 'redline-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeVersion(digest: string, body: string) {
  const files = getRenderedFiles(join(work, 'policy-press'), digest);
  writeRenderedFiles(files, { body, html: '', headings: [], policyLinks: [] }, JSON.stringify(toPublishedBlocks(getDocumentBlocks(body))));
  return files;
}

const before = writeVersion('aaaa', '## 1. Общие положения\n\n1.1. Оператор обрабатывает данные.\n');
const after = writeVersion('bbbb', '## 1. Общие положения\n\n1.1. Оператор обрабатывает персональные данные.\n');
const task: RedlineTask = { locale: 'ru', fromFiles: before, toFiles: after, headings: { old: 'Было', new: 'Стало' }, pagePath: '/ru/privacy/2025-09-01/' };
const folder = getRedlineCacheFolder(before.blocks);

describe('the redline cache', () => {
  test('keys a redline by the code, the locale, both texts and the labels', () => {
    const key = getRedlineCacheFile(folder, 'code-1', task);
    expect(getRedlineCacheFile(folder, 'code-1', { ...task })).toBe(key);
    expect(
      new Set([
        key,
        getRedlineCacheFile(folder, 'code-2', task),
        getRedlineCacheFile(folder, 'code-1', { ...task, locale: 'en' }),
        getRedlineCacheFile(folder, 'code-1', { ...task, toFiles: before }),
        getRedlineCacheFile(folder, 'code-1', { ...task, headings: { old: 'Before', new: 'After' } }),
        getRedlineCacheFile(folder, 'code-1', { ...task, pagePath: '/ru/privacy/2026-02-15/' }),
      ]).size,
    ).toBe(6);
  });

  test('keeps a computed redline, and gives it back instead of computing it again', () => {
    const cacheFile = getRedlineCacheFile(folder, 'code-1', task);
    const computed = runRedlineTask({ ...task, cacheFile });
    expect(computed.changeCount).toBe(1);
    expect(runRedlineTask({ ...task, cacheFile })).toEqual(computed);
    // What is in the cache is what a build gets: proof that it was read, not computed.
    writeCachedRedline(cacheFile, { ...computed, inlineHtml: '<p>from the cache</p>' });
    expect(runRedlineTask({ ...task, cacheFile }).inlineHtml).toBe('<p>from the cache</p>');
    expect(runRedlineTask(task)).toEqual(computed);
  });

  test('computes again when a cache file is damaged', () => {
    const cacheFile = getRedlineCacheFile(folder, 'code-3', task);
    mkdirSync(folder, { recursive: true });
    writeFileSync(cacheFile, '{"changeCount": 1, "inlin');
    expect(runRedlineTask({ ...task, cacheFile })).toEqual(runRedlineTask(task));
  });

  test('deletes the redlines a build did not use', () => {
    const kept = getRedlineCacheFile(folder, 'code-1', task);
    pruneRedlineCache(folder, new Set([kept]));
    expect(readdirSync(folder).map((name) => join(folder, name))).toEqual([kept]);
  });
});

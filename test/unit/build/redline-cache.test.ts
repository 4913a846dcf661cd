import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { getDocumentBlocks } from '#lib/redline/document-blocks.ts';
import { toPublishedBlocks } from '#lib/redline/published-blocks.ts';
import { getCodeDigest, getRedlineCacheFile, getRedlineCacheFolder, pruneRedlineCache, writeCachedRedline } from '#lib/build/redline-cache.ts';
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
const task: RedlineTask = { locale: 'ru', fromFiles: before, toFiles: after, headings: { old: 'Было', new: 'Стало' } };
const folder = getRedlineCacheFolder(before.blocks);

describe('the redline cache', () => {
  test('keys a redline by the code, the locale, both texts and the labels', () => {
    const key = getRedlineCacheFile(folder, 'code-1', task);
    expect(getRedlineCacheFile(folder, 'code-1', { ...task })).toBe(key);
    expect(new Set([
      key,
      getRedlineCacheFile(folder, 'code-2', task),
      getRedlineCacheFile(folder, 'code-1', { ...task, locale: 'en' }),
      getRedlineCacheFile(folder, 'code-1', { ...task, toFiles: before }),
      getRedlineCacheFile(folder, 'code-1', { ...task, headings: { old: 'Before', new: 'After' } }),
    ]).size).toBe(5);
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

describe('getCodeDigest', () => {
  test('changes with every module the redline worker reaches, wherever it lives, and with the lockfile', () => {
    const root = join(work, 'project');
    mkdirSync(join(root, 'src/lib/build'), { recursive: true });
    mkdirSync(join(root, 'src/lib/redline'), { recursive: true });
    mkdirSync(join(root, 'src/other'), { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ imports: { '#lib/*': './src/lib/*' } }));
    writeFileSync(join(root, 'package-lock.json'), '{}');
    writeFileSync(join(root, 'src/lib/build/redline-worker.ts'), "import { b } from '#lib/redline/b.ts';\nimport 'diff';\n");
    writeFileSync(join(root, 'src/lib/redline/b.ts'), "import { c } from '../../other/c.ts';\nexport const b = 1;\n");
    writeFileSync(join(root, 'src/other/c.ts'), 'export const c = 1;\n');
    writeFileSync(join(root, 'src/lib/unrelated.ts'), 'export const u = 1;\n');
    const first = getCodeDigest(root);
    expect(getCodeDigest(root)).toBe(first);
    // A module outside src/lib, reached through a relative import.
    writeFileSync(join(root, 'src/other/c.ts'), 'export const c = 2;\n');
    const second = getCodeDigest(root);
    expect(second).not.toBe(first);
    // A module reached through the #lib alias.
    writeFileSync(join(root, 'src/lib/redline/b.ts'), "import { c } from '../../other/c.ts';\nexport const b = 2;\n");
    const third = getCodeDigest(root);
    expect(third).not.toBe(second);
    // A module the worker never imports cannot change a redline.
    writeFileSync(join(root, 'src/lib/unrelated.ts'), 'export const u = 2;\n');
    expect(getCodeDigest(root)).toBe(third);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion": 3}');
    const fourth = getCodeDigest(root);
    expect(fourth).not.toBe(third);
    // A project installed without a lockfile still builds.
    rmSync(join(root, 'package-lock.json'));
    expect(getCodeDigest(root)).not.toBe(fourth);
  });

  test('reaches the modules of this project that compute a redline', () => {
    const root = join(import.meta.dirname, '../../..');
    expect(() => getCodeDigest(root)).not.toThrow();
  });
});

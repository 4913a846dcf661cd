import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { RedlineScheduler } from '#lib/build/redline-scheduler.ts';
import { getRedlineCacheFolder } from '#lib/build/redline-cache.ts';
import { runRedlineTask } from '#lib/build/redline-task.ts';
import { runVersionTask } from '#lib/build/render-version.ts';
import { getRenderedFiles, type RenderedFiles } from '#lib/build/rendered-files.ts';
import { getCorpusRedlinePairs } from '#lib/redline/redline-pairs.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import { getRedlineHeadings, getRedlineSides } from '#lib/views/redline-view.ts';
import { createTestContext } from '../../helpers/site-context.ts';
import { makeVersion } from '../../helpers/versions.ts';

const ROOT = join(import.meta.dirname, '../../..');

let work: string;
let context: SiteContext;
let files: Map<string, RenderedFiles>;

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'redline-scheduler-'));
  context = createTestContext('2026-06-01T00:00:00Z', [
    makeVersion({ version: 'v1', effective: '2024-01-01T00:00:00Z', body: '## 1. Общие положения\n\n1.1. Срок хранения — 10 дней.\n' }),
    makeVersion({ version: 'v2', effective: '2025-01-01T00:00:00Z', body: '## 1. Общие положения\n\n1.1. Срок хранения — 30 дней.\n' }),
    makeVersion({ version: 'v3', effective: '2026-01-01T00:00:00Z', body: '## 1. Общие положения\n\n1.1. Срок хранения — 30 дней.\n\n1.2. Новый пункт.\n' }),
  ]);
  files = new Map();
  const folder = join(work, 'rendered');
  for (const timeline of context.corpus.timelines.values()) {
    for (const version of timeline.versions) {
      const versionFiles = getRenderedFiles(folder, version.version);
      await runVersionTask({ body: version.body, basePath: '/legal/', files: versionFiles });
      files.set(version.id, versionFiles);
    }
  }
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

const pairsOf = () => getCorpusRedlinePairs(context.corpus, context.now);
const direct = (pair: ReturnType<typeof pairsOf>[number]) =>
  runRedlineTask({
    locale: pair.to.locale,
    fromFiles: files.get(pair.from.id) as RenderedFiles,
    toFiles: files.get(pair.to.id) as RenderedFiles,
    headings: getRedlineHeadings(getRedlineSides(context, pair)),
    pagePath: getRedlineSides(context, pair).toHref,
  });

describe('RedlineScheduler', () => {
  test.each([0, 1])('gives each scheduled page the redline computed directly (%i workers), then stops and keeps the cache', async (workers) => {
    const scheduler = new RedlineScheduler({ context, files, root: ROOT, workers, onWorkerLost: expect.fail });
    scheduler.start();
    const pairs = pairsOf();
    // v1→v2, v2→v3 and v1→v3 (an older version against the one in force).
    expect(pairs.map(({ from, to }) => `${from.version}→${to.version}`)).toEqual(['v1→v3', 'v1→v2', 'v2→v3']);
    for (const pair of pairs) expect(await scheduler.getBody(pair)).toEqual(direct(pair));
    const cache = getRedlineCacheFolder((files.get('privacy/ru/v1') as RenderedFiles).blocks);
    expect(readdirSync(cache)).toHaveLength(pairs.length);
  });

  test('reads a redline back from the cache of an earlier build and deletes the entries no page used', async () => {
    const first = new RedlineScheduler({ context, files, root: ROOT, workers: 0, onWorkerLost: expect.fail });
    first.start();
    for (const pair of pairsOf()) await first.getBody(pair);
    const cache = getRedlineCacheFolder((files.get('privacy/ru/v1') as RenderedFiles).blocks);
    const stale = join(cache, 'stale.json');
    writeFileSync(stale, '{}');
    const kept = readdirSync(cache).filter((name) => name !== 'stale.json');
    // A cached result is returned as stored: overwrite one to see that it is read, not recomputed.
    const marker = { inline: 'из кэша', sideBySide: '', stats: { changedBlocks: 0, insertedWords: 0, deletedWords: 0 }, changedSections: [] };
    writeFileSync(join(cache, kept[0] as string), JSON.stringify(marker));
    const second = new RedlineScheduler({ context, files, root: ROOT, workers: 0, onWorkerLost: expect.fail });
    second.start();
    const bodies = [];
    for (const pair of pairsOf()) bodies.push(await second.getBody(pair));
    expect(bodies).toContainEqual(marker);
    expect(existsSync(stale)).toBe(false);
  });

  test('computes a pair it did not schedule (the dev server) without touching the cache', async () => {
    const scheduler = new RedlineScheduler({ context, files, root: ROOT, workers: 1, onWorkerLost: expect.fail });
    const [pair] = pairsOf();
    expect(await scheduler.getBody(pair as never)).toEqual(direct(pair as never));
    expect(existsSync(getRedlineCacheFolder((files.get('privacy/ru/v1') as RenderedFiles).blocks))).toBe(false);
  });
});

/**
 * A warm build after a change to the code that renders: every cache of the
 * build is keyed by that code (src/lib/build/code-digest.ts), so the change
 * shows on every page at once, never only on the texts that changed.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, copyProject, type BuildResult } from '../helpers/build-site.ts';
import { listFiles } from '../helpers/dist-site.ts';

const NAME = 'stale-cache';
const PLUGIN = 'src/lib/markdown/clause-anchors.ts';
const ANCHOR = "className: ['clause-link'], href:";

let cold: BuildResult;
let warm: BuildResult;
/** The probe in the cold build's pages, counted before the warm build replaces them. */
let probesWhenCold: number;

/** How often a string occurs in the pages of a build. */
function countInPages(outDir: string, needle: string): number {
  return listFiles(outDir)
    .filter((file) => file.endsWith('.html'))
    .reduce((sum, file) => sum + readFileSync(join(outDir, file), 'utf8').split(needle).length - 1, 0);
}

let root: string;

beforeAll(() => {
  root = copyProject(NAME);
  cold = buildSite({ root, policiesDir: 'policies', name: NAME });
  probesWhenCold = countInPages(cold.outDir, 'data-stale-probe');
  // The plugin that gives each clause its "link to this clause" anchor, changed in the copy: one more attribute.
  const plugin = join(root, PLUGIN);
  const source = readFileSync(plugin, 'utf8');
  if (!source.includes(ANCHOR)) throw new Error(`${PLUGIN} no longer builds its anchor with ${ANCHOR}: update this test.`);
  writeFileSync(plugin, source.replace(ANCHOR, `className: ['clause-link'], dataStaleProbe: 'changed', href:`));
  // The same cache folder as the cold build: a warm build.
  warm = buildSite({ root, policiesDir: 'policies', name: NAME });
});

// The copy holds a changed source: no later tool should take it for the project's.
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a warm build after the rendering code changed', () => {
  test('builds, cold and warm', () => {
    expect(cold.status, cold.output).toBe(0);
    expect(warm.status, warm.output).toBe(0);
  });

  test('shows the change on every clause anchor, as a cold build would', () => {
    expect(probesWhenCold).toBe(0);
    const anchors = countInPages(warm.outDir, 'class="clause-link"');
    expect(anchors).toBeGreaterThan(0);
    expect(countInPages(warm.outDir, 'data-stale-probe="changed"')).toBe(anchors);
  });
});

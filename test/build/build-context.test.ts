/**
 * The build context (src/lib/build/build-context.ts) is resolved once, in
 * astro.config.mjs, before Astro does anything: what is wrong in it stops the
 * build there, named, with nothing written. It is handed on through Astro's
 * own means (a virtual module, the hooks' parameters, files in the build's
 * folders), never on `globalThis`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSample, buildSite, ROOT } from '../helpers/build-site.ts';

/** The files under a folder, relative to it. */
function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}

/** The lines of code (comments left out) under src/ outside the client kit that use `globalThis`. */
function globalThisUses(): string[] {
  const src = join(ROOT, 'src');
  return listFiles(src)
    .filter((file) => /\.(?:ts|astro|mjs)$/.test(file) && !file.startsWith('kit/'))
    .flatMap((file) =>
      readFileSync(join(src, file), 'utf8')
        .split('\n')
        .map((line, index) => ({ line: line.trim(), at: `src/${file}:${index + 1}` }))
        .filter(({ line }) => !line.startsWith('*') && !line.startsWith('/*') && !line.startsWith('//') && /\bglobalThis\b/.test(line))
        .map(({ at, line }) => `${at}: ${line}`),
    );
}

describe('the build hands its state on without globals', () => {
  test('no module of src/ but the client kit (which runs in a browser) uses globalThis', () => {
    expect(globalThisUses()).toEqual([]);
  });

  test('the pages write every version file, and the integration reports what they wrote', () => {
    const build = buildSample();
    expect(build.status, build.output).toBe(0);
    const files = listFiles(build.outDir);
    const kinds = {
      markdown: files.filter((file) => file.startsWith('raw/') && file.endsWith('.md')),
      blocks: files.filter((file) => file.startsWith('blocks/') && file.endsWith('.json')),
      since: files.filter((file) => file.startsWith('feed/v1/') && file.endsWith('/since.json')),
      notices: files.filter((file) => /^feed\/v1\/.+\/notice\.(?:txt|html)$/.test(file)),
    };
    // Every version has its blocks, its since.json and its two notices; the Markdown adds the texts by hash.
    expect(kinds.since.length).toBeGreaterThan(0);
    expect([kinds.blocks.length, kinds.notices.length]).toEqual([kinds.since.length, 2 * kinds.since.length]);
    expect(kinds.markdown.length).toBeGreaterThanOrEqual(kinds.since.length);
    for (const since of kinds.since) {
      const [policy, locale, version] = since.split('/').slice(2, 5);
      expect(files).toContain(`blocks/${policy}/${locale}/${version}.json`);
      expect(files).toContain(`raw/${policy}/${locale}/${version}.md`);
    }
    // A sample built earlier in this run printed the count then; a fresh build prints it now.
    if (build.output !== 'built earlier in this run') {
      const total = Object.values(kinds).reduce((sum, list) => sum + list.length, 0);
      expect(build.output).toContain(`${total} version files written (`);
    }
  });
});

describe('a build whose context cannot be resolved', () => {
  test('stops at once on a SOURCE_DATE_EPOCH that is not whole seconds, names it, and writes nothing', () => {
    const build = buildSite({ policiesDir: 'policies', name: 'build-context-epoch', env: { SOURCE_DATE_EPOCH: 'вчера' } });
    expect(build.status).toBe(1);
    expect(build.output).toContain('SOURCE_DATE_EPOCH: "вчера" is not a whole number of seconds since 1970-01-01T00:00:00Z\n    Unset it, or set it like SOURCE_DATE_EPOCH=$(date +%s).');
    expect(readdirSync(build.outDir)).toEqual([]);
  });
});

/**
 * The one-way rules of the code, checked: pure logic in src/lib never imports
 * Astro (so the CLI, the tests and workers run it without a build), page
 * view models never import build plumbing (workers, caches), the Markdown
 * pipeline never imports the redline built on it, and nothing of a build
 * imports the dev server's modules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const LIB = join(ROOT, 'src/lib');
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

function modules(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? modules(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : []));
}

/** Every import of every module under a folder, as `module: specifier`, with the specifier resolved to src/lib when it points there. */
function importsUnder(folder: string): { module: string; specifier: string; target: string }[] {
  return modules(folder).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(IMPORT)].map(([, specifier = '']) => ({
      module: relative(ROOT, file),
      specifier,
      target: specifier.startsWith('#lib/') ? `src/lib/${specifier.slice(5)}` : specifier.startsWith('.') ? relative(ROOT, join(file, '..', specifier)) : specifier,
    })),
  );
}

describe('layering', () => {
  test('no module of src/lib imports Astro', () => {
    // @astrojs/markdown-remark is allowed: a plain unified processor, the same one Astro renders with, usable anywhere.
    const astro = importsUnder(LIB).filter(({ specifier }) => specifier === 'astro' || specifier.startsWith('astro/') || specifier.startsWith('astro:'));
    expect(astro.map(({ module, specifier }) => `${module}: ${specifier}`)).toEqual([]);
  });

  test('no module of src/lib/views imports src/lib/build', () => {
    const build = importsUnder(join(LIB, 'views')).filter(({ target }) => target.startsWith('src/lib/build/'));
    expect(build.map(({ module, specifier }) => `${module}: ${specifier}`)).toEqual([]);
  });

  test('no module of src/lib/markdown imports src/lib/redline', () => {
    // The Markdown pipeline cuts the blocks a redline compares; the redline builds on it, never the other way round.
    const redline = importsUnder(join(LIB, 'markdown')).filter(({ target }) => target.startsWith('src/lib/redline/'));
    expect(redline.map(({ module, specifier }) => `${module}: ${specifier}`)).toEqual([]);
  });

  test('only the dev server imports src/lib/dev-server', () => {
    // The dev server's state and error page are no part of a build: the build's plumbing and the page models never load them.
    const dev = importsUnder(LIB).filter(({ module, target }) => target.startsWith('src/lib/dev-server/') && !module.startsWith('src/lib/dev-server/'));
    expect(dev.map(({ module, specifier }) => `${module}: ${specifier}`)).toEqual([]);
  });

  test('the checks see the imports they look for', () => {
    // Without this, a broken pattern would make both tests above pass on nothing.
    const all = importsUnder(LIB);
    expect(all.some(({ module, target }) => module === 'src/lib/build/redline-task.ts' && target === 'src/lib/views/redline-view.ts')).toBe(true);
    expect(all.some(({ module, target }) => module === 'src/lib/views/history-view.ts' && target === 'src/lib/views/version-view.ts')).toBe(true);
  });
});

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

/** Every module of src/ the kit's two entries load at run time (type-only imports are erased by the bundler, so not followed). */
function kitClosure(): Set<string> {
  const seen = new Set<string>();
  const visit = (module: string): void => {
    if (seen.has(module)) return;
    seen.add(module);
    const code = readFileSync(join(ROOT, module), 'utf8').replace(/import\s+type\s[^;]*;/g, '');
    for (const [, specifier = ''] of code.matchAll(IMPORT)) {
      if (specifier.startsWith('#lib/')) visit(`src/lib/${specifier.slice(5)}`);
      else if (specifier.startsWith('.')) visit(relative(ROOT, join(ROOT, module, '..', specifier)));
    }
  };
  visit('src/kit/policy-kit.ts');
  visit('src/kit/reconsent.ts');
  return seen;
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

  test("the client kit never bundles the commands' message catalogs", () => {
    // The kit is served to every visitor under a size bound; the catalogs are some 2 KB of it that no browser reads. They came in
    // once through the id patterns of policy-path.ts (9,146 → 10,359 bytes), so the patterns now live in a module of their own.
    const reached = [...kitClosure()];
    expect(reached).toContain('src/lib/corpus/policy-id-patterns.ts');
    expect(reached.filter((module) => module.startsWith('src/lib/messages/'))).toEqual([]);
  });

  test('the checks see the imports they look for', () => {
    // Without this, a broken pattern would make both tests above pass on nothing.
    const all = importsUnder(LIB);
    expect(all.some(({ module, target }) => module === 'src/lib/build/redline-task.ts' && target === 'src/lib/views/redline-view.ts')).toBe(true);
    expect(all.some(({ module, target }) => module === 'src/lib/views/history-view.ts' && target === 'src/lib/views/version-view.ts')).toBe(true);
  });
});

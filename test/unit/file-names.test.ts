/**
 * File names say where they live: no two modules of src/ and scripts/ share
 * a file name, so a name in a stack trace, an import or a review points at
 * one file. Pages are exempt: Astro's routes are folders with an `index.astro`.
 */
import { readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const PAGES = join(ROOT, 'src/pages');

/** The modules under a folder (TypeScript, JavaScript and Astro files), pages left out. */
function modules(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return path === PAGES ? [] : modules(path);
    return /\.(?:ts|mts|js|mjs|astro)$/.test(entry.name) ? [path] : [];
  });
}

/** The file names that more than one module has, each with its modules. */
function sharedNames(paths: string[]): Record<string, string[]> {
  const byName = Map.groupBy(paths, (path) => basename(path));
  return Object.fromEntries([...byName].filter(([, group]) => group.length > 1).map(([name, group]) => [name, group.map((path) => relative(ROOT, path)).sort()]));
}

describe('file names', () => {
  test('no two modules of src/ and scripts/ share a name', () => {
    expect(sharedNames([...modules(join(ROOT, 'src')), ...modules(join(ROOT, 'scripts'))])).toEqual({});
  });

  test('the check finds a shared name when there is one', () => {
    // Without this, a broken walk would make the test above pass on nothing.
    expect(sharedNames(['/a/src/lib/x/log.ts', '/a/scripts/log.ts', '/a/src/y.ts'].map((path) => join(ROOT, relative('/a', path))))).toEqual({ 'log.ts': ['scripts/log.ts', 'src/lib/x/log.ts'] });
    expect(modules(join(ROOT, 'src')).length).toBeGreaterThan(100);
  });
});

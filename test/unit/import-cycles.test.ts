/**
 * No module of src/ or scripts/ imports itself through others: a cycle makes
 * what a module sees at load time depend on which module was loaded first.
 * Type-only imports are left out (they are erased before anything runs);
 * dynamic `import()` counts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, '../..');
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;
/** `#lib/*` → `src/lib/`, as package.json's `imports` map them. */
const ALIASES = Object.entries(packageJson.imports).map(([alias, target]) => [alias.replace(/\*$/, ''), target.replace(/^\.\//, '').replace(/\*$/, '')] as const);

function modules(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? modules(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : []));
}

/** Each module's runtime imports of other modules of the project, by path from the root. */
function importGraph(folders: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of folders.flatMap((folder) => modules(join(ROOT, folder)))) {
    const targets = [...readFileSync(file, 'utf8').matchAll(IMPORT)].flatMap(([, from, dynamic]) => {
      const specifier = from ?? dynamic ?? '';
      const alias = ALIASES.find(([prefix]) => specifier.startsWith(prefix));
      const target = alias ? `${alias[1]}${specifier.slice(alias[0].length)}` : specifier.startsWith('.') ? relative(ROOT, join(file, '..', specifier)) : null;
      return target !== null && existsSync(join(ROOT, target)) ? [target] : [];
    });
    graph.set(relative(ROOT, file), targets);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, as `a → b → a`. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[] = [];
  const visit = (module: string): void => {
    state.set(module, 'open');
    path.push(module);
    for (const target of graph.get(module) ?? []) {
      if (state.get(target) === 'open') cycles.push([...path.slice(path.indexOf(target)), target].join(' → '));
      else if (!state.has(target)) visit(target);
    }
    path.pop();
    state.set(module, 'done');
  };
  for (const module of [...graph.keys()].sort()) if (!state.has(module)) visit(module);
  return cycles;
}

describe('imports', () => {
  const graph = importGraph(['src', 'scripts']);

  test('form no cycle in src/ and scripts/', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  test('are seen by the check: aliases, relative paths and dynamic import()', () => {
    // Without this, a broken pattern would make the test above pass on nothing.
    expect(graph.get('scripts/commands/verify.ts')).toEqual(expect.arrayContaining(['src/lib/consent/read-records.ts', 'scripts/commands/command-context.ts', 'scripts/commands/verify-engine.ts']));
    expect(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', ['a']],
        ]),
      ),
    ).toEqual(['a → b → a']);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ENVIRONMENT_VARIABLES } from '#lib/site/environment.ts';
import { ROOT } from '../../helpers/build-site.ts';

/** The code that runs for users and developers: what the list must cover (tests set their own variables). */
const CODE = ['src', 'scripts', 'astro.config.mjs'];

/** Environment variables read in a source text: `process.env.X`, `process.env['X']`, and `env.X` / `env['X']` of an environment passed on; Astro's `import.meta.env` is not the environment. */
function findReadVariables(source: string): string[] {
  const pattern = /(?<!import\.meta\.)\benv(?:\.([A-Z][A-Z0-9_]*)\b|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])/g;
  return [...source.matchAll(pattern)].map((match) => (match[1] ?? match[2]) as string);
}

function listCodeFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (/\.(ts|mts|mjs|js|astro)$/.test(path)) return [full];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|mjs|js|astro)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Where each variable is read, by name. */
const read = new Map<string, string[]>();
for (const file of CODE.flatMap(listCodeFiles)) {
  for (const name of findReadVariables(readFileSync(file, 'utf8'))) read.set(name, [...(read.get(name) ?? []), relative(ROOT, file)]);
}
const listed = ENVIRONMENT_VARIABLES.map((variable) => variable.name as string);

describe('ENVIRONMENT_VARIABLES', () => {
  test('names every environment variable src/ and scripts/ read (add a new one there, with what it does)', () => {
    const unlisted = [...read].filter(([name]) => !listed.includes(name)).map(([name, files]) => `${name} (read in ${[...new Set(files)].join(', ')})`);
    expect(unlisted).toEqual([]);
  });

  test('names none the code no longer reads, each once', () => {
    expect(listed.filter((name) => !read.has(name))).toEqual([]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  test("the scan finds each way the code reads a variable, and not Astro's import.meta.env", () => {
    expect(findReadVariables(`process.env['A_B'] process.env.C env.D_1 env[ "E" ] import.meta.env.DEV env.lowercase`)).toEqual(['A_B', 'C', 'D_1', 'E']);
  });
});

/**
 * The one digest of "the code that fills a cache", for every cache of the
 * build (rendered texts, redlines, text lint): a cached result depends on its
 * input and on the code that computed it, so each cache is keyed by both. A
 * digest kept by hand (a format number bumped on remembering) went stale: a
 * changed rendering plugin left every warm build serving the old HTML.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { WORKER_FILES } from './worker-pool.ts';

/**
 * The modules each cache's results are computed from, relative to the
 * project root. A rendered text is what the version worker makes and what the
 * loader stores of it (the collection's entry schema); a redline what the
 * redline worker makes from two rendered texts (already keyed by their own
 * digests); a lint result what the text lint makes.
 * @public Exported for its tests: test/unit/build/code-digest.test.ts checks that each cache's entries exist and cover their code.
 */
export const CODE_ENTRIES = {
  render: [WORKER_FILES.version, 'src/schemas/policy-entry.ts'],
  redline: [WORKER_FILES.redline],
  lint: ['src/lib/lint/lint-text.ts'],
} as const satisfies Record<string, readonly string[]>;

/** The caches keyed by a code digest. */
export type CodeDigestKind = keyof typeof CODE_ENTRIES;

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/** The file a module specifier names, for the project's own modules; null for a package (the lockfile covers those). */
function resolveOwnModule(root: string, importer: string, specifier: string, aliases: Record<string, string>): string | null {
  if (specifier.startsWith('.')) return join(dirname(importer), specifier);
  for (const [pattern, target] of Object.entries(aliases)) {
    const prefix = pattern.replace(/\*$/, '');
    if (pattern.endsWith('*') && specifier.startsWith(prefix)) return join(root, target.replace(/\*$/, '') + specifier.slice(prefix.length));
  }
  return null;
}

/**
 * A digest of the code and dependencies that compute a cache's results: the
 * entry modules and every module they import, followed through the project's
 * own imports (relative and `#` aliases, wherever the modules live), and the
 * lockfile. Any change to either makes every cached result of that kind
 * stale, so a build never mixes results of older code with results of new.
 * @param root the project root
 * @param entries the modules the results are computed from, relative to the root ({@link CODE_ENTRIES})
 * @public Exported for its tests: test/unit/build/code-digest.test.ts changes one file of a small tree and sees the digest change.
 */
export function getCodeDigest(root: string, entries: readonly string[]): string {
  const packageFile = join(root, 'package.json');
  const aliases = existsSync(packageFile) ? ((JSON.parse(readFileSync(packageFile, 'utf8')) as { imports?: Record<string, string> }).imports ?? {}) : {};
  const seen = new Set<string>();
  const pending = entries.map((entry) => join(root, entry));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(IMPORT)) {
      const target = specifier ? resolveOwnModule(root, file, specifier, aliases) : null;
      if (target && !seen.has(target)) pending.push(target);
    }
  }
  const hash = createHash('sha256');
  for (const file of [...seen].sort()) hash.update(`${relative(root, file)}\n`).update(readFileSync(file));
  // Without a lockfile (an install by hand), dependency changes cannot be seen: the cache is then keyed by the code alone.
  const lockfile = join(root, 'package-lock.json');
  hash.update(existsSync(lockfile) ? readFileSync(lockfile) : 'no lockfile');
  return hash.digest('hex');
}

/** The code digest of one cache's results. */
export function getCacheCodeDigest(root: string, kind: CodeDigestKind): string {
  return getCodeDigest(root, CODE_ENTRIES[kind]);
}

/**
 * Builds every corpus the repository ships (the sample, the fixtures, the
 * GitHub history) and prints one line per built file: its SHA-256 and its
 * path. Two runs give the same lines exactly when the builds are byte-identical,
 * which is how a behaviour-preserving change (moving modules, merging
 * duplicates) is proven: run it before and after and compare the outputs.
 *
 *   node scripts/dist-digests.ts > before.txt
 *   … change the code …
 *   node scripts/dist-digests.ts > after.txt && diff before.txt after.txt
 *
 * Names of corpora as arguments build only those (`node scripts/dist-digests.ts
 * sample corpus-basic`): the GitHub history is the long one.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { GITHUB_CORPUS_LINT } from './bench/corpus-lint.ts';

const ROOT = resolve(import.meta.dirname, '..');
// After every version of every corpus, so the statuses are the same whatever day it runs.
const EPOCH = '1780272000';

/** The corpora: a name and the folder, copied to a temporary place and published first when it has no ledger. */
const CORPORA: { name: string; folder: string; publish: boolean; lint?: string }[] = [
  { name: 'sample', folder: 'policies', publish: false },
  { name: 'corpus-basic', folder: 'test/fixtures/corpus-basic', publish: true },
  { name: 'github', folder: 'test/fixtures/github-site-policy', publish: true, lint: GITHUB_CORPUS_LINT },
];

function run(args: string[], env: Record<string, string>): void {
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ASTRO_TELEMETRY_DISABLED: '1', SOURCE_DATE_EPOCH: EPOCH, ...env },
  });
  if (result.status !== 0) {
    process.stderr.write(`${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}\n`);
    process.exit(1);
  }
}

function* walk(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

// Inside the project, where every build test puts its corpora (test/.output is ignored by git).
const work = join(ROOT, 'test/.output/dist-digests');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !CORPORA.some((corpus) => corpus.name === name));
if (unknown.length > 0) {
  process.stderr.write(`Unknown corpus ${unknown.join(', ')}; the corpora are ${CORPORA.map((corpus) => corpus.name).join(', ')}.\n`);
  process.exit(1);
}
try {
  for (const corpus of CORPORA.filter((entry) => wanted.length === 0 || wanted.includes(entry.name))) {
    const policies = join(work, corpus.name, 'policies');
    cpSync(join(ROOT, corpus.folder), policies, { recursive: true });
    // The project's settings over a corpus they were not written for (no "privacy" for its notice setting): POLICIES_DIR_FOREIGN.
    const env = { POLICIES_DIR: policies, POLICIES_DIR_FOREIGN: '1', ASTRO_CACHE_DIR: join(work, corpus.name, 'cache'), ...(corpus.lint ? { POLICY_LINT: corpus.lint } : {}) };
    if (corpus.publish) run(['scripts/policy.ts', 'publish'], env);
    const outDir = join(work, corpus.name, 'dist');
    run(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], env);
    const lines = [...walk(outDir)].map((file) => `${createHash('sha256').update(readFileSync(file)).digest('hex')}  ${corpus.name}/${relative(outDir, file)}`);
    process.stdout.write(`${lines.sort().join('\n')}\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * Builds a site with the real Astro CLI, as a user would, for build tests:
 * a policies folder in, a `dist/` folder out, with its own cache so builds of
 * different corpora never share a content store.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Project root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** Where build tests write their sites (ignored by git). */
export const OUTPUT = join(ROOT, 'test/.output');
/** 2026-01-01T00:00:00Z: the "now" of every build test unless a test says otherwise. */
export const TEST_EPOCH = '1767225600';
/** 2026-06-01T00:00:00Z: a "now" after every version of the sample and of the GitHub corpus. */
export const LATER_EPOCH = '1780272000';

/** The result of one build. */
export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/** Options of {@link buildSite}. */
export interface BuildOptions {
  /** Policies folder, absolute or relative to the project root. */
  policiesDir: string;
  /** Name of the output folder under test/.output. */
  name: string;
  /** Extra environment (TZ, LANG, SITE_URL, SOURCE_DATE_EPOCH…). */
  env?: Record<string, string>;
  /** Keep what is in the output folder before building (to prove a failed build leaves it alone). */
  keepOutDir?: boolean;
  /** The project to build (a copy made by {@link copyProject}); this project by default. */
  root?: string;
}

/** What a project is built from, besides its dependencies: copied whole by {@link copyProject}. */
const PROJECT_FILES = ['src', 'public', 'astro.config.mjs', 'site.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

/**
 * A copy of this project under test/.output/<name>/project, its dependencies
 * linked, for a test that changes the code it builds with: the real sources
 * are never edited by a test.
 */
export function copyProject(name: string): string {
  const root = join(OUTPUT, name, 'project');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const file of PROJECT_FILES) cpSync(join(ROOT, file), join(root, file), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  return root;
}

/** Runs `astro build` and returns its exit status and combined output. */
export function buildSite(options: BuildOptions): BuildResult {
  const outDir = join(OUTPUT, options.name, 'dist');
  if (!options.keepOutDir) rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const root = options.root ?? ROOT;
  const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: root,
    encoding: 'utf8',
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      ASTRO_TELEMETRY_DISABLED: '1',
      ASTRO_CACHE_DIR: join(OUTPUT, options.name, 'cache'),
      POLICIES_DIR: resolve(ROOT, options.policiesDir),
      SOURCE_DATE_EPOCH: TEST_EPOCH,
      ...options.env,
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** Where the shipped sample is built for the build and browser tests. */
export const SAMPLE_DIST = join(OUTPUT, 'sample', 'dist');

/**
 * The shipped sample, as `npm run build` builds it, at a fixed "now" (after
 * every version): built once per test run for the build and the browser
 * tests alike, which read it and never change it. A run is one `vitest`
 * process (vitest.config.ts names it in POLICY_PRESS_TEST_RUN, which its
 * workers inherit); a sample built by an earlier run, maybe of other code,
 * is built again.
 */
export function buildSample(): BuildResult {
  const run = process.env['POLICY_PRESS_TEST_RUN'];
  const stamp = join(OUTPUT, 'sample', 'built-in-run');
  if (run && existsSync(stamp) && readFileSync(stamp, 'utf8') === run && existsSync(SAMPLE_DIST)) return { status: 0, output: 'built earlier in this run', outDir: SAMPLE_DIST };
  rmSync(stamp, { force: true });
  const result = buildSite({ policiesDir: 'policies', name: 'sample', env: { SOURCE_DATE_EPOCH: LATER_EPOCH } });
  if (run && result.status === 0) writeFileSync(stamp, run);
  return result;
}

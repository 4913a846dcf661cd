/**
 * Builds a site with the real Astro CLI, as a user would, for build tests:
 * a policies folder in, a `dist/` folder out, with its own cache so builds of
 * different corpora never share a content store.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { spawnCounted } from './child-costs.ts';
import { withFolderLock } from './folder-lock.ts';

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
  const result = spawnCounted('build', options.name, process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: root,
    encoding: 'utf8',
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      ASTRO_TELEMETRY_DISABLED: '1',
      ASTRO_CACHE_DIR: join(OUTPUT, options.name, 'cache'),
      POLICIES_DIR: resolve(ROOT, options.policiesDir),
      // The tests build many folders with the sample's settings, written for its own (see POLICIES_DIR_FOREIGN); a test of that rule sets it to ''.
      POLICIES_DIR_FOREIGN: '1',
      SOURCE_DATE_EPOCH: TEST_EPOCH,
      // The build's refusals in English, as the tests pin them, unless a test asks otherwise.
      POLICY_PRESS_LANG: 'en',
      ...options.env,
    },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** A build that test files share: everything its output depends on besides the code, which one test run does not change. */
export interface SharedBuild {
  /** Policies folder, absolute or relative to the project root. */
  policiesDir: string;
  /** Environment beside the defaults of {@link buildSite} (SOURCE_DATE_EPOCH, TZ, LANG, SITE_URL…). */
  env?: Record<string, string>;
}

/** Every file under a folder, by path and content: what a build reads of it. */
function digestFolder(folder: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      hash.update(`${relative(folder, path)}\0${entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other'}\0`);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) hash.update(readFileSync(path));
    }
  };
  if (existsSync(folder)) walk(folder);
  return hash.digest('hex');
}

/** The folder of a shared build under test/.output/shared, named by the digest of what it is built from. */
function sharedName(build: SharedBuild): string {
  const policiesDir = resolve(ROOT, build.policiesDir);
  const env = Object.entries({ SOURCE_DATE_EPOCH: TEST_EPOCH, ...build.env }).sort(([a], [b]) => (a < b ? -1 : 1));
  const key = createHash('sha256')
    .update(JSON.stringify({ policiesDir, env, files: digestFolder(policiesDir) }))
    .digest('hex');
  return join('shared', key.slice(0, 16));
}

/** Where a shared build's site is (built by {@link buildShared}). */
export function sharedDist(build: SharedBuild): string {
  return join(OUTPUT, sharedName(build), 'dist');
}

/**
 * Runs `make` once per test run for a folder under test/.output: a run is one
 * `vitest` process (vitest.config.ts names it in POLICY_PRESS_TEST_RUN, which
 * its workers inherit); what an earlier run made, maybe with other code, is
 * made again. Returns what `make` returned, kept as JSON beside it.
 */
export function oncePerRun<T>(folder: string, make: () => T): T {
  // Test files run side by side in several processes: the first makes it, the others wait for it, then read it.
  return withFolderLock(folder, () => {
    const run = process.env['POLICY_PRESS_TEST_RUN'];
    const stamp = join(folder, 'made-in-run.json');
    if (run && existsSync(stamp)) {
      const made = JSON.parse(readFileSync(stamp, 'utf8')) as { run: string; result: T };
      if (made.run === run) return made.result;
    }
    rmSync(stamp, { force: true });
    const result = make();
    mkdirSync(folder, { recursive: true });
    if (run) writeFileSync(stamp, JSON.stringify({ run, result }));
    return result;
  });
}

/**
 * A build shared by every test file that asks for the same input in one run:
 * built the first time, then read by all (they never change it). Keyed by
 * the policies folder (where it is and every file in it) and the
 * environment, so a file that changes either gets a build of its own.
 */
export function buildShared(build: SharedBuild): BuildResult {
  const name = sharedName(build);
  return oncePerRun(join(OUTPUT, name), () => buildSite({ policiesDir: build.policiesDir, name, ...(build.env ? { env: build.env } : {}) }));
}

/** The shipped sample, as `npm run build` builds it, at a fixed "now" (after every version). */
const SAMPLE = { policiesDir: 'policies', env: { SOURCE_DATE_EPOCH: LATER_EPOCH } } satisfies SharedBuild;

/** Where the shipped sample is built for the build and browser tests. */
export const SAMPLE_DIST = sharedDist(SAMPLE);

/** The shipped sample ({@link SAMPLE}), built once per test run for the build and the browser tests alike. */
export function buildSample(): BuildResult {
  return buildShared(SAMPLE);
}

/**
 * The fixture corpus at TEST_EPOCH, built at the far east of the calendar
 * (UTC+14) in Russian: shared by the build tests that read it (the pages,
 * the feed contract, the consent CLI, reconsent, a folder outside the
 * project). fixture-corpus.test.ts builds it again at the far west and
 * proves both sites byte-identical, so what the others read holds in any
 * zone and locale.
 */
export const FIXTURE_CORPUS = { policiesDir: 'test/fixtures/corpus-basic', env: { TZ: 'Pacific/Kiritimati', LANG: 'ru_RU.UTF-8' } } satisfies SharedBuild;

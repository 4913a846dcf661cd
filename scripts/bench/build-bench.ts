/**
 * The build benchmark: on the same corpus, in one run, (a) a bare Astro
 * site that the benchmark writes itself (one content collection, one page per
 * Markdown file, nothing else), with Astro's native Markdown processor, cold
 * (no cache) and warm (its cache present), and with Astro's remark processor,
 * cold; and (b) the project's full production build (version pages,
 * histories, redlines, feeds, search index), cold, warm, and after adding one
 * version, each with its per-stage breakdown (build-stages.ts). Time, pages
 * per second, peak memory and the ratios the performance targets are
 * written in.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getBuildStages, readStageRecords, type BuildStage } from './build-stages.ts';
import { measureNode, type ProcessMeasurement } from './measure-process.ts';

/** One measured build. */
export interface BuildMeasurement {
  seconds: number;
  peakRssMb: number;
  pages: number;
  files: number;
}

/** A side-by-side result on one corpus. */
export interface BuildBenchResult {
  corpus: string;
  versions: number;
  baselineSeconds: number;
  buildSeconds: number;
  ratio: number;
  baselinePeakRssMb: number;
  buildPeakRssMb: number;
  memoryRatio: number;
  baselinePages: number;
  /**
   * The same bare site with Astro's remark (unified) Markdown processor, the
   * one this project's stack uses, instead of the native default: how much of
   * the ratio is the Markdown processor and how much the product's own work.
   */
  remarkBaselineSeconds: number;
  remarkBaselinePeakRssMb: number;
  remarkRatio: number;
  buildPages: number;
  buildFiles: number;
  /** A second build after adding one version, with the content cache of the first. */
  rebuildSeconds: number | null;
  /** The bare native site built again with its cache: the yardstick of warm builds. */
  nativeWarmSeconds: number;
  /** The full build again, nothing changed, its cache present. */
  warmSeconds: number;
  /** warm ÷ bare native warm. */
  warmRatio: number;
  /** rebuild after one more version ÷ bare native warm. */
  rebuildRatio: number | null;
  /** Where the time of each full build went. */
  stages: { cold: BuildStage[]; warm: BuildStage[]; rebuild: BuildStage[] | null };
}

function countFiles(dir: string): { pages: number; files: number } {
  let pages = 0;
  let files = 0;
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        files += 1;
        if (name.endsWith('.html')) pages += 1;
      }
    }
  };
  walk(dir);
  return { pages, files };
}

/**
 * Writes the bare Astro site: the same Astro, one page per file, with the
 * default (native) Markdown processor or with Astro's remark processor and
 * GFM, nothing else.
 */
export function writeBaselineProject(dir: string, corpus: string, processor: 'native' | 'remark' = 'native'): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    processor === 'native'
      ? "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n"
      : "import { unified } from '@astrojs/markdown-remark';\nimport { defineConfig } from 'astro/config';\nexport default defineConfig({ markdown: { processor: unified({ gfm: true }) } });\n",
  );
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { policies: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(corpus)} }) }) };\n`,
  );
  writeFileSync(
    join(dir, 'src', 'pages', '[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('policies')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="ru"><head><meta charset="utf-8"><title>{entry.data.title}</title></head><body><h1>{entry.data.title}</h1><Content /></body></html>
`,
  );
}

function astro(root: string, args: string[], options: { cwd: string; env: Record<string, string> }): ProcessMeasurement {
  // Every build starts without the output of the one before, as on a fresh clone whose cache folder was restored:
  // else Astro's emptying of the old output (thousands of files) is timed as part of a warm build.
  const outDir = args[args.indexOf('--outDir') + 1];
  if (args.includes('--outDir') && outDir) rmSync(outDir, { recursive: true, force: true });
  const run = measureNode(join(root, 'node_modules/astro/bin/astro.mjs'), args, { cwd: options.cwd, env: { ASTRO_TELEMETRY_DISABLED: '1', ...options.env } });
  if (run.status !== 0) throw new Error(`astro ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return run;
}

/** Measures both builds on a corpus folder (published first for the full build). */
export function runBuildBench(options: {
  root: string;
  workDir: string;
  corpus: string;
  name: string;
  /** Adds one version to a copy of the corpus, for the rebuild figure; omit to skip it. */
  addVersion?: (policiesDir: string) => void;
  /** `POLICY_LINT` for this corpus (see corpus-lint.ts). */
  lint: string;
  log: (line: string) => void;
}): BuildBenchResult {
  const work = join(options.workDir, options.name);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const policies = join(work, 'policies');
  cpSync(options.corpus, policies, { recursive: true });
  // The project's settings over a corpus they were not written for (no "privacy" for its notice setting): POLICIES_DIR_FOREIGN.
  const publish = measureNode(join(options.root, 'scripts/policy.ts'), ['publish'], {
    cwd: options.root,
    env: { POLICIES_DIR: policies, POLICIES_DIR_FOREIGN: '1', SOURCE_DATE_EPOCH: '1780272000', POLICY_LINT: options.lint },
  });
  if (publish.status !== 0) throw new Error(`publishing ${options.name} failed:\n${publish.stderr}`);

  // (a) the bare Astro site: native cold, native warm (its cache from the cold run), remark cold.
  const baselineRoot = join(work, 'baseline');
  writeBaselineProject(baselineRoot, policies);
  const baselineArgs = ['build', '--root', baselineRoot, '--outDir', join(work, 'baseline-dist')];
  const baseline = astro(options.root, baselineArgs, { cwd: baselineRoot, env: {} });
  const baselineFiles = countFiles(join(work, 'baseline-dist'));
  const nativeWarm = astro(options.root, baselineArgs, { cwd: baselineRoot, env: {} });
  const remarkRoot = join(work, 'baseline-remark');
  writeBaselineProject(remarkRoot, policies, 'remark');
  const remarkBaseline = astro(options.root, ['build', '--root', remarkRoot, '--outDir', join(work, 'baseline-remark-dist')], { cwd: remarkRoot, env: {} });

  // (b) the full production build: cold (a cache folder of its own, empty), then warm, then after one more version.
  const cacheDir = join(work, 'cache');
  rmSync(cacheDir, { recursive: true, force: true });
  const env = { POLICIES_DIR: policies, POLICIES_DIR_FOREIGN: '1', SOURCE_DATE_EPOCH: '1780272000', ASTRO_CACHE_DIR: cacheDir, POLICY_LINT: options.lint };
  const profiled = (name: string) => {
    const profile = join(work, `profile-${name}.jsonl`);
    rmSync(profile, { force: true });
    const run = astro(options.root, ['build', '--outDir', join(work, 'dist')], { cwd: options.root, env: { ...env, POLICY_PRESS_PROFILE: profile } });
    // Kept beside the profile, so the breakdown can be read again from what Astro printed.
    writeFileSync(join(work, `build-${name}.log`), run.stdout);
    return { run, stages: getBuildStages(run.stdout, readStageRecords(profile), run.seconds) };
  };
  const cold = profiled('cold');
  const build = cold.run;
  const buildFiles = countFiles(join(work, 'dist'));
  const versions = Number(/(\d+) policy versions/.exec(build.stdout)?.[1] ?? Number.NaN);
  const warm = profiled('warm');

  // A build after one more version, with the earlier builds' cache.
  let rebuild: ReturnType<typeof profiled> | null = null;
  if (options.addVersion) {
    options.addVersion(policies);
    const republish = measureNode(join(options.root, 'scripts/policy.ts'), ['publish'], {
      cwd: options.root,
      env: { POLICIES_DIR: policies, POLICIES_DIR_FOREIGN: '1', SOURCE_DATE_EPOCH: '1780272000', POLICY_LINT: options.lint },
    });
    if (republish.status !== 0) throw new Error(`publishing the added version failed:\n${republish.stderr}`);
    rebuild = profiled('rebuild');
  }
  const rebuildSeconds = rebuild?.run.seconds ?? null;

  const result: BuildBenchResult = {
    corpus: options.name,
    versions,
    baselineSeconds: baseline.seconds,
    buildSeconds: build.seconds,
    ratio: build.seconds / baseline.seconds,
    baselinePeakRssMb: baseline.peakRssMb,
    buildPeakRssMb: build.peakRssMb,
    memoryRatio: build.peakRssMb / baseline.peakRssMb,
    baselinePages: baselineFiles.pages,
    remarkBaselineSeconds: remarkBaseline.seconds,
    remarkBaselinePeakRssMb: remarkBaseline.peakRssMb,
    remarkRatio: build.seconds / remarkBaseline.seconds,
    buildPages: buildFiles.pages,
    buildFiles: buildFiles.files,
    rebuildSeconds,
    nativeWarmSeconds: nativeWarm.seconds,
    warmSeconds: warm.run.seconds,
    warmRatio: warm.run.seconds / nativeWarm.seconds,
    rebuildRatio: rebuildSeconds === null ? null : rebuildSeconds / nativeWarm.seconds,
    stages: { cold: cold.stages, warm: warm.stages, rebuild: rebuild?.stages ?? null },
  };
  options.log(
    `  build ${options.name} (${versions} versions): bare native ${baseline.seconds.toFixed(1)} s / ${baseline.peakRssMb.toFixed(0)} MB, warm ${nativeWarm.seconds.toFixed(1)} s (with remark ${remarkBaseline.seconds.toFixed(1)} s / ${remarkBaseline.peakRssMb.toFixed(0)} MB); full cold ${build.seconds.toFixed(1)} s / ${build.peakRssMb.toFixed(0)} MB → ${result.ratio.toFixed(2)}× native, ${result.remarkRatio.toFixed(2)}× remark; warm ${warm.run.seconds.toFixed(1)} s → ${result.warmRatio.toFixed(2)}×${rebuildSeconds === null ? '' : `; after one more version ${rebuildSeconds.toFixed(1)} s → ${(result.rebuildRatio ?? 0).toFixed(2)}×`}`,
  );
  return result;
}

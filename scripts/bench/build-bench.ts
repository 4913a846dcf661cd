/**
 * The build benchmark: on the same corpus, in one run, (a) a bare Astro
 * site that the benchmark writes itself (one content collection, one page per
 * Markdown file, nothing else) and (b) the project's full production build
 * (version pages, histories, redlines, feeds, search index), with time, pages
 * per second and peak memory of each, and their ratio.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  const publish = measureNode(join(options.root, 'scripts/policy.ts'), ['publish'], { cwd: options.root, env: { POLICIES_DIR: policies, SOURCE_DATE_EPOCH: '1780272000', POLICY_LINT: options.lint } });
  if (publish.status !== 0) throw new Error(`publishing ${options.name} failed:\n${publish.stderr}`);

  // (a) the bare Astro site.
  const baselineRoot = join(work, 'baseline');
  writeBaselineProject(baselineRoot, policies);
  const baseline = astro(options.root, ['build', '--root', baselineRoot, '--outDir', join(work, 'baseline-dist')], { cwd: baselineRoot, env: {} });
  const baselineFiles = countFiles(join(work, 'baseline-dist'));
  const remarkRoot = join(work, 'baseline-remark');
  writeBaselineProject(remarkRoot, policies, 'remark');
  const remarkBaseline = astro(options.root, ['build', '--root', remarkRoot, '--outDir', join(work, 'baseline-remark-dist')], { cwd: remarkRoot, env: {} });

  // (b) the full production build, cold.
  const env = { POLICIES_DIR: policies, SOURCE_DATE_EPOCH: '1780272000', ASTRO_CACHE_DIR: join(work, 'cache'), POLICY_LINT: options.lint };
  const build = astro(options.root, ['build', '--outDir', join(work, 'dist')], { cwd: options.root, env });
  const buildFiles = countFiles(join(work, 'dist'));
  const versions = Number(/(\d+) policy versions/.exec(build.stdout)?.[1] ?? Number.NaN);

  // A second build after one more version, with the first build's content cache.
  let rebuildSeconds: number | null = null;
  if (options.addVersion) {
    options.addVersion(policies);
    const republish = measureNode(join(options.root, 'scripts/policy.ts'), ['publish'], { cwd: options.root, env: { POLICIES_DIR: policies, SOURCE_DATE_EPOCH: '1780272000', POLICY_LINT: options.lint } });
    if (republish.status !== 0) throw new Error(`publishing the added version failed:\n${republish.stderr}`);
    rebuildSeconds = astro(options.root, ['build', '--outDir', join(work, 'dist')], { cwd: options.root, env }).seconds;
  }

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
  };
  options.log(
    `  build ${options.name} (${versions} versions): baseline ${baseline.seconds.toFixed(1)} s / ${baseline.peakRssMb.toFixed(0)} MB (with remark ${remarkBaseline.seconds.toFixed(1)} s / ${remarkBaseline.peakRssMb.toFixed(0)} MB), full ${build.seconds.toFixed(1)} s / ${build.peakRssMb.toFixed(0)} MB → ${result.ratio.toFixed(2)}×${rebuildSeconds === null ? '' : `, rebuild after one more version ${rebuildSeconds.toFixed(1)} s`}`,
  );
  return result;
}

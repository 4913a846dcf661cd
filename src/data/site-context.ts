/**
 * The bridge between Astro and the pure logic: reads the `policies`
 * collection once per build and turns it into a {@link SiteContext}.
 * Pages call {@link getSiteContext} and the model functions of `src/lib/`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { join } from 'node:path';
import siteConfig from '../../site.config.ts';
import { readArchivedText } from '../lib/ledger/ledger-store.ts';
import { buildPolicyCorpus } from '../lib/policy-corpus.ts';
import { readBlocksJson, readRenderedText, type RenderedFiles, type RenderedHeading, type RenderedText } from '../lib/rendered-files.ts';
import { getRedlinePairs, type RedlinePair } from '../lib/redline-pairs.ts';
import { getCodeDigest, getRedlineCacheFile, getRedlineCacheFolder, pruneRedlineCache } from '../lib/redline-cache.ts';
import { runRedlineTask, type RedlineTask } from '../lib/redline-task.ts';
import { getRedlineHeadings, getRedlineSides, type RedlineBody } from '../lib/redline-view.ts';
import type { TimelineVersion } from '../lib/timeline.ts';
import type { PolicyVersion } from '../lib/policy-version.ts';
import { createSiteContext, type SiteContext } from '../lib/site-context.ts';
import { getBuildInstant, resolveSiteSettings } from '../lib/site-settings.ts';
import { getWorkerCount, OrderedTaskPool } from '../lib/worker-pool.ts';

/** A heading of a rendered version, for its table of contents. */
export type VersionHeading = RenderedHeading;

interface Loaded {
  context: SiteContext;
  /** Each version's body, HTML and headings, by id. */
  texts: ReadonlyMap<string, RenderedText>;
  /** Each version's rendered files (see src/lib/rendered-files.ts). */
  files: ReadonlyMap<string, RenderedFiles>;
}

let loaded: Promise<Loaded> | undefined;

function getRenderedFilesOf(entry: CollectionEntry<'policies'>): RenderedFiles {
  const files = entry.data.renderedFiles;
  if (!files) throw new Error(`${entry.data.file}: the content loader stored no rendered text for this version; delete Astro's cache folder and build again.`);
  return files;
}

async function load(): Promise<Loaded> {
  const entries = await getCollection('policies');
  const settings = resolveSiteSettings(siteConfig, process.env, process.cwd());
  const files = new Map(entries.map((entry) => [entry.id, getRenderedFilesOf(entry)]));
  const texts = new Map(entries.map((entry) => [entry.id, readRenderedText(files.get(entry.id) as RenderedFiles)]));
  const versions: PolicyVersion[] = entries.map(({ data: { renderedFiles: _files, ...data } }) => ({ ...data, body: texts.get(data.id)?.body ?? '' }));
  const context = createSiteContext(settings, buildPolicyCorpus(versions), getBuildInstant(process.env));
  const result: Loaded = { context, texts, files };
  // A build writes every redline page: start computing them now, on the other cores, while the pages before them are written.
  if (import.meta.env.PROD) startRedlines(result);
  return result;
}

/** The site context of this build, computed once. */
export async function getSiteContext(): Promise<SiteContext> {
  loaded ??= load();
  return (await loaded).context;
}

/** The rendered HTML of a version's text. */
export async function getVersionHtml(id: string): Promise<string> {
  loaded ??= load();
  return (await loaded).texts.get(id)?.html ?? '';
}

/** The headings of a version's text (from Astro's Markdown pipeline). */
export async function getVersionHeadings(id: string): Promise<VersionHeading[]> {
  loaded ??= load();
  return (await loaded).texts.get(id)?.headings ?? [];
}

async function getFiles(version: TimelineVersion): Promise<RenderedFiles> {
  loaded ??= load();
  const files = (await loaded).files.get(version.id);
  if (!files) throw new Error(`${version.file}: no rendered text for this version in this build.`);
  return files;
}

/** The blocks of a version in their published JSON form, as `/blocks/…json` serves it. */
export async function getPublishedBlocksJson(version: TimelineVersion): Promise<string> {
  return readBlocksJson(await getFiles(version));
}

/** The pairs of versions that get a redline page, in the order the pages are written. */
export async function getRedlinePagePairs(): Promise<RedlinePair[]> {
  const context = await getSiteContext();
  return getPagePairs(context);
}

function getPagePairs(context: SiteContext): RedlinePair[] {
  return [...context.corpus.timelines.values()].flatMap((timeline) => getRedlinePairs(timeline, context.now));
}

const pairKey = ({ from, to }: RedlinePair) => `${to.policy}/${to.locale}/${from.version}/${to.version}`;

/** The redline pages of this build: their tasks, the pool computing them, and the cache they are kept in. */
interface RedlineBuild {
  /** Null when this machine has no core to spare: the pages then compute their redlines themselves. */
  pool: OrderedTaskPool<RedlineTask, RedlineBody> | null;
  /** The pool ticket of each pair whose page is not written yet (-1 without a pool). */
  pending: Map<string, number>;
  cacheFolder: string;
  codeDigest: string;
  /** The cache files this build uses; the others are deleted once every page is written. */
  cacheFiles: Set<string>;
}

let redlines: RedlineBuild | undefined;

function getRedlineTask(state: Loaded, pair: RedlinePair): RedlineTask {
  const task: RedlineTask = {
    locale: pair.to.locale,
    fromFiles: state.files.get(pair.from.id) ?? { text: '', blocks: '' },
    toFiles: state.files.get(pair.to.id) ?? { text: '', blocks: '' },
    headings: getRedlineHeadings(getRedlineSides(state.context, pair)),
  };
  if (!redlines) return task;
  const cacheFile = getRedlineCacheFile(redlines.cacheFolder, redlines.codeDigest, task);
  redlines.cacheFiles.add(cacheFile);
  return { ...task, cacheFile };
}

// Redline results that may wait for their page: a few hundred pages' HTML, a few tens of megabytes.
const REDLINE_LOOKAHEAD = 256;

function startRedlines(state: Loaded): void {
  const pairs = getPagePairs(state.context);
  const [first] = state.files.values();
  if (!first || pairs.length === 0) return;
  const workers = pairs.length < 2 ? 0 : getWorkerCount();
  const pool =
    workers === 0
      ? null
      : new OrderedTaskPool<RedlineTask, RedlineBody>({
          // The project root, as for the settings above: Astro builds run from it.
          workerFile: join(process.cwd(), 'src/lib/redline-worker.ts'),
          workers,
          run: runRedlineTask,
          lookahead: REDLINE_LOOKAHEAD,
        });
  const build: RedlineBuild = { pool, pending: new Map(), cacheFolder: getRedlineCacheFolder(first.blocks), codeDigest: getCodeDigest(process.cwd()), cacheFiles: new Set() };
  redlines = build;
  for (const pair of pairs) build.pending.set(pairKey(pair), pool ? pool.submit(getRedlineTask(state, pair)) : -1);
}

/**
 * The computed redline of a pair. In a build it comes from the pool started
 * with the site context (or from an earlier build's cache); a pair outside it
 * (the dev server) is computed here.
 */
export async function getRedlineBody(pair: RedlinePair): Promise<RedlineBody> {
  loaded ??= load();
  const state = await loaded;
  const build = redlines;
  const ticket = build?.pending.get(pairKey(pair));
  if (!build || ticket === undefined) return runRedlineTask(getRedlineTask(state, pair));
  build.pending.delete(pairKey(pair));
  try {
    return build.pool && ticket >= 0 ? await build.pool.take(ticket) : runRedlineTask(getRedlineTask(state, pair));
  } finally {
    if (build.pending.size === 0) {
      redlines = undefined;
      void build.pool?.close();
      pruneRedlineCache(build.cacheFolder, build.cacheFiles);
    }
  }
}

/** A text from the archive of published texts, by hash (see src/lib/ledger/ledger-store.ts). */
export async function getArchivedText(sha256: string): Promise<string | null> {
  const context = await getSiteContext();
  return readArchivedText(context.settings.policiesPath, sha256);
}

/** The static paths of a route with one page or file per version: `{ policy, locale, version }`. */
export async function getVersionPaths(): Promise<{ params: { policy: string; locale: string; version: string }; props: { version: TimelineVersion } }[]> {
  const context = await getSiteContext();
  return [...context.corpus.timelines.values()].flatMap((timeline) =>
    timeline.versions.map((version) => ({ params: { policy: version.policy, locale: version.locale, version: version.version }, props: { version } })),
  );
}

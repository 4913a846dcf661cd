/**
 * The bridge between Astro and the pure logic: reads the `policies`
 * collection once per build and turns it into a {@link SiteContext}, with
 * each version's rendered files, and the build context (settings, root, "now",
 * the build's log: src/lib/build/build-context.ts) from its virtual module.
 * Pages call {@link getSiteContext} and the model functions of `src/lib/`;
 * redlines come from the build's {@link RedlineScheduler}.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import buildContext from 'virtual:policy-press/build-context';
import { recordStage, startStage } from '#lib/build/build-profile.ts';
import { RedlineScheduler } from '#lib/build/redline-scheduler.ts';
import { readRenderedText, type RenderedFiles, type RenderedHeading, type RenderedText } from '#lib/build/rendered-files.ts';
import { indexVersionFiles, listVersionFiles, writeBuildVersionFiles, type VersionFile, type VersionFileSources } from '#lib/build/version-files.ts';
import { getWorkerCount } from '#lib/build/worker-pool.ts';
import { readArchivedText } from '#lib/ledger/ledger-store.ts';
import { loadSiteLog, restoreSiteLog, type SiteLog } from '#lib/log/site-log.ts';
import type { RedlinePair } from '#lib/redline/redline-pairs.ts';
import { createSiteContext, type SiteContext } from '#lib/site/site-context.ts';
import { buildPolicyCorpus } from '#lib/timeline/policy-corpus.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import type { TimelineVersion } from '#lib/timeline/timeline.ts';
import type { RedlineBody } from '#lib/views/redline-view.ts';

/** A heading of a rendered version, for its table of contents. */
export type VersionHeading = RenderedHeading;

interface Loaded {
  context: SiteContext;
  /** Each version's body, HTML and headings, by id. */
  texts: ReadonlyMap<string, RenderedText>;
  /** Each version's rendered files (see src/lib/build/rendered-files.ts). */
  files: ReadonlyMap<string, RenderedFiles>;
  redlines: RedlineScheduler;
  /** Each version's files (Markdown, texts by hash, blocks, since.json) by site path. */
  versionFiles: () => ReadonlyMap<string, VersionFile>;
}

let loaded: Promise<Loaded> | undefined;

function getRenderedFilesOf(entry: CollectionEntry<'policies'>): RenderedFiles {
  const files = entry.data.renderedFiles;
  if (!files) throw new Error(`${entry.data.file}: the content loader stored no rendered text for this version; delete Astro's cache folder and build again.`);
  return files;
}

async function load(): Promise<Loaded> {
  const loading = startStage();
  const entries = await getCollection('policies');
  const { settings, root, now } = buildContext;
  const files = new Map(entries.map((entry) => [entry.id, getRenderedFilesOf(entry)]));
  const texts = new Map(entries.map((entry) => [entry.id, readRenderedText(files.get(entry.id) as RenderedFiles)]));
  const versions: PolicyVersion[] = entries.map(({ data: { renderedFiles: _files, ...data } }) => ({ ...data, body: texts.get(data.id)?.body ?? '' }));
  // A build's pages show the log the build writes under /log/v1/ (src/integrations/transparency-log.ts), computed once.
  const context = createSiteContext(settings, buildPolicyCorpus(versions, { localeModel: settings.localeModel }), now, getLog());
  // Pages have no logger of Astro's; the console's warnings are printed between the pages' lines.
  const redlines = new RedlineScheduler({ context, files, root, workers: getWorkerCount(), onWorkerLost: (message) => console.warn(message) });
  // A build writes every redline page: start computing them now, on the other cores, while the pages before them are written.
  recordStage('site context: read the collection, timelines, log', loading(), { versions: entries.length });
  if (import.meta.env.PROD) redlines.start();
  const sources: VersionFileSources = {
    blocksFile: (version) => getFilesOf(files, version).blocks,
    archivedText: (sha256) => readArchivedText(context.settings.policiesPath, sha256),
  };
  let versionFiles: ReadonlyMap<string, VersionFile> | undefined;
  // A build writes these files here, once, before its first page (src/lib/build/version-files.ts); the dev server serves them.
  if (buildContext.versionFiles) {
    const writing = startStage();
    const list = listVersionFiles(context, sources);
    const { written } = await writeBuildVersionFiles(list, buildContext.versionFiles, settings.basePath);
    recordStage('version files', writing(), { files: list.length });
    for (const [kind, { files: count, ms }] of Object.entries(written)) recordStage(`version files: ${kind}`, ms, { files: count });
  }
  return { context, texts, files, redlines, versionFiles: () => (versionFiles ??= indexVersionFiles(listVersionFiles(context, sources))) };
}

/** The log the pages show: a build's, computed once; the dev server's, from the ledger afresh. */
function getLog(): SiteLog {
  const { settings, root, log } = buildContext;
  if (log) return restoreSiteLog(settings.siteUrl, log);
  // The dev server's /log/v1/ shows the events not logged yet, as publish would log them (src/integrations/transparency-log.ts).
  if (import.meta.env.DEV) return loadSiteLog(settings, process.env, { cwd: root, withUnlogged: true });
  throw new Error('The build context holds no public log for the pages (src/integrations/build-context-integration.ts computes it for every build). This is a bug in Policy Press: report it with the build output.');
}

function getFilesOf(files: ReadonlyMap<string, RenderedFiles>, version: TimelineVersion): RenderedFiles {
  const found = files.get(version.id);
  if (!found) throw new Error(`${version.file}: no rendered text for this version in this build.`);
  return found;
}

const getLoaded = (): Promise<Loaded> => (loaded ??= load());

/** The site context of this build, computed once. */
export async function getSiteContext(): Promise<SiteContext> {
  return (await getLoaded()).context;
}

/** The rendered HTML of a version's text. */
export async function getVersionHtml(id: string): Promise<string> {
  return (await getLoaded()).texts.get(id)?.html ?? '';
}

/** The headings of a version's text (from Astro's Markdown pipeline). */
export async function getVersionHeadings(id: string): Promise<VersionHeading[]> {
  return (await getLoaded()).texts.get(id)?.headings ?? [];
}

/** The versions a version's `policy:` links lead to, as its render recorded them. */
export async function getVersionPolicyLinks(id: string): Promise<RenderedText['policyLinks']> {
  return (await getLoaded()).texts.get(id)?.policyLinks ?? [];
}

/**
 * A version file as the dev server serves it (see
 * src/lib/build/version-files.ts): a build writes them after its pages; the
 * dev server's handler (src/integrations/version-files-integration.ts) asks here.
 */
export async function serveVersionFile(path: string): Promise<Response> {
  const file = (await getLoaded()).versionFiles().get(path);
  if (!file) return new Response(null, { status: 404 });
  return new Response(file.render(), { headers: { 'Content-Type': file.contentType } });
}

/** The computed redline of a pair (see RedlineScheduler). */
export async function getRedlineBody(pair: RedlinePair): Promise<RedlineBody> {
  return (await getLoaded()).redlines.getBody(pair);
}

/**
 * The files a build writes for every version beside its pages: its published
 * Markdown, every text it ever had by hash, its blocks for the compare page
 * and its since.json, and its ready-to-send notice (text and HTML). They are four per version (8,000 at 2,000 versions);
 * through Astro's routes each cost about 1 ms of route machinery, a quarter
 * of a warm build. So a build writes them from an integration hook
 * (src/integrations/version-files-integration.ts) and the dev server serves them through
 * a handler of the same integration, both from the one list here: same
 * paths, same bytes, same content types.
 *
 * Astro evaluates the pages (the build's bundle) and the integrations in
 * separate module graphs of one process, and the list needs the pages' site
 * context (the collection, the rendered files). So in a build the pages
 * write the files themselves, into the output folder the build context names
 * (src/integrations/build-context-integration.ts), and leave a report of what
 * they wrote in Astro's cache folder; the integration reads that report once
 * the pages are generated, and stops the build when there is none. Nothing
 * crosses on `globalThis`. (In dev, the integration reads the list from the
 * pages' own module instance through Vite's module runner.)
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { copyFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { serializeFeed } from '#lib/feed/feed-data.ts';
import { createSinceFeed } from '#lib/feed/since-data.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import { renderPublishedText } from '#lib/timeline/published-text.ts';
import { createNoticeDocument, renderNoticeHtml, renderNoticeText } from '#lib/notice/notice-document.ts';
import type { TimelineVersion } from '#lib/timeline/timeline.ts';
import { getPublishedHashPaths, getVersionPaths } from '#lib/views/static-paths.ts';

/** What the build has of each version beyond the site context. */
export interface VersionFileSources {
  /** The file of the version's blocks in their published JSON form (src/lib/build/rendered-files.ts). */
  blocksFile(version: TimelineVersion): string;
  /** A published text from the archive by its hash; null when the archive does not hold it. */
  archivedText(sha256: string): string | null;
}

/** The four kinds of version file. */
type VersionFileKind = 'markdown' | 'markdown by hash' | 'blocks' | 'since.json' | 'notice';

/** One file of a version. */
export interface VersionFile {
  kind: VersionFileKind;
  /** Its site path as the URL builders give it: base path included, segments URL-encoded. */
  path: string;
  contentType: string;
  /** Its content. Throws when the content cannot be had (a text missing from the archive). */
  render(): string;
  /** A file whose bytes are exactly the content: a build copies it instead of reading and writing it. */
  copyOf?: string;
}

const MARKDOWN = 'text/markdown; charset=utf-8';
const JSON_TYPE = 'application/json';
const TEXT = 'text/plain; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

/**
 * Every version file of a build, in a fixed order: Markdown (withdrawn
 * versions too, they were announced), texts by hash, blocks, since.json.
 * The content is made when asked for, so the dev server makes only what it
 * is asked for.
 */
export function listVersionFiles(context: SiteContext, sources: VersionFileSources): VersionFile[] {
  const { urls } = context;
  const markdown = getVersionPaths(context, { withdrawn: true }).map(
    ({ props: { version } }): VersionFile => ({
      kind: 'markdown',
      path: urls.raw(version.policy, version.locale, version.version),
      contentType: MARKDOWN,
      render: () => renderPublishedText(version),
    }),
  );
  const byHash = getPublishedHashPaths(context).map(
    ({ params: { policy, locale, version, sha } }): VersionFile => ({
      kind: 'markdown by hash',
      path: urls.rawByHash(policy, locale, version, sha),
      contentType: MARKDOWN,
      render: () => {
        const text = sources.archivedText(sha);
        if (text === null)
          throw new Error(`The published text ${sha} of ${policy}/${locale}/${version} is missing from the archive (policies/.published/), or its bytes no longer have that hash. Restore the file from version control.`);
        return text;
      },
    }),
  );
  const versions = getVersionPaths(context);
  const blocks = versions.map(
    ({ props: { version } }): VersionFile => ({
      kind: 'blocks',
      path: urls.blocks(version.policy, version.locale, version.version),
      contentType: JSON_TYPE,
      render: () => readFileSync(sources.blocksFile(version), 'utf8'),
      copyOf: sources.blocksFile(version),
    }),
  );
  const since = versions.map(
    ({ props: { timeline, version } }): VersionFile => ({
      kind: 'since.json',
      path: urls.since(version.policy, version.locale, version.version),
      contentType: JSON_TYPE,
      render: () => serializeFeed(createSinceFeed(context, timeline, version)),
    }),
  );
  // The ready-to-send notice of each version, as text and as an e-mail body (src/lib/notice/notice-document.ts).
  const notices = versions.flatMap(({ props: { version } }): VersionFile[] =>
    (['txt', 'html'] as const).map((format) => ({
      kind: 'notice',
      path: urls.notice(version.policy, version.locale, version.version, format),
      contentType: format === 'txt' ? TEXT : HTML,
      render: () => {
        const notice = createNoticeDocument(context, version);
        return format === 'txt' ? renderNoticeText(notice) : renderNoticeHtml(notice);
      },
    })),
  );
  return [...markdown, ...byHash, ...blocks, ...since, ...notices];
}

/** The version files by site path, for a route to serve one. */
export function indexVersionFiles(files: readonly VersionFile[]): ReadonlyMap<string, VersionFile> {
  return new Map(files.map((file) => [file.path, file]));
}

/**
 * Where a site path goes under the build's output folder: the base path off, each segment decoded.
 * @public Exported for its tests: its refusals of paths that would leave the output folder are tested one by one.
 */
export function getOutputPath(outDir: string, basePath: string, sitePath: string): string {
  if (!sitePath.startsWith(basePath)) throw new Error(`The site path ${sitePath} is outside the base path ${basePath}.`);
  const segments = sitePath.slice(basePath.length).split('/').map(decodeURIComponent);
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || segment.includes('/') || segment.includes('\\'))) throw new Error(`The site path ${sitePath} does not name a file.`);
  return join(outDir, ...segments);
}

/** Files in flight at once: enough to keep libuv's four threads writing. */
const WRITES_AT_ONCE = 8;

/** What writing the files took, by kind: files and milliseconds in flight (for the build profile). */
type WrittenVersionFiles = Record<VersionFileKind, { files: number; ms: number }>;

/**
 * Writes every file under the output folder, a few at a time: the contents
 * are made on this thread, the writes and copies go to libuv's threads
 * meanwhile.
 */
async function writeVersionFiles(files: readonly VersionFile[], outDir: string, basePath: string): Promise<WrittenVersionFiles> {
  const written: WrittenVersionFiles = { markdown: { files: 0, ms: 0 }, 'markdown by hash': { files: 0, ms: 0 }, blocks: { files: 0, ms: 0 }, 'since.json': { files: 0, ms: 0 }, notice: { files: 0, ms: 0 } };
  const made = new Set<string>();
  let next = 0;
  const writeNext = async (): Promise<void> => {
    for (let file = files[next++]; file; file = files[next++]) {
      const start = performance.now();
      const target = getOutputPath(outDir, basePath, file.path);
      const folder = dirname(target);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      if (file.copyOf) await copyFile(file.copyOf, target);
      else await writeFile(target, file.render());
      const kind = written[file.kind];
      kind.files += 1;
      kind.ms += performance.now() - start;
    }
  };
  await Promise.all(Array.from({ length: WRITES_AT_ONCE }, writeNext));
  return written;
}

/** Where a build's pages write the version files, and the report of what they wrote (src/lib/build/build-context.ts hands it to them). */
export interface VersionFilesOutput {
  /** The build's output folder (Astro's `outDir`). */
  outDir: string;
  /** The report file, in Astro's cache folder (see {@link getVersionFilesReportFile}). */
  reportFile: string;
}

/** What the pages of a build wrote: every file, by kind. */
export interface VersionFilesReport {
  files: number;
  written: WrittenVersionFiles;
}

/** The report file of the builds that use a cache folder: one per folder, as Astro's own data store is. */
export function getVersionFilesReportFile(cacheDir: string): string {
  return join(cacheDir, 'policy-press', 'version-files.json');
}

/** Removes the report of an earlier build (one that failed before its pages), so it is never taken for this build's. */
export function clearVersionFilesReport(reportFile: string): void {
  rmSync(reportFile, { force: true });
}

/** Writes the version files into the build's output folder, then the report of what was written. */
export async function writeBuildVersionFiles(files: readonly VersionFile[], output: VersionFilesOutput, basePath: string): Promise<VersionFilesReport> {
  const report: VersionFilesReport = { files: files.length, written: await writeVersionFiles(files, output.outDir, basePath) };
  mkdirSync(dirname(output.reportFile), { recursive: true });
  await writeFile(output.reportFile, JSON.stringify(report));
  return report;
}

/** The report of this build's pages; null when no page wrote one (no page loaded the site context). */
export function readVersionFilesReport(reportFile: string): VersionFilesReport | null {
  try {
    return JSON.parse(readFileSync(reportFile, 'utf8')) as VersionFilesReport;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Where a build keeps what it rendered of each version: its text (Markdown
 * body, page HTML, headings) and its redline blocks, as files in a folder of
 * Astro's cache, named by the content digest the loader gave the version.
 * Astro's data store holds only their paths. The store is serialized,
 * bundled into the build and loaded back whole; with every text in it, that
 * cost more than rendering the texts (a quarter of a 2,000-version build) and
 * set the build's peak memory. Pages read the files they need instead.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { LruCache } from '#lib/util/lru-cache.ts';
import type { PublishedBlock } from '#lib/redline/published-blocks.ts';
import type { PolicyLinkTargets } from '#lib/markdown/policy-links.ts';

/** The files of one rendered version. */
export interface RenderedFiles {
  /** JSON of a {@link RenderedText}. */
  text: string;
  /** JSON of the version's {@link PublishedBlock}s, as `/blocks/…json` serves it. */
  blocks: string;
}

/** A heading of a rendered version, for its table of contents. */
export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

/** A version's text as the pages use it. */
export interface RenderedText {
  /** The Markdown body (canonical: LF line endings, NFC). */
  body: string;
  /** The body rendered by the site's Markdown pipeline. */
  html: string;
  headings: RenderedHeading[];
  /** The versions its `policy:` links lead to, in order (see markdown/policy-links.ts). */
  policyLinks: PolicyLinkTargets[string][];
}

/** The folder of rendered files inside Astro's cache folder. */
export function getRenderedFolder(cacheDir: string): string {
  return join(cacheDir, 'policy-press');
}

/** The files of a version, by its content digest. */
export function getRenderedFiles(folder: string, digest: string): RenderedFiles {
  return { text: join(folder, `${digest}.text.json`), blocks: join(folder, `${digest}.blocks.json`) };
}

/** Writes a file whole or not at all, so an interrupted build never leaves half a file. */
export function writeWhole(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  // Worker threads share the process id: the thread id keeps their partial files apart.
  const partial = `${path}.${process.pid}-${threadId}.partial`;
  writeFileSync(partial, content);
  renameSync(partial, path);
}

/** A cache file's JSON; undefined when the file is not there or unreadable, so what it held is computed again. */
export function readCachedJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Writes the files of a rendered version. */
export function writeRenderedFiles(files: RenderedFiles, text: RenderedText, blocksJson: string): void {
  writeWhole(files.blocks, blocksJson);
  writeWhole(files.text, JSON.stringify(text));
}

/** Deletes every file of a cache folder but those to keep (paths); a missing folder has nothing to delete. */
export function deleteFilesExcept(folder: string, keep: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) if (!keep.has(join(folder, name))) rmSync(join(folder, name), { force: true });
}

/** Deletes the files of versions that are no longer in the corpus (or whose text changed). */
export function pruneRenderedFiles(folder: string, keep: readonly RenderedFiles[]): void {
  deleteFilesExcept(folder, new Set(keep.flatMap((files) => [files.text, files.blocks])));
}

/** A version's text. */
export function readRenderedText(files: RenderedFiles): RenderedText {
  return JSON.parse(readFileSync(files.text, 'utf8')) as RenderedText;
}

// A redline page reads two versions, and one of them (the version in force) again and again.
const parsedBlocks = new LruCache<PublishedBlock[]>(16);

/** A version's blocks file as published (`/blocks/…json` serves it byte for byte). */
function readBlocksJson(files: RenderedFiles): string {
  return readFileSync(files.blocks, 'utf8');
}

/** A version's blocks. Shared between callers: do not modify. */
export function readPublishedBlocks(files: RenderedFiles): readonly PublishedBlock[] {
  return parsedBlocks.get(files.blocks, () => JSON.parse(readBlocksJson(files)) as PublishedBlock[]);
}

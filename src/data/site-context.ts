/**
 * The bridge between Astro and the pure logic: reads the `policies`
 * collection once per build and turns it into a {@link SiteContext}.
 * Pages call {@link getSiteContext} and the model functions of `src/lib/`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import siteConfig from '../../site.config.ts';
import { readArchivedText } from '../lib/ledger/ledger-store.ts';
import { buildPolicyCorpus } from '../lib/policy-corpus.ts';
import { rehypeBasePath } from '../lib/markdown-pipeline.ts';
import { getDocumentBlocks, type DocBlock } from '../lib/redline/document-blocks.ts';
import type { TimelineVersion } from '../lib/timeline.ts';
import type { PolicyVersion } from '../lib/policy-version.ts';
import { createSiteContext, type SiteContext } from '../lib/site-context.ts';
import { getBuildInstant, resolveSiteSettings } from '../lib/site-settings.ts';

/** A heading of a rendered version, for its table of contents. */
export interface VersionHeading {
  depth: number;
  slug: string;
  text: string;
}

interface Loaded {
  context: SiteContext;
  html: ReadonlyMap<string, string>;
  headings: ReadonlyMap<string, VersionHeading[]>;
}

let loaded: Promise<Loaded> | undefined;

function toPolicyVersion(entry: CollectionEntry<'policies'>): PolicyVersion {
  const { data } = entry;
  return { ...data, body: entry.body ?? '' };
}

async function load(): Promise<Loaded> {
  const entries = await getCollection('policies');
  const settings = resolveSiteSettings(siteConfig, process.env, process.cwd());
  const context = createSiteContext(settings, buildPolicyCorpus(entries.map(toPolicyVersion)), getBuildInstant(process.env));
  return {
    context,
    html: new Map(entries.map((entry) => [entry.id, entry.rendered?.html ?? ''])),
    headings: new Map(entries.map((entry) => [entry.id, (entry.rendered?.metadata?.headings ?? []) as VersionHeading[]])),
  };
}

/** The site context of this build, computed once. */
export async function getSiteContext(): Promise<SiteContext> {
  loaded ??= load();
  return (await loaded).context;
}

/** The rendered HTML of a version's text. */
export async function getVersionHtml(id: string): Promise<string> {
  loaded ??= load();
  return (await loaded).html.get(id) ?? '';
}

/** The headings of a version's text (from Astro's Markdown pipeline). */
export async function getVersionHeadings(id: string): Promise<VersionHeading[]> {
  loaded ??= load();
  return (await loaded).headings.get(id) ?? [];
}

/** Recently cut versions: pages are built in timeline order, so a few entries catch nearly every reuse. */
const recentBlocks = new Map<string, DocBlock[]>();
const RECENT_BLOCKS = 16;

/**
 * A version cut into blocks for redlines (see src/lib/redline/document-blocks.ts),
 * its links carrying the base path as the page pipeline's do.
 */
export function getVersionBlocks(version: TimelineVersion, basePath: string): DocBlock[] {
  const key = `${version.id}\u0000${version.sha256}\u0000${basePath}`;
  let blocks = recentBlocks.get(key);
  if (blocks) {
    recentBlocks.delete(key);
  } else {
    blocks = getDocumentBlocks(version.body, { transformLinks: rehypeBasePath({ basePath }) });
    if (recentBlocks.size >= RECENT_BLOCKS) recentBlocks.delete(recentBlocks.keys().next().value as string);
  }
  recentBlocks.set(key, blocks);
  return blocks;
}

/** A text from the archive of published texts, by hash (see src/lib/ledger/ledger-store.ts). */
export async function getArchivedText(sha256: string): Promise<string | null> {
  const context = await getSiteContext();
  return readArchivedText(context.settings.policiesPath, sha256);
}

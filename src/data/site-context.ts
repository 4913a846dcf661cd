/**
 * The bridge between Astro and the pure logic: reads the `policies`
 * collection once per build and turns it into a {@link SiteContext}.
 * Pages call {@link getSiteContext} and the model functions of `src/lib/`.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import siteConfig from '../../site.config.ts';
import { readArchivedText } from '../lib/ledger/ledger-store.ts';
import { buildPolicyCorpus } from '../lib/policy-corpus.ts';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { BLOCKS_METADATA_KEY, fromPublishedBlocks, type PublishedBlock } from '../lib/redline/published-blocks.ts';
import type { RenderableBlock } from '../lib/redline/render-redline.ts';
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
  blocks: ReadonlyMap<string, PublishedBlock[]>;
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
    blocks: new Map(entries.map((entry) => [entry.id, (entry.rendered?.metadata?.[BLOCKS_METADATA_KEY] ?? []) as PublishedBlock[]])),
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

/** Parses a block's HTML (sanitized when it was cut) back into its element. */
function parseBlockElement(html: string): Element {
  const [element] = fromHtml(html, { fragment: true }).children.filter((child): child is Element => child.type === 'element');
  return element ?? { type: 'element', tagName: 'div', properties: {}, children: [] };
}

/**
 * A version cut into blocks for redlines, as the content loader cut it once
 * (see src/loaders/policy-loader.ts): nothing is parsed again but the blocks
 * a redline marks.
 */
export async function getVersionBlocks(version: TimelineVersion): Promise<RenderableBlock[]> {
  return fromPublishedBlocks(await getPublishedBlocks(version), parseBlockElement);
}

/** The blocks of a version in their published JSON form (what `/blocks/…json` serves). */
export async function getPublishedBlocks(version: TimelineVersion): Promise<PublishedBlock[]> {
  loaded ??= load();
  return (await loaded).blocks.get(version.id) ?? [];
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

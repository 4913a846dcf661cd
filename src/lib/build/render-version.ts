/**
 * Rendering one version's Markdown for the build, from one parse: the page
 * HTML and headings by the site's own pipeline (what Astro's `renderMarkdown`
 * gives for the same text with the same settings) and the blocks its redlines compare, cut
 * from the same syntax tree. Runs on a worker thread or on the build's own
 * (see src/lib/build/version-worker.ts), so it takes plain data.
 */
import { unified, type MarkdownRenderer } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { getPolicyMarkdownOptions, rehypeBasePath } from '#lib/markdown/markdown-pipeline.ts';
import { cutDocumentBlocks } from '#lib/redline/document-blocks.ts';
import { toPublishedBlocks, type PublishedBlock } from '#lib/redline/published-blocks.ts';
import { writeRenderedFiles, type RenderedFiles, type RenderedHeading } from './rendered-files.ts';

/** What a version is rendered from. */
export interface RenderVersionInput {
  /** The Markdown body (front matter removed). */
  body: string;
  /** The site's base path (`/` or `/legal/`). */
  basePath: string;
}

/** A rendered version: its page HTML, its headings and its blocks as published JSON. */
export interface RenderedVersion {
  html: string;
  headings: RenderedHeading[];
  /** `JSON.stringify` of the version's {@link PublishedBlock}s, as `/blocks/…json` serves it. */
  blocksJson: string;
}

interface VersionRenderer {
  renderer: MarkdownRenderer;
  /** Blocks cut during a render, keyed by the front matter object that render was given (one per call). */
  blocks: WeakMap<object, PublishedBlock[]>;
}

const renderers = new Map<string, Promise<VersionRenderer>>();

/** A remark plugin that cuts the parsed tree into blocks before it becomes HTML. */
function remarkCutBlocks(options: { basePath: string; blocks: WeakMap<object, PublishedBlock[]> }) {
  const transformLinks = rehypeBasePath({ basePath: options.basePath });
  return (tree: Root, file: VFile) => {
    const key = (file.data as { astro?: { frontmatter?: object } }).astro?.frontmatter;
    if (key) options.blocks.set(key, toPublishedBlocks(cutDocumentBlocks(tree, String(file.value), { transformLinks })));
  };
}

function getRenderer(basePath: string): Promise<VersionRenderer> {
  let found = renderers.get(basePath);
  if (!found) {
    const blocks = new WeakMap<object, PublishedBlock[]>();
    const options = getPolicyMarkdownOptions({ basePath });
    // The same options as astro.config.mjs's processor (getPolicyMarkdownConfig), plus the block cutter.
    const processor = unified({ ...options, remarkPlugins: [...(options.remarkPlugins ?? []), [remarkCutBlocks, { basePath, blocks }]] });
    found = processor.createRenderer({ syntaxHighlight: false }).then((renderer) => ({ renderer, blocks }));
    renderers.set(basePath, found);
  }
  return found;
}

/** Renders a version's body into its page HTML and its redline blocks. */
export async function renderVersion(input: RenderVersionInput): Promise<RenderedVersion> {
  const { renderer, blocks } = await getRenderer(input.basePath);
  const frontmatter: Record<string, unknown> = {};
  const { code, metadata } = await renderer.render(input.body, { frontmatter });
  const cut = blocks.get(frontmatter);
  if (!cut) throw new Error('The block cutter did not run: the Markdown pipeline skipped remark plugins.');
  return {
    html: code,
    headings: metadata.headings ?? [],
    blocksJson: JSON.stringify(cut),
  };
}

/**
 * Renders a version and writes its rendered files (see rendered-files.ts):
 * the content loader's task for each changed text, run where it is computed
 * so the texts never travel between threads.
 */
export async function renderVersionFiles(input: RenderVersionInput & { files: RenderedFiles }): Promise<void> {
  const { html, headings, blocksJson } = await renderVersion(input);
  writeRenderedFiles(input.files, { body: input.body, html, headings }, blocksJson);
}

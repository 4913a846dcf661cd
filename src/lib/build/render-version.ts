/**
 * Rendering one version's Markdown for the build, from one parse: the page
 * HTML and headings by the site's own pipeline (what Astro's `renderMarkdown`
 * gives for the same text with the same settings), the blocks its redlines
 * compare, cut from the same tree by the pipeline itself, and the text part of its lint,
 * read from that tree before anything rewrites it. Runs on a worker thread or
 * on the build's own (see src/lib/build/version-worker.ts), so it takes plain data.
 */
import { unified, type MarkdownRenderer } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { lintText, type TextLintInput, type TextLintResult } from '#lib/lint/lint-text.ts';
import { getPolicyMarkdownOptions } from '#lib/markdown/markdown-pipeline.ts';
import { getVersionRenderContext, type PolicyLinkTargets, type VersionRenderContext } from '#lib/markdown/policy-links.ts';
import type { BlockCutRequest } from '#lib/markdown/document-blocks.ts';
import { toPublishedBlocks } from '#lib/redline/published-blocks.ts';
import { writeCachedLint } from './lint-cache.ts';
import { writeRenderedFiles, type RenderedFiles, type RenderedHeading } from './rendered-files.ts';

/** What a version is rendered from. */
interface RenderVersionInput {
  /** The Markdown body (front matter removed). */
  body: string;
  /** The site's base path (`/` or `/legal/`). */
  basePath: string;
  /** The version's language and title (for its clause references) and where its `policy:` links lead. */
  context?: { locale: string; title: string; permanentPath: string; policyLinkTargets: PolicyLinkTargets };
  /** Lint the text from the same parse, and keep the result in this cache file. */
  lint?: { input: TextLintInput; cacheFile: string };
}

/** A rendered version: its page HTML, its headings and its blocks as published JSON. */
interface RenderedVersion {
  html: string;
  headings: RenderedHeading[];
  /** `JSON.stringify` of the version's {@link PublishedBlock}s, as `/blocks/…json` serves it. */
  blocksJson: string;
  /** The versions its `policy:` links lead to, in order. */
  policyLinks: PolicyLinkTargets[string][];
  /** The text part of its lint, when asked for. */
  lint: TextLintResult | null;
}

/** What one render is given through its front matter object, and what it leaves there (its blocks too). */
interface RenderState extends VersionRenderContext, BlockCutRequest {
  lintInput?: TextLintInput;
  lintResult?: TextLintResult;
}

/** A remark plugin that lints the text as parsed, before the link plugins rewrite it. */
function remarkLintText() {
  return (tree: Root, file: VFile) => {
    const state = getVersionRenderContext(file) as RenderState | undefined;
    if (state?.lintInput) state.lintResult = lintText(state.lintInput, tree);
  };
}

const renderers = new Map<string, Promise<MarkdownRenderer>>();

function getRenderer(basePath: string): Promise<MarkdownRenderer> {
  let found = renderers.get(basePath);
  if (!found) {
    const options = getPolicyMarkdownOptions({ basePath });
    // The same options as astro.config.mjs's processor (getPolicyMarkdownConfig), the block cutter included, plus the lint.
    const processor = unified({ ...options, remarkPlugins: [remarkLintText, ...options.remarkPlugins] });
    found = processor.createRenderer({ syntaxHighlight: false });
    renderers.set(basePath, found);
  }
  return found;
}

/**
 * Renders a version's body into its page HTML and its redline blocks, cut from the same tree (and lints it, when asked).
 * @public Exported for its tests: the render in-process, without a worker, for the tests of the page HTML and the blocks cut from it.
 */
export async function renderVersion(input: RenderVersionInput): Promise<RenderedVersion> {
  const renderer = await getRenderer(input.basePath);
  const frontmatter: RenderState = { ...input.context, cutBlocks: true, ...(input.lint ? { lintInput: input.lint.input } : {}) };
  const { code, metadata } = await renderer.render(input.body, { frontmatter: frontmatter as Record<string, unknown> });
  const cut = frontmatter.blocks;
  if (!cut) throw new Error('The block cutter did not run: the Markdown pipeline skipped its plugins.');
  if (input.lint && !frontmatter.lintResult) throw new Error('The text lint did not run: the Markdown pipeline skipped remark plugins.');
  return {
    html: code,
    headings: metadata.headings ?? [],
    blocksJson: JSON.stringify(toPublishedBlocks(cut)),
    policyLinks: frontmatter.usedPolicyLinks ?? [],
    lint: frontmatter.lintResult ?? null,
  };
}

/** A task of the content loader for one version: render it and write its files, lint its text, or both. */
export type VersionTask = RenderVersionInput & { files?: RenderedFiles };

/**
 * Runs a {@link VersionTask} where it is computed, so the texts never travel
 * between threads: renders the version and writes its rendered files (see
 * rendered-files.ts), lints it from the same parse, and keeps the lint
 * result in its cache file. Returns the lint result (null when not asked).
 */
export async function runVersionTask(input: VersionTask): Promise<TextLintResult | null> {
  let lint: TextLintResult | null;
  if (input.files) {
    const { html, headings, blocksJson, policyLinks, lint: result } = await renderVersion(input);
    writeRenderedFiles(input.files, { body: input.body, html, headings, policyLinks }, blocksJson);
    lint = result;
  } else {
    lint = input.lint ? lintText(input.lint.input) : null;
  }
  if (input.lint && lint) writeCachedLint(input.lint.cacheFile, lint);
  return lint;
}

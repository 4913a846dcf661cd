/**
 * A policy text's blocks where no page is rendered (`policy diff`, the
 * ledger's checks, a correction's redline): the site's own pipeline, run
 * synchronously (see getPolicyProcessor), cutting the blocks from its tree
 * exactly as the build does. Given a version's context, links come out as on
 * its page; without one, clause references stay words and `policy:` links
 * keep only their written target (in {@link DocBlock.writtenElement}).
 */
import { VFile } from 'vfile';
import { getPolicyProcessor } from '#lib/markdown/markdown-pipeline.ts';
import type { VersionRenderContext } from '#lib/markdown/policy-links.ts';
import type { BlockCutRequest, DocBlock } from '#lib/markdown/document-blocks.ts';

/** Options of {@link getDocumentBlocks}. */
export interface DocumentBlockOptions {
  /** The site's base path (`/` by default), prefixed to root-relative links as on the page. */
  basePath?: string;
  /** The version's language, title, page and `policy:` targets, as its page is rendered with. */
  context?: VersionRenderContext;
}

/** Cuts a policy's Markdown body into blocks by the site's pipeline. */
export function getDocumentBlocks(markdown: string, options: DocumentBlockOptions = {}): DocBlock[] {
  const processor = getPolicyProcessor({ basePath: options.basePath ?? '/' });
  const request: BlockCutRequest & VersionRenderContext = { ...options.context, cutBlocks: true };
  const file = new VFile({ value: markdown, data: { astro: { frontmatter: request } } as VFile['data'] });
  processor.runSync(processor.parse(file), file);
  if (!request.blocks) throw new Error('The block cutter did not run: the Markdown pipeline lost its rehypeCutBlocks plugin.');
  return request.blocks;
}

/**
 * The Markdown pipeline of policy texts: the remark/rehype options Astro's
 * `unified()` processor is configured with, shared with every other place that
 * renders policy Markdown, so a text looks the same on every page. The redline
 * blocks are cut from the same tree, in the middle of it (see
 * document-blocks.ts), so a redline shows a text as its page does.
 *
 * Markdown in `policies/` is trusted for formatting only. Raw HTML is parsed
 * (so the text inside a `<div>` survives) and then sanitized with GitHub's
 * rules: no `<script>`, no event handlers, no `<iframe>`, no `javascript:` URLs.
 */
import type { MarkdownRenderer, UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import type { Element, Root } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified as createProcessor, type PluggableList, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { rehypeCutBlocks, remarkKeepWrittenLinks } from '#lib/markdown/document-blocks.ts';
import { rehypeClauseAnchors } from './clause-anchors.ts';
import { remarkClauseReferenceLinks } from './clause-reference-links.ts';
import { remarkPolicyLinks } from './policy-links.ts';
import { POLICY_SANITIZE_SCHEMA } from './sanitize-schema.ts';

/** Options of the policy pipeline. */
export interface PolicyMarkdownOptions {
  /** Base path of the site (`/` or `/legal/`), prefixed to root-relative links. */
  basePath: string;
}

const URL_ATTRIBUTES: Record<string, string> = { a: 'href', img: 'src' };

/**
 * Prefixes root-relative links (`/ru/consent/`) in a policy text with the
 * site's base path, so a text written for the root works under `/legal/`.
 */
function rehypeBasePath(options: PolicyMarkdownOptions) {
  const base = options.basePath.replace(/\/$/, '');
  return (tree: Root) => {
    if (base === '') return;
    visit(tree, 'element', (node: Element) => {
      const attribute = URL_ATTRIBUTES[node.tagName];
      const value = attribute ? node.properties[attribute] : undefined;
      if (attribute && typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith(`${base}/`)) {
        node.properties[attribute] = `${base}${value}`;
      }
    });
  };
}

/**
 * Wraps each table in a scrolling box that keyboard users can focus: a wide
 * table on a phone scrolls inside it instead of widening the page.
 */
function rehypeScrollableTables() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      parent.children[index] = { type: 'element', tagName: 'div', properties: { className: ['table-scroll'], tabIndex: 0 }, children: [node] };
    });
  };
}

/**
 * Astro's `markdown` settings for policy texts. Policies need no code
 * highlighting, and the sanitizer would strip its inline styles anyway.
 * Astro's processor is imported only here, when a page is to be rendered:
 * `@astrojs/markdown-remark` brings some 550 modules (shiki, @mdx-js, …) that
 * the CLI's commands, which parse but never render a page, would load for nothing.
 */
export async function getPolicyMarkdownConfig(options: PolicyMarkdownOptions) {
  const { unified } = await import('@astrojs/markdown-remark');
  return {
    syntaxHighlight: false as const,
    processor: unified(getPolicyMarkdownOptions(options)),
  };
}

/**
 * A renderer with exactly the pipeline of the site, for code that renders
 * Markdown outside Astro's content layer (the CLI, tests).
 */
export async function createPolicyMarkdownRenderer(options: PolicyMarkdownOptions): Promise<MarkdownRenderer> {
  const { processor, syntaxHighlight } = await getPolicyMarkdownConfig(options);
  return processor.createRenderer({ syntaxHighlight });
}

/**
 * The options for Astro's `unified()` Markdown processor.
 * Smart punctuation is off: a legal text is shown with the characters its
 * authors typed (SmartyPants would also put English quotes into Russian text).
 * `policy:` links and clause references become links when the render is
 * given the version's context as its front matter (see markdown/policy-links.ts).
 */
export function getPolicyMarkdownOptions(options: PolicyMarkdownOptions): UnifiedProcessorOptions & { remarkPlugins: PluggableList; rehypePlugins: PluggableList } {
  return {
    gfm: true,
    smartypants: false,
    // The links as the author wrote them first, for the redline; the link plugins before the sanitizer, which would drop the unknown policy: scheme.
    remarkPlugins: [remarkKeepWrittenLinks, remarkPolicyLinks, remarkClauseReferenceLinks],
    // rehype-raw first: Astro parses raw HTML only after user plugins, and the sanitizer must see real elements.
    // The redline blocks are cut from the sanitized tree with the page's links, before the page's own anchors and wrappers.
    // Clause anchors after the sanitizer, which would otherwise prefix their ids.
    rehypePlugins: [rehypeRaw, [rehypeSanitize, POLICY_SANITIZE_SCHEMA], [rehypeBasePath, options], rehypeCutBlocks, rehypeClauseAnchors, rehypeScrollableTables],
  };
}

const processors = new Map<string, Processor<MdastRoot, MdastRoot, Root>>();

/**
 * The same pipeline as a plain unified processor that runs synchronously, for
 * code that needs a text's blocks without awaiting (the CLI, the ledger's
 * checks): what Astro's processor runs up to the blocks (remark-parse,
 * remark-gfm, the policy plugins, remark-rehype with raw HTML kept, the
 * policy rehype plugins). Astro's own later steps (heading ids, images,
 * serializing) do not touch the blocks. One per base path, reused.
 */
export function getPolicyProcessor(options: PolicyMarkdownOptions): Processor<MdastRoot, MdastRoot, Root> {
  let processor = processors.get(options.basePath);
  if (!processor) {
    const { remarkPlugins, rehypePlugins } = getPolicyMarkdownOptions(options);
    processor = createProcessor().use(remarkParse).use(remarkGfm).use(remarkPlugins).use(remarkRehype, { allowDangerousHtml: true, passThrough: [] }).use(rehypePlugins).freeze() as unknown as Processor<
      MdastRoot,
      MdastRoot,
      Root
    >;
    processors.set(options.basePath, processor);
  }
  return processor;
}

/** Parses a policy's Markdown into mdast with GFM, as the page's pipeline parses it. */
export function parsePolicyMarkdown(markdown: string): MdastRoot {
  return getPolicyProcessor({ basePath: '/' }).parse(markdown);
}

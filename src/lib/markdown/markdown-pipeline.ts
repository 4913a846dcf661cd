/**
 * The Markdown pipeline of policy texts: the remark/rehype options Astro's
 * `unified()` processor is configured with, shared with every other place that
 * renders policy Markdown, so a text looks the same on every page.
 *
 * Markdown in `policies/` is trusted for formatting only. Raw HTML is parsed
 * (so the text inside a `<div>` survives) and then sanitized with GitHub's
 * rules: no `<script>`, no event handlers, no `<iframe>`, no `javascript:` URLs.
 */
import { unified, type MarkdownRenderer, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import type { Element, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import { rehypeClauseAnchors } from './clause-anchors.ts';
import { remarkClauseReferenceLinks } from './clause-reference-links.ts';
import { remarkPolicyLinks } from './policy-links.ts';

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
export function rehypeBasePath(options: PolicyMarkdownOptions) {
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
export function rehypeScrollableTables() {
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
 */
export function getPolicyMarkdownConfig(options: PolicyMarkdownOptions) {
  return {
    syntaxHighlight: false as const,
    processor: unified(getPolicyMarkdownOptions(options)),
  };
}

/**
 * A renderer with exactly the pipeline of the site, for code that renders
 * Markdown outside Astro's content layer (the CLI, tests).
 */
export function createPolicyMarkdownRenderer(options: PolicyMarkdownOptions): Promise<MarkdownRenderer> {
  const { processor, syntaxHighlight } = getPolicyMarkdownConfig(options);
  return processor.createRenderer({ syntaxHighlight });
}

/**
 * The options for Astro's `unified()` Markdown processor.
 * Smart punctuation is off: a legal text is shown with the characters its
 * authors typed (SmartyPants would also put English quotes into Russian text).
 * `policy:` links and clause references become links when the render is
 * given the version's context as its front matter (see markdown/policy-links.ts).
 */
export function getPolicyMarkdownOptions(options: PolicyMarkdownOptions): UnifiedProcessorOptions {
  return {
    gfm: true,
    smartypants: false,
    // Before the sanitizer, which would drop the unknown policy: scheme.
    remarkPlugins: [remarkPolicyLinks, remarkClauseReferenceLinks],
    // rehype-raw first: Astro parses raw HTML only after user plugins, and the sanitizer must see real elements.
    // Clause anchors after the sanitizer, which would otherwise prefix their ids.
    rehypePlugins: [rehypeRaw, [rehypeSanitize, defaultSchema], [rehypeBasePath, options], rehypeClauseAnchors, rehypeScrollableTables],
  };
}

/**
 * Parsing a published block's HTML back into its hast element, on Node (the
 * browser's compare page parses with the DOM instead). The HTML was sanitized
 * when the block was cut, so nothing is sanitized again here.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { LruCache } from '#lib/util/lru-cache.ts';

// The version in force is compared with every older one: its blocks would be parsed again for each page.
const parsed = new LruCache<Element>(4_000);

/**
 * The block element of a block's HTML. Shared between callers: the redline
 * renderer copies an element before it marks it, and so must any other caller.
 */
export function parseBlockHtml(html: string): Element {
  return parsed.get(html, () => {
    const [element] = fromHtml(html, { fragment: true }).children.filter((child): child is Element => child.type === 'element');
    return element ?? { type: 'element', tagName: 'div', properties: {}, children: [] };
  });
}

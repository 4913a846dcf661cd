/**
 * The JSON form of a version's blocks, published for the compare page, and
 * its way back into blocks the redline code can render. The element is sent
 * as HTML (already sanitized at build time) and parsed back by the caller's
 * HTML parser: the DOM in a browser.
 */
import type { Element } from 'hast';
import type { DocBlock } from './document-blocks.ts';
import type { RenderableBlock } from './render-redline.ts';

/** One block as published in `<version>.blocks.json`. */
export type PublishedBlock = Omit<RenderableBlock, 'element'>;

/** Drops what JSON cannot carry (the hast element; its HTML stays). */
export function toPublishedBlocks(blocks: readonly DocBlock[]): PublishedBlock[] {
  return blocks.map(({ kind, text, clause, depth, ordered, start, group, header, html }) => ({ kind, text, clause, depth, ordered, start, group, header, html }));
}

/** Turns published blocks back into renderable ones, given an HTML-to-hast parser. */
export function fromPublishedBlocks(blocks: readonly PublishedBlock[], parse: (html: string) => Element): RenderableBlock[] {
  return blocks.map((block) => ({ ...block, element: parse(block.html) }));
}

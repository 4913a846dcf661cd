/**
 * The JSON form of a version's blocks: kept beside Astro's content cache by
 * the loader (see ../rendered-files.ts), published for the compare page, and
 * turned back into blocks the redline code can render. The element travels as
 * HTML (sanitized when the blocks were cut) and is parsed back only when a
 * change must be marked in it; unchanged blocks are rendered from the HTML as
 * it is.
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

/**
 * Turns published blocks back into renderable ones, given an HTML-to-hast
 * parser. Each element is parsed on first use only: a redline renders
 * unchanged blocks from their HTML and parses just the ones it marks.
 */
export function fromPublishedBlocks(blocks: readonly PublishedBlock[], parse: (html: string) => Element): RenderableBlock[] {
  return blocks.map((block) => {
    let element: Element | undefined;
    return {
      ...block,
      get element(): Element {
        element ??= parse(block.html);
        return element;
      },
    };
  });
}

/**
 * The JSON form of a version's blocks: kept beside Astro's content cache by
 * the loader (see ../rendered-files.ts), published for the compare page, and
 * turned back into blocks the redline code can render. The element travels as
 * HTML (sanitized when the blocks were cut) and is parsed back only when a
 * change must be marked in it; unchanged blocks are rendered from the HTML as
 * it is.
 */
import type { Element } from 'hast';
import type { DocBlock } from '#lib/markdown/document-blocks.ts';
import type { RenderableBlock } from './render-redline.ts';

/** One block as published in `<version>.blocks.json`: `written` only where the build rewrote a link. */
export type PublishedBlock = Omit<RenderableBlock, 'element' | 'writtenElement'>;

/** Drops what JSON cannot carry (the hast elements; their HTML stays). */
export function toPublishedBlocks(blocks: readonly DocBlock[]): PublishedBlock[] {
  return blocks.map(({ kind, text, clause, depth, ordered, start, group, header, html, written }) => ({
    kind,
    text,
    clause,
    depth,
    ordered,
    start,
    group,
    header,
    html,
    ...(written === undefined ? {} : { written }),
  }));
}

/**
 * Turns published blocks back into renderable ones, given an HTML-to-hast
 * parser for the shown element and one for the written one (never shown,
 * only compared: the compare page sanitizes the first and not the second).
 * Each element is parsed on first use only: a redline renders unchanged
 * blocks from their HTML and parses just the ones it marks.
 */
export function fromPublishedBlocks(blocks: readonly PublishedBlock[], parse: (html: string) => Element, parseWritten: (html: string) => Element = parse): RenderableBlock[] {
  return blocks.map((block) => {
    let element: Element | undefined;
    let writtenElement: Element | undefined;
    const getElement = (): Element => (element ??= parse(block.html));
    return {
      ...block,
      get element(): Element {
        return getElement();
      },
      get writtenElement(): Element {
        writtenElement ??= block.written === undefined ? getElement() : parseWritten(block.written);
        return writtenElement;
      },
    };
  });
}

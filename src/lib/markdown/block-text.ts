/**
 * The text of a rendered block as a redline compares it: the text a reader
 * sees, with every run of whitespace collapsed to one space (whitespace-only
 * edits are not changes to a reader), and a map from each character back to
 * the text node it came from, so changes can be marked inside the formatted
 * block. Works on hast, so the build and the browser share it.
 */
import type { Element, ElementContent, Text } from 'hast';

/** A piece of the block text: from a text node, or a space between two inner blocks. */
interface TextSegment {
  /** The text node, or null for a separator between block-level children. */
  node: Text | null;
  /** Offsets in the block text. */
  start: number;
  end: number;
  /** This segment's part of the block text. */
  text: string;
}

const BLOCK_LEVEL = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'td',
  'th',
  'tr',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dl',
  'dt',
  'dd',
  'section',
  'figure',
  'figcaption',
  'hr',
]);

/** Elements whose whitespace-only text children are only indentation between their child elements. */
const STRUCTURAL = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'ol', 'dl']);

/** The block text of an element and the segments it is made of. */
export interface BlockText {
  text: string;
  segments: TextSegment[];
}

/** Collects the block text of a rendered block element. */
export function getBlockText(element: Element): BlockText {
  const segments: TextSegment[] = [];
  let text = '';
  let pendingSpace = false;
  const push = (node: Text | null, value: string) => {
    if (value === '') return;
    segments.push({ node, start: text.length, end: text.length + value.length, text: value });
    text += value;
  };
  const visit = (children: readonly ElementContent[], preformatted: boolean, structural: boolean) => {
    for (const child of children) {
      if (child.type === 'text') {
        if (structural && child.value.trim() === '') continue;
        let value = preformatted ? child.value : child.value.replace(/\s+/g, ' ');
        if (!preformatted) {
          const endsWithSpace = text.endsWith(' ') || text === '';
          if (value.startsWith(' ') && endsWithSpace) value = value.slice(1);
          if (pendingSpace && value !== '' && !value.startsWith(' ') && !endsWithSpace) push(null, ' ');
        }
        if (value !== '') pendingSpace = false;
        push(child, value);
      } else if (child.type === 'element') {
        if (child.tagName === 'br') {
          pendingSpace = true;
          continue;
        }
        const block = BLOCK_LEVEL.has(child.tagName);
        if (block && text !== '') pendingSpace = true;
        visit(child.children, preformatted || child.tagName === 'pre', STRUCTURAL.has(child.tagName));
        if (block) pendingSpace = true;
      }
    }
  };
  visit(element.children, element.tagName === 'pre', STRUCTURAL.has(element.tagName));
  // A trailing space is not text a reader sees.
  const last = segments.at(-1);
  if (last?.text.endsWith(' ') && element.tagName !== 'pre') {
    last.text = last.text.slice(0, -1);
    last.end -= 1;
    text = text.slice(0, -1);
    if (last.text === '') segments.pop();
  }
  return { text, segments };
}

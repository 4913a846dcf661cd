/**
 * The text a reader sees in each paragraph, heading and table cell of a
 * policy's mdast, as one string per block with a way back to the source:
 * "Effective date: **May 25, 2018**" is one run, so a pattern finds the date
 * whatever markup sits inside, and a finding still points at the line and
 * column where the date was typed. Code and raw HTML are not text a rule may
 * read; link boundaries are marked, so a rule can tell "п. 3.5" from
 * "п. 3.5 [Политики](…)".
 */
import type { Nodes, Parents, PhrasingContent, Root, Text } from 'mdast';
import { location } from 'vfile-location';

/** Stands where a link starts in a run's text. */
export const LINK_START = '\uE000';
/** Stands where code, an image or raw HTML was: a pattern never runs across it. */
export const OPAQUE = '\uE001';

/** A stretch of a run's text taken from one text node. */
interface RunSegment {
  /** Offsets in {@link TextRun.text}. */
  start: number;
  end: number;
  node: Text;
  /** Whether the node is inside a link (references there are already links). */
  inLink: boolean;
}

/** The text of one block. */
export interface TextRun {
  /** The block: a paragraph, a heading or a table cell. */
  container: Parents;
  text: string;
  segments: RunSegment[];
}

const CONTAINERS = new Set(['paragraph', 'heading', 'tableCell']);

/** Collects the runs of a tree, in document order. */
export function getTextRuns(tree: Root): TextRun[] {
  const runs: TextRun[] = [];
  const visit = (node: Nodes) => {
    if (CONTAINERS.has(node.type)) {
      runs.push(collectRun(node as Parents));
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return runs;
}

function collectRun(container: Parents): TextRun {
  let text = '';
  const segments: RunSegment[] = [];
  const add = (children: readonly PhrasingContent[], inLink: boolean) => {
    for (const child of children) {
      switch (child.type) {
        case 'text':
          segments.push({ start: text.length, end: text.length + child.value.length, node: child, inLink });
          text += child.value;
          break;
        case 'link':
        case 'linkReference':
          text += LINK_START;
          add(child.children, true);
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
          add(child.children, inLink);
          break;
        case 'break':
          text += ' ';
          break;
        case 'html':
          // An inline tag (<b>, </b>) is markup around text that has its own text nodes; a <br> still separates words.
          text += /^<br\b/i.test(child.value) ? ' ' : '';
          break;
        default:
          // Inline code, images, footnote references: not words of the sentence.
          text += OPAQUE;
      }
    }
  };
  add(container.children as PhrasingContent[], false);
  return { container, text, segments };
}

/** A place in the source, 1-based. */
export interface SourcePoint {
  line: number;
  column: number;
  offset: number;
}

/**
 * Maps offsets of runs back to the source text they were parsed from.
 * A text node's value is its source minus escapes, entities and the
 * indentation of continued lines; characters are matched one by one, so a
 * point is exact for plain text and close for the rest.
 */
export function createRunLocator(source: string) {
  const place = location(source);
  return {
    /** The source point of an offset in a run's text. */
    pointAt(run: TextRun, offset: number): SourcePoint {
      const segment = run.segments.find((candidate) => offset < candidate.end) ?? run.segments.at(-1);
      const start = segment?.node.position?.start.offset ?? run.container.position?.start.offset ?? 0;
      let cursor = start;
      if (segment) {
        const value = segment.node.value;
        const end = segment.node.position?.end.offset ?? source.length;
        for (let index = 0; index < Math.min(offset - segment.start, value.length); index++) {
          while (cursor < end && source[cursor] !== value[index]) cursor++;
          cursor++;
        }
        while (cursor < end && value[Math.max(0, offset - segment.start)] !== undefined && source[cursor] !== value[offset - segment.start]) cursor++;
      }
      const point = place.toPoint(Math.min(cursor, source.length));
      return { line: point?.line ?? 1, column: point?.column ?? 1, offset: cursor };
    },
  };
}

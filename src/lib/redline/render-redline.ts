/**
 * Turning a {@link Redline} into HTML: an inline view (one column, deleted
 * words struck through, inserted words underlined) and a side-by-side view
 * (old left, new right). Changes are never told by colour alone: they are
 * `<del>`/`<ins>` elements with a visually hidden "removed:"/"added:" for
 * screen readers, and whole-block changes carry a visible label.
 * Pure hast in, hast out, so the build and the browser render alike.
 * Unchanged blocks are passed through as their (sanitized) HTML: serialize the
 * result with `toHtml(tree, { allowDangerousHtml: true })`.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { getBlockText } from '#lib/markdown/block-text.ts';
import { getBlockLinkChanges, type LinkTargetChange } from './link-changes.ts';
import type { BlockChange, Redline, RedlineBlock } from './redline.ts';

/** A block with what rendering needs: its element and list/table context. */
export interface RenderableBlock extends RedlineBlock {
  element: Element;
  /** The element with its links as the author wrote them (see document-blocks.ts); `element` when absent. */
  writtenElement?: Element;
  ordered: boolean;
  start: number;
  group: number;
  header: boolean;
}

/** Words of the redline interface in one language. */
export interface RedlineLabels {
  added: string;
  removed: string;
  /** Visible labels of whole-block changes. */
  blockAdded: string;
  blockRemoved: string;
  blockMoved: string;
  blockFormatted: string;
  /** The label of a block whose words stayed and whose link targets changed. */
  blockLinkChanged: string;
  /** Before a changed link target: `{text}` stands for the link's words. */
  linkTarget: string;
  /** Where a link appears or goes away: its target on the side without it. */
  noLink: string;
  /** Shown when a block was too different to diff word by word in time. */
  blockReplaced: string;
}

type Tag = 'ins' | 'del';

/** HTML passed through as it is (the `raw` node remark-rehype's types add to hast). */
type Raw = Extract<ElementContent, { type: 'raw' }>;

/** A range of the block text to wrap, or a text to insert at an offset. */
type Mark = { kind: 'wrap'; start: number; end: number; tag: Tag } | { kind: 'insert'; at: number; text: string; tag: Tag };

const text = (value: string): Text => ({ type: 'text', value });
const element = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });

function changeElement(tag: Tag, value: string, labels: RedlineLabels, withLabel: boolean): Element {
  const label = element('span', { className: ['visually-hidden'] }, [text(tag === 'ins' ? labels.added : labels.removed)]);
  return element(tag, {}, withLabel ? [label, text(value)] : [text(value)]);
}

/** Applies marks to a copy of a block element; offsets are in its block text. */
function markElement(source: Element, marks: readonly Mark[], labels: RedlineLabels): Element {
  const copy = structuredClone(source);
  const { text: blockText, segments } = getBlockText(copy);
  const segmentOf = new Map(segments.filter((segment) => segment.node).map((segment) => [segment.node as Text, segment]));
  const textSegments = segments.filter((segment) => segment.node);
  const inserts = marks.filter((mark): mark is Extract<Mark, { kind: 'insert' }> => mark.kind === 'insert');
  const wraps = marks.filter((mark): mark is Extract<Mark, { kind: 'wrap' }> => mark.kind === 'wrap');
  // Each insert goes before the text segment that holds its offset, or after the last one.
  const insertHome = new Map<Extract<Mark, { kind: 'insert' }>, Text | null>();
  for (const insert of inserts) {
    const holder = textSegments.find((segment) => insert.at < segment.end) ?? textSegments.at(-1);
    insertHome.set(insert, holder?.node ?? null);
  }

  const rewrite = (children: ElementContent[]): ElementContent[] =>
    children.flatMap((child): ElementContent[] => {
      if (child.type === 'element') {
        child.children = rewrite(child.children);
        return [child];
      }
      if (child.type !== 'text') return [child];
      const segment = segmentOf.get(child);
      if (!segment) return [child];
      const pieces: ElementContent[] = [];
      const isLast = segment === textSegments.at(-1);
      const here = inserts.filter((insert) => insertHome.get(insert) === child);
      const cuts = new Set<number>([segment.start, segment.end]);
      for (const wrap of wraps) {
        if (wrap.start > segment.start && wrap.start < segment.end) cuts.add(wrap.start);
        if (wrap.end > segment.start && wrap.end < segment.end) cuts.add(wrap.end);
      }
      for (const insert of here) if (insert.at > segment.start && insert.at < segment.end) cuts.add(insert.at);
      const points = [...cuts].sort((a, b) => a - b);
      for (let index = 0; index < points.length - 1; index++) {
        const from = points[index] as number;
        const to = points[index + 1] as number;
        for (const insert of here) if (insert.at === from || (insert.at < segment.start && index === 0)) pieces.push(changeElement(insert.tag, insert.text, labels, true));
        const value = blockText.slice(from, to);
        const wrap = wraps.find((candidate) => candidate.start <= from && to <= candidate.end);
        pieces.push(wrap ? changeElement(wrap.tag, value, labels, wrap.start === from || from === segment.start) : text(value));
      }
      for (const insert of here) if (insert.at >= segment.end && isLast) pieces.push(changeElement(insert.tag, insert.text, labels, true));
      return pieces;
    });
  copy.children = rewrite(copy.children);
  if (textSegments.length === 0) {
    // A block without text (an image, a rule): put inserts inside its last cell or at its end.
    const target = lastCell(copy) ?? copy;
    for (const insert of inserts) target.children.push(changeElement(insert.tag, insert.text, labels, true));
  }
  return copy;
}

function lastCell(root: Element): Element | undefined {
  const cells = root.children.filter((child): child is Element => child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th'));
  return cells.at(-1);
}

/** Adds classes, an id and a visible label to a rendered block. */
function decorate(block: Element, className: string, id: string | null, badge: string | null): Element {
  const existing = block.properties['className'];
  const classes = Array.isArray(existing) ? existing.map(String) : typeof existing === 'string' ? [existing] : [];
  block.properties = { ...block.properties, className: [...classes, 'diff-block', className], ...(id ? { id } : {}) };
  if (badge) {
    const label = element('span', { className: ['diff-badge'] }, [text(badge)]);
    const target = block.tagName === 'tr' ? (block.children.find((child): child is Element => child.type === 'element') ?? block) : block;
    target.children.unshift(label, text(' '));
  }
  return block;
}

/** Puts each changed link target under the block's words, old struck out, new inserted: a change the words do not show. */
function appendLinkChanges(block: Element, links: readonly LinkTargetChange[], labels: RedlineLabels): Element {
  const target = block.tagName === 'tr' ? (lastCell(block) ?? block) : block;
  for (const link of links) {
    target.children.push(
      element('span', { className: ['diff-link-change'] }, [
        text(`${labels.linkTarget.replace('{text}', link.text)} `),
        changeElement('del', link.from ?? labels.noLink, labels, true),
        text(' → '),
        changeElement('ins', link.to ?? labels.noLink, labels, true),
      ]),
    );
  }
  return block;
}

/** The marks of each side of a word diff. */
function wordMarks(change: Extract<BlockChange, { op: 'modified' }>): { old: Mark[]; new: Mark[]; inline: Mark[] } {
  const oldMarks: Mark[] = [];
  const newMarks: Mark[] = [];
  const inline: Mark[] = [];
  let oldOffset = 0;
  let newOffset = 0;
  for (const part of change.words ?? []) {
    if (part.removed) {
      oldMarks.push({ kind: 'wrap', start: oldOffset, end: oldOffset + part.value.length, tag: 'del' });
      inline.push({ kind: 'insert', at: newOffset, text: part.value, tag: 'del' });
      oldOffset += part.value.length;
    } else if (part.added) {
      newMarks.push({ kind: 'wrap', start: newOffset, end: newOffset + part.value.length, tag: 'ins' });
      inline.push({ kind: 'wrap', start: newOffset, end: newOffset + part.value.length, tag: 'ins' });
      newOffset += part.value.length;
    } else {
      oldOffset += part.value.length;
      newOffset += part.value.length;
    }
  }
  return { old: oldMarks, new: newMarks, inline };
}

const whole = (block: RedlineBlock, tag: Tag): Mark[] => (block.text === '' ? [] : [{ kind: 'wrap', start: 0, end: block.text.length, tag }]);

interface RenderedBlock {
  block: RenderableBlock;
  /** The marked element, or, for an unchanged block, its HTML as it is (nothing to parse). */
  element: Element | Raw;
  /** Which version the block belongs to: nested items go under an item of the same version. */
  side: 'old' | 'new' | 'both';
}

/** Renders each change for one view: 'inline', or one side of 'side-by-side'. */
function renderChange(change: BlockChange<RenderableBlock>, view: 'inline' | 'old' | 'new', id: string | null, labels: RedlineLabels): RenderedBlock | null {
  switch (change.op) {
    case 'equal':
      return view === 'old' ? { block: change.old, element: { type: 'raw', value: change.old.html }, side: 'both' } : { block: change.new, element: { type: 'raw', value: change.new.html }, side: 'both' };
    case 'added':
      if (view === 'old') return null;
      return {
        block: change.new,
        element: decorate(markElement(change.new.element, whole(change.new, 'ins'), labels), 'diff-added', id, change.moved ? labels.blockMoved : labels.blockAdded),
        side: 'new',
      };
    case 'removed':
      if (view === 'new') return null;
      return {
        block: change.old,
        element: decorate(markElement(change.old.element, whole(change.old, 'del'), labels), 'diff-removed', id, change.moved ? labels.blockMoved : labels.blockRemoved),
        side: 'old',
      };
    case 'formatted': {
      const side = view === 'old' ? change.old : change.new;
      const links = getBlockLinkChanges(change.old, change.new);
      const block = decorate(structuredClone(side.element), 'diff-formatted', id, links.length > 0 ? labels.blockLinkChanged : labels.blockFormatted);
      return { block: side, element: appendLinkChanges(block, links, labels), side: 'both' };
    }
    case 'modified': {
      const side = view === 'old' ? change.old : change.new;
      const links = getBlockLinkChanges(change.old, change.new);
      if (change.words === null) {
        // Too different to diff word by word in time: the whole old block, then the whole new one.
        const tag = view === 'old' ? 'del' : 'ins';
        return { block: side, element: appendLinkChanges(decorate(markElement(side.element, whole(side, tag), labels), 'diff-modified', id, labels.blockReplaced), links, labels), side: 'both' };
      }
      return { block: side, element: appendLinkChanges(decorate(markElement(side.element, wordMarks(change)[view], labels), 'diff-modified', id, null), links, labels), side: 'both' };
    }
  }
}

/** Puts list items into lists (nested by depth) and table rows into tables, in order. */
function assemble(rendered: readonly RenderedBlock[]): ElementContent[] {
  const out: ElementContent[] = [];
  /** A list item placed in a list, so an unchanged (raw) one can become an element when a sub-list must go inside it. */
  interface PlacedItem {
    block: RenderableBlock;
    list: Element;
    index: number;
  }
  const asElement = (item: PlacedItem): Element => {
    const node = item.list.children[item.index];
    if (node && node.type === 'element') return node;
    const element = structuredClone(item.block.element);
    item.list.children[item.index] = element;
    return element;
  };
  // The last item at each depth, per version: a nested item goes under an item of its own version,
  // so an added sub-item never hangs under a removed item.
  let lastNew: PlacedItem[] = [];
  let lastOld: PlacedItem[] = [];
  let topList: Element | null = null;
  let table: { element: Element; body: Element } | null = null;
  for (const { block, element: node, side } of rendered) {
    if (block.kind !== 'table-row') table = null;
    if (block.kind !== 'list-item') {
      // A paragraph or heading ends the lists of its own version only.
      if (side !== 'old') lastNew = [];
      if (side !== 'new') lastOld = [];
      topList = null;
    }
    if (block.kind === 'list-item') {
      const wanted = block.ordered ? 'ol' : 'ul';
      const newList = () => element(wanted, block.ordered && block.start !== 1 ? { start: block.start } : {}, []);
      const parent = block.depth === 0 ? undefined : (side === 'old' ? lastOld : lastNew)[block.depth - 1];
      let list: Element;
      if (parent) {
        const parentItem = asElement(parent);
        const tail = parentItem.children.at(-1);
        if (tail && tail.type === 'element' && tail.tagName === wanted) list = tail;
        else {
          list = newList();
          parentItem.children.push(list);
        }
      } else {
        if (!topList || topList.tagName !== wanted) {
          topList = newList();
          out.push(topList);
        }
        list = topList;
      }
      list.children.push(node as ElementContent);
      const placed: PlacedItem = { block, list, index: list.children.length - 1 };
      if (side !== 'old') lastNew = [...lastNew.slice(0, block.depth), placed];
      if (side !== 'new') lastOld = [...lastOld.slice(0, block.depth), placed];
    } else if (block.kind === 'table-row') {
      if (!table) {
        const body = element('tbody', {}, []);
        table = { element: element('table', {}, [body]), body };
        out.push(table.element);
      }
      table.body.children.push(node as ElementContent);
    } else {
      out.push(node as ElementContent);
    }
  }
  return out;
}

/** The inline view: the new text, with deletions shown where they were. */
export function renderInlineRedline(redline: Redline<RenderableBlock>, labels: RedlineLabels): Root {
  const changeIds = new Map(redline.changes.map((blockIndex, changeIndex) => [blockIndex, `change-${changeIndex + 1}`]));
  const rendered = redline.blocks.flatMap((change, index) => renderChange(change, 'inline', changeIds.get(index) ?? null, labels) ?? []);
  return { type: 'root', children: assemble(rendered) };
}

/** The side-by-side view: one row per block, the old version left and the new one right. */
export function renderSideBySideRedline(redline: Redline<RenderableBlock>, labels: RedlineLabels, headings: { old: string; new: string }, idPrefix = 'change-'): Root {
  const changeIds = new Map(redline.changes.map((blockIndex, changeIndex) => [blockIndex, `${idPrefix}${changeIndex + 1}`]));
  const cell = (rendered: RenderedBlock | null, side: 'old' | 'new', heading: string): Element =>
    element('div', { className: ['sbs-cell', `sbs-${side}`], ...(rendered ? {} : { ariaHidden: 'true' }) }, [
      element('span', { className: ['visually-hidden'] }, [text(heading)]),
      ...(rendered ? assemble([rendered]) : []),
    ]);
  const rows = redline.blocks.map((change, index) => {
    const id = changeIds.get(index) ?? null;
    return element('div', { className: ['sbs-row', change.op === 'equal' ? 'sbs-equal' : 'sbs-changed'], ...(id ? { id } : {}) }, [
      cell(renderChange(change, 'old', null, labels), 'old', headings.old),
      cell(renderChange(change, 'new', null, labels), 'new', headings.new),
    ]);
  });
  const header = element('div', { className: ['sbs-row', 'sbs-header'], ariaHidden: 'true' }, [
    element('div', { className: ['sbs-cell', 'sbs-old'] }, [text(headings.old)]),
    element('div', { className: ['sbs-cell', 'sbs-new'] }, [text(headings.new)]),
  ]);
  return { type: 'root', children: [element('div', { className: ['sbs'] }, [header, ...rows])] };
}

/**
 * Cutting a policy's Markdown into the blocks a redline aligns: headings,
 * paragraphs, list items (each on its own, nested ones too), table rows,
 * quotes, code and raw HTML. Each block keeps its exact source text, so the
 * blocks of a document join back into the document byte for byte, and its
 * element cut from the very tree the page is rendered from (the same plugins,
 * sanitized by the same schema), taken in the middle of the site's pipeline
 * (see markdown-pipeline.ts) before the page adds its own anchors.
 *
 * Some links are written by the build, not by the author: clause references
 * («п. 2.1» → `…/2025-09-01/#2.1`) and `policy:` links resolved to the
 * version they name. They differ between any two versions' pages although
 * nobody changed them, so each block also keeps its markup as the author
 * wrote it, which the redline compares.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Definition, List, ListItem, Root, RootContent, Table } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parsePolicyHref } from './policy-links.ts';
import { getBlockText } from './block-text.ts';
/** What a block is, for alignment and for rebuilding the document structure. */
type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-row' | 'quote' | 'code' | 'html' | 'rule' | 'definition' | 'other';

/** One block of a document. */
export interface DocBlock {
  kind: BlockKind;
  /** The exact Markdown of the block, with the whitespace up to the next block. */
  source: string;
  /** The rendered block element (`h2`, `p`, `li`, `tr`…), sanitized, as the page shows it. */
  element: Element;
  /** The same element serialized, to show the block and to publish blocks as JSON. */
  html: string;
  /** The element with the links the build wrote put back as the author wrote them (see the header); the element itself when there are none. */
  writtenElement: Element;
  /** {@link writtenElement} serialized, when it differs from {@link html}: what tells a formatting or link edit from none. */
  written?: string;
  /** The text a reader sees, whitespace collapsed (see {@link getBlockText}). */
  text: string;
  /** The clause number it starts with (`3.4` for «3.4. …», `1` for «## 1. …»), if any. */
  clause: string | null;
  /** Heading level, or nesting depth of a list item (0 for top level). */
  depth: number;
  /** For list items: whether the list is numbered, and its first number. */
  ordered: boolean;
  start: number;
  /** For table rows: the table they belong to (index in the document), and whether it is the header row. */
  group: number;
  header: boolean;
}

// «3.4.», «3.4» or «3.»; a bare number («2025 год») is not a clause number.
const CLAUSE = /^(?:(\d+(?:\.\d+)+)\.?|(\d+)\.)(?=\s|$)/;

/** The clause number a block's text starts with. */
export function getClauseNumber(text: string): string | null {
  const match = CLAUSE.exec(text);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** What a render is asked through its front matter object: with `cutBlocks`, the cutter leaves the text's blocks in `blocks`. */
export interface BlockCutRequest {
  cutBlocks?: boolean;
  blocks?: DocBlock[];
}

function getBlockCutRequest(file: VFile): BlockCutRequest | undefined {
  const request = (file.data as { astro?: { frontmatter?: BlockCutRequest } }).astro?.frontmatter;
  return request?.cutBlocks ? request : undefined;
}

/** What the remark half of the cutter keeps for the rehype half: the parsed tree and the links as written. */
interface KeptTree {
  tree: Root;
  /** The `policy:` targets the author wrote, by the source offset of the link (or reference) they are on. */
  written: Map<number, string>;
}

const keptTrees = new WeakMap<VFile, KeptTree>();

/**
 * A remark plugin, first of the pipeline: keeps the parsed tree and the
 * `policy:` targets as the author wrote them, before the link plugins
 * rewrite them. Does nothing unless the render asked for blocks.
 */
export function remarkKeepWrittenLinks() {
  return (tree: Root, file: VFile) => {
    if (!getBlockCutRequest(file)) return;
    const definitions = new Map<string, string>();
    visit(tree, 'definition', (node: Definition) => {
      // The first definition of a label wins, as in CommonMark.
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    });
    const written = new Map<number, string>();
    visit(tree, (node) => {
      const url = node.type === 'link' || node.type === 'definition' ? node.url : node.type === 'linkReference' ? definitions.get(node.identifier) : undefined;
      const offset = node.position?.start.offset;
      if (url !== undefined && offset !== undefined && parsePolicyHref(url) !== null) written.set(offset, url);
    });
    keptTrees.set(file, { tree, written });
  };
}

/**
 * A rehype plugin of the pipeline, after the sanitizer and the base path and
 * before the page's clause anchors: cuts the blocks from the tree as it is
 * there. Does nothing unless the render asked for blocks.
 */
export function rehypeCutBlocks() {
  return (tree: HastRoot, file: VFile) => {
    const request = getBlockCutRequest(file);
    const kept = keptTrees.get(file);
    if (!request || !kept) return;
    request.blocks = cutDocumentBlocks(kept.tree, tree, String(file.value), kept.written);
  };
}

interface Located {
  kind: BlockKind;
  start: number;
  depth: number;
  ordered: boolean;
  listStart: number;
  group: number;
  header: boolean;
  element: Element;
}

const emptyElement = (tagName = 'div'): Element => ({ type: 'element', tagName, properties: {}, children: [] });

/** Whether mdast-util-to-hast renders a list loose (its items' paragraphs kept as `<p>`). */
function isLoose(list: List): boolean {
  return list.spread === true || list.children.some((item) => item.spread ?? item.children.length > 1);
}

/**
 * Drops one line end that mdast-util-to-hast put between the parts of a list
 * item from the end (or start) of a text node: rehype-raw merges it into the
 * words next to it, and a paragraph's words never end (or start) with one.
 */
function dropLineEnd(children: ElementContent[], at: 'start' | 'end'): void {
  const index = at === 'end' ? children.length - 1 : 0;
  const node = children[index];
  if (node?.type !== 'text') return;
  if (at === 'end' && node.value.endsWith('\n')) node.value = node.value.slice(0, -1);
  else if (at === 'start' && node.value.startsWith('\n')) node.value = node.value.slice(1);
  else return;
  if (node.value === '') children.splice(index, 1);
}

/**
 * A list item's element without its nested lists (each of their items is a
 * block of its own), with the line ends mdast-util-to-hast would have put
 * around what is left. Works on a copy.
 */
function ownListItem(li: Element, item: ListItem, loose: boolean): Element {
  const nested = new Set(item.children.flatMap((child) => (child.type === 'list' ? [child.position?.start.offset] : [])));
  if (nested.size === 0) return li;
  const rest = item.children.filter((child) => child.type !== 'list');
  const children: ElementContent[] = [];
  for (const child of structuredClone(li.children)) {
    if (child.type === 'element' && nested.has(child.position?.start.offset)) dropLineEnd(children, 'end');
    else children.push(child);
  }
  if (rest.length === 0) children.length = 0;
  else if (!loose) {
    // A tight item's paragraphs are unwrapped, and no line end opens or closes one.
    if (rest.at(-1)?.type === 'paragraph') dropLineEnd(children, 'end');
    if (rest[0]?.type === 'paragraph') dropLineEnd(children, 'start');
  }
  return { ...li, children };
}

/** The nodes a raw HTML block became, with what belongs to later blocks (inside an unclosed element) left out. */
function htmlBlockNodes(tree: HastRoot, start: number, end: number): ElementContent[] {
  const found: ElementContent[] = [];
  const prune = (node: ElementContent): ElementContent => (node.type === 'element' ? { ...node, children: node.children.filter((child) => (child.position?.start.offset ?? start) < end).map(prune) } : node);
  const walk = (children: readonly (HastContent | ElementContent)[]) => {
    for (const child of children) {
      const at = child.position?.start.offset;
      if (at !== undefined && at >= start && at < end) {
        if (child.type !== 'doctype') found.push(prune(child as ElementContent));
      } else if (child.type === 'element' && (at === undefined || (at < end && (child.position?.end.offset ?? end) > start))) walk(child.children);
    }
  };
  walk(tree.children);
  return found;
}

/**
 * The element with the links the build wrote put back as the author wrote
 * them: a clause reference (a link the build added, so without a source
 * position) becomes its words again, a `policy:` link gets its written
 * target (and keeps the page's in `data-shown-href`). Null when the element
 * has neither.
 */
function getWrittenElement(element: Element, written: ReadonlyMap<number, string>): Element | null {
  let changed = false;
  const rewrite = (children: readonly ElementContent[]): ElementContent[] =>
    children.flatMap((child): ElementContent[] => {
      if (child.type !== 'element') return [child];
      if (child.tagName === 'a') {
        const at = child.position?.start.offset;
        const target = at === undefined ? undefined : written.get(at);
        if (target !== undefined) {
          changed = true;
          // The page's target stays beside it, so a change the author made is shown where it leads.
          const shown = child.properties['href'];
          return [{ ...child, properties: { ...child.properties, href: target, ...(typeof shown === 'string' ? { dataShownHref: shown } : {}) }, children: rewrite(child.children) }];
        }
        const href = child.properties['href'];
        if (at === undefined && typeof href === 'string' && href.includes('#')) {
          changed = true;
          return rewrite(child.children);
        }
      }
      return [{ ...child, children: rewrite(child.children) }];
    });
  const result: Element = { ...element, children: rewrite(element.children) };
  return changed ? result : null;
}

/** The elements an mdast block becomes (raw HTML around it aside). */
const TAG_NAMES: Partial<Record<RootContent['type'], readonly string[]>> = {
  heading: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  paragraph: ['p'],
  blockquote: ['blockquote'],
  code: ['pre'],
  thematicBreak: ['hr'],
};

const KIND: Partial<Record<RootContent['type'], BlockKind>> = {
  heading: 'heading',
  paragraph: 'paragraph',
  blockquote: 'quote',
  code: 'code',
  html: 'html',
  thematicBreak: 'rule',
  definition: 'definition',
};

/**
 * Cuts a rendered document into blocks: `tree` is the mdast of `markdown`
 * (GFM, as remark-parse with remark-gfm gives it), `page` the hast the
 * pipeline made of it, `written` the `policy:` targets as written (see
 * {@link remarkKeepWrittenLinks}). Each block's element is a copy, so the
 * page's later plugins do not change it.
 */
function cutDocumentBlocks(tree: Root, page: HastRoot, markdown: string, written: ReadonlyMap<number, string> = new Map()): DocBlock[] {
  // The elements at each source offset, outermost first: a list starts where its first item does, a paragraph where its first word's emphasis does.
  const elements = new Map<number, Element[]>();
  visit(page, 'element', (node: Element) => {
    const at = node.position?.start.offset;
    if (at === undefined) return;
    const list = elements.get(at);
    if (list) list.push(node);
    else elements.set(at, [node]);
  });
  const elementAt = (offset: number | undefined, tagNames: readonly string[] | null, fallback = 'div'): Element => {
    const found = offset === undefined ? undefined : elements.get(offset)?.find((node) => tagNames === null || tagNames.includes(node.tagName));
    return found ?? emptyElement(fallback);
  };
  const located: Located[] = [];
  let tables = 0;

  const addList = (list: List, depth: number) => {
    const loose = isLoose(list);
    list.children.forEach((item, index) => {
      located.push({
        kind: 'list-item',
        start: item.position?.start.offset ?? 0,
        depth,
        ordered: list.ordered === true,
        listStart: (list.start ?? 1) + index,
        group: 0,
        header: false,
        element: ownListItem(elementAt(item.position?.start.offset, ['li'], 'li'), item, loose),
      });
      for (const child of item.children) if (child.type === 'list') addList(child, depth + 1);
    });
  };

  const addTable = (table: Table) => {
    const rendered = elementAt(table.position?.start.offset, ['table'], 'table');
    const rows = rendered.children
      .filter((section): section is Element => section.type === 'element')
      .flatMap((section) => section.children.filter((row): row is Element => row.type === 'element' && row.tagName === 'tr'));
    tables += 1;
    table.children.forEach((row, index) => {
      located.push({ kind: 'table-row', start: row.position?.start.offset ?? 0, depth: 0, ordered: false, listStart: 1, group: tables, header: index === 0, element: rows[index] ?? emptyElement('tr') });
    });
  };

  for (const node of tree.children) {
    if (node.type === 'list') addList(node, 0);
    else if (node.type === 'table') addTable(node);
    else {
      const kind = KIND[node.type] ?? 'other';
      const start = node.position?.start.offset ?? 0;
      const element: Element =
        node.type === 'definition'
          ? { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: `[${node.label ?? node.identifier}]: ${written.get(start) ?? node.url}` }] }
          : node.type === 'html'
            ? { type: 'element', tagName: 'div', properties: {}, children: htmlBlockNodes(page, start, node.position?.end.offset ?? start) }
            : elementAt(start, TAG_NAMES[node.type] ?? null);
      located.push({ kind, start, depth: node.type === 'heading' ? node.depth : 0, ordered: false, listStart: 1, group: 0, header: false, element });
    }
  }

  if (located.length === 0 && markdown !== '') {
    // Only whitespace: one empty block still holds it, so the document rebuilds exactly.
    located.push({ kind: 'other', start: 0, depth: 0, ordered: false, listStart: 1, group: 0, header: false, element: emptyElement() });
  }
  return located.map((block, index) => {
    // Each block owns the source up to the next block, so the blocks join back into the document exactly.
    const from = index === 0 ? 0 : block.start;
    const to = located[index + 1]?.start ?? markdown.length;
    // A copy: the page's later plugins add anchors to the tree the blocks were cut from.
    const element = structuredClone(block.element);
    const writtenElement = getWrittenElement(element, written);
    const { text } = getBlockText(element);
    return {
      kind: block.kind,
      source: markdown.slice(from, to),
      element,
      html: toHtml(element),
      writtenElement: writtenElement ?? element,
      ...(writtenElement ? { written: toHtml(writtenElement) } : {}),
      text,
      clause: block.kind === 'paragraph' || block.kind === 'heading' || block.kind === 'list-item' ? getClauseNumber(text) : null,
      depth: block.depth,
      ordered: block.ordered,
      start: block.listStart,
      group: block.group,
      header: block.header,
    };
  });
}

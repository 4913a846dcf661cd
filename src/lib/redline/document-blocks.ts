/**
 * Cutting a policy's Markdown into the blocks a redline aligns: headings,
 * paragraphs, list items (each on its own, nested ones too), table rows,
 * quotes, code and raw HTML. Each block keeps its exact source text, so the
 * blocks of a document join back into the document byte for byte, and its
 * rendered, sanitized HTML tree, rendered by the same rules as the page.
 */
import type { Element, Root as HastRoot } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize } from 'hast-util-sanitize';
import type { Definition, List, ListItem, Root, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import { gfm } from 'micromark-extension-gfm';
import { getBlockText } from './block-text.ts';

/** What a block is, for alignment and for rebuilding the document structure. */
export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-row' | 'quote' | 'code' | 'html' | 'rule' | 'definition' | 'other';

/** One block of a document. */
export interface DocBlock {
  kind: BlockKind;
  /** The exact Markdown of the block, with the whitespace up to the next block. */
  source: string;
  /** The rendered block element (`h2`, `p`, `li`, `tr`…), sanitized. */
  element: Element;
  /** The same element serialized, to tell formatting-only edits apart and to publish blocks as JSON. */
  html: string;
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

interface Located {
  node: RootContent | ListItem;
  kind: BlockKind;
  start: number;
  depth: number;
  ordered: boolean;
  listStart: number;
  group: number;
  header: boolean;
  element: Element;
}

const EMPTY_ROOT: HastRoot = { type: 'root', children: [] };

function firstElement(tree: HastRoot | Element | undefined): Element {
  const children: readonly (HastRoot['children'][number])[] = tree?.children ?? [];
  const found = children.find((child): child is Element => child.type === 'element');
  return found ?? { type: 'element', tagName: 'div', properties: {}, children: [] };
}

function contains(node: RootContent | ListItem, types: ReadonlySet<string>): boolean {
  if (types.has(node.type)) return true;
  return 'children' in node && (node.children as (RootContent | ListItem)[]).some((child) => contains(child, types));
}

const HTML = new Set(['html']);
// Only these can carry markup or URLs the sanitizer must see; plain clauses skip it (most of a policy).
const NEEDS_SANITIZING = new Set(['html', 'link', 'linkReference', 'image', 'imageReference', 'definition', 'footnoteReference', 'footnoteDefinition']);

/**
 * GitHub's rules, plus the `policy:` links of the text as written: the page
 * resolves them before its sanitizer runs, so its blocks never have one, while
 * blocks cut from the Markdown alone (`policy diff`) show what was written.
 */
const SCHEMA = { ...defaultSchema, protocols: { ...defaultSchema.protocols, href: [...(defaultSchema.protocols?.['href'] ?? []), 'policy'] } };

/** Renders mdast nodes by the page's rules: raw HTML parsed, then sanitized. */
function render(nodes: (RootContent | ListItem)[], definitions: Definition[]): HastRoot {
  const mdast: Root = { type: 'root', children: [...(nodes as RootContent[]), ...definitions] };
  let hast = toHast(mdast, { allowDangerousHtml: true }) as HastRoot;
  if (nodes.some((node) => contains(node, HTML))) hast = raw(hast) as HastRoot;
  if (!nodes.some((node) => contains(node, NEEDS_SANITIZING))) return hast;
  return (sanitize(hast, SCHEMA) as HastRoot | undefined) ?? EMPTY_ROOT;
}

const KIND: Partial<Record<RootContent['type'], BlockKind>> = {
  heading: 'heading',
  paragraph: 'paragraph',
  blockquote: 'quote',
  code: 'code',
  html: 'html',
  thematicBreak: 'rule',
  definition: 'definition',
};

/** Options of {@link getDocumentBlocks}. */
export interface DocumentBlockOptions {
  /** Rewrites the blocks' rendered links as the page pipeline does (the site's base path). */
  transformLinks?: (tree: HastRoot) => void;
}

/** Parses a policy's Markdown into mdast with GFM, as the page's pipeline (remark-parse with remark-gfm) does. */
export function parsePolicyMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** Cuts a Markdown document into blocks. */
export function getDocumentBlocks(markdown: string, options: DocumentBlockOptions = {}): DocBlock[] {
  return cutDocumentBlocks(parsePolicyMarkdown(markdown), markdown, options);
}

/**
 * Cuts an already parsed document into blocks: `tree` must be the mdast of
 * `markdown` with GFM, as remark-parse with remark-gfm gives it, so a build
 * that renders the page parses each text once. The tree is not modified.
 */
export function cutDocumentBlocks(tree: Root, markdown: string, options: DocumentBlockOptions = {}): DocBlock[] {
  const definitions = tree.children.filter((node): node is Definition => node.type === 'definition');
  const located: Located[] = [];
  let tables = 0;

  const addList = (list: List, depth: number) => {
    list.children.forEach((item, index) => {
      const own: ListItem = { ...item, children: item.children.filter((child) => child.type !== 'list') };
      const li = firstElement(firstElement(render([{ ...list, children: [own] }], definitions)));
      located.push({
        node: item,
        kind: 'list-item',
        start: item.position?.start.offset ?? 0,
        depth,
        ordered: list.ordered === true,
        listStart: (list.start ?? 1) + index,
        group: 0,
        header: false,
        element: li,
      });
      for (const child of item.children) if (child.type === 'list') addList(child, depth + 1);
    });
  };

  const addTable = (table: Table) => {
    const rendered = firstElement(render([table], definitions));
    const rows = rendered.children
      .filter((section): section is Element => section.type === 'element')
      .flatMap((section) => section.children.filter((row): row is Element => row.type === 'element' && row.tagName === 'tr'));
    tables += 1;
    table.children.forEach((row, index) => {
      located.push({
        node: row as unknown as RootContent,
        kind: 'table-row',
        start: row.position?.start.offset ?? 0,
        depth: 0,
        ordered: false,
        listStart: 1,
        group: tables,
        header: index === 0,
        element: rows[index] ?? { type: 'element', tagName: 'tr', properties: {}, children: [] },
      });
    });
  };

  for (const node of tree.children) {
    if (node.type === 'list') addList(node, 0);
    else if (node.type === 'table') addTable(node);
    else {
      const kind = KIND[node.type] ?? 'other';
      const element =
        kind === 'definition' && node.type === 'definition'
          ? { type: 'element' as const, tagName: 'p', properties: {}, children: [{ type: 'text' as const, value: `[${node.label ?? node.identifier}]: ${node.url}` }] }
          : kind === 'html'
            ? { type: 'element' as const, tagName: 'div', properties: {}, children: render([node], definitions).children as Element['children'] }
            : firstElement(render([node], definitions));
      located.push({
        node,
        kind,
        start: node.position?.start.offset ?? 0,
        depth: node.type === 'heading' ? node.depth : 0,
        ordered: false,
        listStart: 1,
        group: 0,
        header: false,
        element,
      });
    }
  }

  if (located.length === 0 && markdown !== '') {
    // Only whitespace: one empty block still holds it, so the document rebuilds exactly.
    located.push({ node: { type: 'paragraph', children: [] }, kind: 'other', start: 0, depth: 0, ordered: false, listStart: 1, group: 0, header: false, element: { type: 'element', tagName: 'div', properties: {}, children: [] } });
  }
  if (options.transformLinks) {
    const transform = options.transformLinks;
    for (const block of located) transform({ type: 'root', children: [block.element] });
  }
  return located.map((block, index) => {
    // Each block owns the source up to the next block, so the blocks join back into the document exactly.
    const from = index === 0 ? 0 : block.start;
    const to = located[index + 1]?.start ?? markdown.length;
    const { text } = getBlockText(block.element);
    return {
      kind: block.kind,
      source: markdown.slice(from, to),
      element: block.element,
      html: toHtml(block.element),
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

/**
 * What a policy text offers to links and references, read from its mdast:
 * its section and clause numbers with the anchors the page gives them
 * ({@link rehypeClauseAnchors}), the GitHub slugs of its headings, and
 * the links it contains. The page computes the same anchors from the HTML;
 * a test builds both from real texts and compares them, so a link the lint
 * accepts is a link that works.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import GithubSlugger from 'github-slugger';
import type { Nodes, Parents, PhrasingContent, Root } from 'mdast';
import { getClauseNumber } from '#lib/markdown/document-blocks.ts';
import { getClauseId } from './clause-anchors.ts';

/** A section (numbered heading) or clause (numbered paragraph or list item). */
interface OutlineNumber {
  /** `3.4`, `4`. */
  number: string;
  /** The anchor the page gives it: the number, or `3.4-2` for a number used again. */
  id: string;
  kind: 'section' | 'clause';
  line: number;
  column: number;
}

/** A link in the text. */
interface OutlineLink {
  url: string;
  /** The words it is on, for messages. */
  text: string;
  /** Written in raw HTML (`<a href>`) rather than Markdown. */
  html: boolean;
  line: number;
  column: number;
}

/** The outline of one text. */
export interface DocumentOutline {
  /** Numbers in document order. */
  numbers: OutlineNumber[];
  /** Every id an element of the rendered text has: clause anchors, heading ids, ids kept from raw HTML. */
  anchors: string[];
  links: OutlineLink[];
}

const NUMBERED_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li']);
/** What the sanitizer puts before ids and names kept from raw HTML (GitHub's rule). */
const CLOBBER_PREFIX = 'user-content-';
const LEADING = 24;

/** The text of inline content as the page shows it (what hast text nodes would hold). */
function phrasingText(children: readonly PhrasingContent[], limit = Infinity): string {
  let text = '';
  for (const child of children) {
    if (text.length >= limit) break;
    if (child.type === 'text' || child.type === 'inlineCode') text += child.value;
    else if ('children' in child) text += phrasingText(child.children as PhrasingContent[], limit - text.length);
  }
  return text;
}

/** The leading text of a block, as rehypeClauseAnchors reads it. */
function leadingText(node: Nodes): string {
  if (node.type === 'paragraph' || node.type === 'heading') return phrasingText(node.children, LEADING).trimStart();
  if ('children' in node) {
    let text = '';
    for (const child of node.children) {
      if (text.length >= LEADING) break;
      text += leadingText(child);
    }
    return text.trimStart();
  }
  return '';
}

function hastText(children: readonly ElementContent[]): string {
  let text = '';
  for (const child of children) {
    if (child.type === 'text') text += child.value;
    else if (child.type === 'element') text += hastText(child.children);
  }
  return text;
}

/** The outline of a parsed text (mdast with GFM, as the page's pipeline parses it). */
export function getDocumentOutline(tree: Root): DocumentOutline {
  const numbers: OutlineNumber[] = [];
  const anchors: string[] = [];
  const links: OutlineLink[] = [];
  const taken = new Set<string>();
  const slugger = new GithubSlugger();
  const footnoteCalls = new Map<string, number>();

  const number = (clause: string, kind: OutlineNumber['kind'], line: number, column: number): string => {
    let id = getClauseId(clause);
    for (let n = 2; taken.has(id); n++) id = `${getClauseId(clause)}-${n}`;
    taken.add(id);
    numbers.push({ number: clause, id, kind, line, column });
    return id;
  };

  // Every heading in document order through one slugger, as rehypeClauseAnchors gives them ids: a heading
  // without a number has its slug as its id, a numbered one carries its slug beside the clause id.
  const heading = (text: string, clause: string | null, line: number, column: number) => {
    // Astro escapes braces before slugging (rehype-collect-headings); github-slugger drops both characters anyway.
    const slug = slugger.slug(text.replace(/\{/g, '${'));
    if (clause === null) {
      taken.add(slug);
      anchors.push(slug);
      return;
    }
    number(clause, 'section', line, column);
    if (!taken.has(slug)) {
      taken.add(slug);
      anchors.push(slug);
    }
  };

  // Raw HTML is parsed as the page parses it: its numbered elements are clauses, its ids survive with the sanitizer's prefix.
  const visitHtml = (html: string, line: number, column: number) => {
    const walk = (children: readonly HastRoot['children'][number][], parentNumbered: boolean) => {
      for (const child of children) {
        if (child.type !== 'element') continue;
        const element: Element = child;
        for (const attribute of ['id', 'name']) {
          const value = element.properties[attribute];
          if (typeof value === 'string' && value !== '') anchors.push(`${CLOBBER_PREFIX}${value}`);
        }
        const href = element.properties['href'];
        if (element.tagName === 'a' && typeof href === 'string') links.push({ url: href, text: hastText(element.children).trim(), html: true, line, column });
        let numbered = false;
        const isHeading = /^h[1-6]$/.test(element.tagName);
        if (NUMBERED_TAGS.has(element.tagName) && typeof element.properties['id'] !== 'string' && !(element.tagName === 'p' && parentNumbered)) {
          const clause = getClauseNumber(hastText(element.children).trimStart().slice(0, LEADING));
          if (isHeading) heading(hastText(element.children), clause, line, column);
          else if (clause) number(clause, 'clause', line, column);
          numbered = clause !== null;
        }
        walk(element.children, element.tagName === 'li' && numbered);
      }
    };
    walk(fromHtml(html, { fragment: true }).children, false);
  };

  const visit = (node: Nodes, parent: Parents | null, parentNumbered: boolean) => {
    const line = node.position?.start.line ?? 1;
    const column = node.position?.start.column ?? 1;
    let numbered = false;
    switch (node.type) {
      case 'heading': {
        const clause = getClauseNumber(leadingText(node));
        heading(phrasingText(node.children), clause, line, column);
        numbered = clause !== null;
        break;
      }
      case 'listItem':
      case 'paragraph': {
        // A paragraph inside a numbered list item is that clause (see rehypeClauseAnchors).
        if (node.type === 'paragraph' && parent?.type === 'listItem' && parentNumbered) break;
        const clause = getClauseNumber(leadingText(node));
        if (clause) {
          number(clause, 'clause', line, column);
          numbered = true;
        }
        break;
      }
      case 'html':
        visitHtml(node.value, line, column);
        break;
      case 'link':
        links.push({ url: node.url, text: phrasingText(node.children).trim(), html: false, line, column });
        break;
      case 'definition':
        links.push({ url: node.url, text: `[${node.label ?? node.identifier}]`, html: false, line, column });
        break;
      case 'footnoteReference': {
        // GFM footnotes get ids from mdast-util-to-hast, which the sanitizer prefixes once more.
        const count = (footnoteCalls.get(node.identifier) ?? 0) + 1;
        footnoteCalls.set(node.identifier, count);
        anchors.push(`${CLOBBER_PREFIX}${CLOBBER_PREFIX}fnref-${node.identifier}${count > 1 ? `-${count}` : ''}`);
        break;
      }
      case 'footnoteDefinition':
        // Rendered apart, at the end, in a list whose items carry their own ids: not clauses of the text.
        return;
      default:
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child, node, numbered);
  };
  visit(tree, null, false);

  anchors.push(...numbers.map((entry) => entry.id));
  // Only footnotes that are referenced are rendered, under a heading of their own.
  for (const identifier of footnoteCalls.keys()) anchors.push(`${CLOBBER_PREFIX}${CLOBBER_PREFIX}fn-${identifier}`);
  if (footnoteCalls.size > 0) anchors.push(`${CLOBBER_PREFIX}footnote-label`);
  return { numbers, anchors: [...new Set(anchors)].sort(), links };
}

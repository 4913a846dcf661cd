/**
 * Stable anchors for citing a clause: every heading and paragraph that
 * starts with a clause number («3.4.», «## 3.») gets that number as its id,
 * so `…/privacy/2025-09-01/#3.4` points at clause 3.4 for the life of the
 * version, however the wording around it changes. Each numbered element also
 * gets a small "link to this clause" anchor (named "§ 3.4" for screen readers,
 * in every language). Headings also keep the anchor GitHub would give them
 * (below), so the links authors wrote to it keep working. A rehype plugin of
 * the site's Markdown pipeline.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { getClauseNumber } from '#lib/markdown/document-blocks.ts';

const NUMBERED = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li']);

/** An element's whole text, as a slugger reads a heading. */
function allText(children: readonly ElementContent[]): string {
  return children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? allText(child.children) : '')).join('');
}

/** The first few characters of an element's text: enough to read a clause number. */
function leadingText(children: readonly ElementContent[], limit = 24): string {
  let text = '';
  for (const child of children) {
    if (text.length >= limit) break;
    if (child.type === 'text') text += child.value;
    else if (child.type === 'element') text += leadingText(child.children, limit - text.length);
  }
  return text.trimStart();
}

/** The id of a clause number: the number itself (`3.4`), a valid HTML id and a readable URL fragment. */
export function getClauseId(clause: string): string {
  return clause;
}

/**
 * Adds clause ids and "link to this clause" anchors, and heading ids as
 * GitHub gives them: one github-slugger over every heading in document order,
 * as on GitHub and in any slug-based renderer. A heading without a number gets
 * its slug as its id (Astro then keeps it); a numbered heading keeps the clause
 * id and carries its slug on an empty `<span>` at its start, so a link written
 * to either (`#12`, `#12-questions-and-concerns`) lands on it.
 */
export function rehypeClauseAnchors() {
  return (tree: Root) => {
    const taken = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties['id'] === 'string') taken.add(node.properties['id']);
    });
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node: Element, _index, parent) => {
      if (!NUMBERED.has(node.tagName) || typeof node.properties['id'] === 'string') return;
      const heading = node.tagName.startsWith('h');
      // Astro escapes braces before slugging (rehype-collect-headings); github-slugger drops both characters anyway.
      const slug = heading ? slugger.slug(allText(node.children).replace(/\{/g, '${')) : null;
      // A paragraph inside a list item that already carries the number is the same clause.
      const inNumberedItem = node.tagName === 'p' && parent && parent.type === 'element' && parent.tagName === 'li' && typeof parent.properties['id'] === 'string';
      const clause = inNumberedItem ? null : getClauseNumber(leadingText(node.children));
      if (!clause) {
        if (slug !== null) {
          node.properties['id'] = slug;
          taken.add(slug);
        }
        return;
      }
      let id = getClauseId(clause);
      for (let n = 2; taken.has(id); n++) id = `${getClauseId(clause)}-${n}`;
      taken.add(id);
      node.properties['id'] = id;
      const classes = Array.isArray(node.properties['className']) ? node.properties['className'] : [];
      node.properties['className'] = [...classes, 'clause'];
      node.children.unshift({ type: 'element', tagName: 'a', properties: { className: ['clause-link'], href: `#${id}`, ariaLabel: `§ ${clause}` }, children: [] });
      if (slug !== null && !taken.has(slug)) {
        taken.add(slug);
        node.children.unshift({ type: 'element', tagName: 'span', properties: { id: slug }, children: [] });
      }
    });
  };
}

/**
 * Leads a text's in-page links (`#3.4`, `#12-questions-and-concerns`) to its
 * page: for its blocks shown elsewhere (a redline), where those ids are not.
 * @param pagePath the page with the anchors (`/ru/privacy/2025-09-01/`)
 */
export function rehypeFragmentLinksTo(pagePath: string) {
  return (tree: Root | Element) => {
    visit(tree, (node) => {
      if (node.type === 'element') {
        const href = node.properties['href'];
        if (node.tagName === 'a' && typeof href === 'string' && href.length > 1 && href.startsWith('#')) node.properties['href'] = `${pagePath}${href}`;
      } else if ((node.type as string) === 'raw') {
        // A block passed through as its serialized HTML (an unchanged block of a redline).
        const raw = node as unknown as { value: string };
        raw.value = raw.value.replace(/(<a\s[^>]*?\bhref=")#(?=[^"])/g, `$1${pagePath}#`);
      }
    });
  };
}

/**
 * What changed in the links of a block: a redline says "ссылка «Политика
 * конфиденциальности»: /ru/privacy/ → /ru/privacy/2025-09-01/" where a
 * target changed, for a block whose words stayed (else it would read only
 * "formatting or link changed") and for an edited one alike (a target is not
 * in the words, so a word diff never shows it). Blocks are compared by their
 * links as the author wrote them (see document-blocks.ts), so a link the
 * build rewrites for each version's page is not a change (a changed one is
 * shown where the page's link leads). Links are matched
 * as jsdiff matches words: the unchanged ones in order, then, in each changed
 * run, those on the same words, then the rest in order; a link that appears
 * or goes away has no target on one side. Works on hast, so the build, the
 * browser and the CLI share it.
 */
import type { Element, ElementContent } from 'hast';
import { diffArrays } from 'diff';

/** One link whose target changed. */
export interface LinkTargetChange {
  /** The words the link is on (the new ones when both sides have the link). */
  text: string;
  /** The old and new targets, where each page's link leads; null where the link is not there. */
  from: string | null;
  to: string | null;
}

interface FoundLink {
  text: string;
  /** The target as written, which is compared. */
  href: string;
  /** Where the page's link leads (a resolved `policy:` link), which is shown. */
  shown: string;
}

function textOf(children: readonly ElementContent[]): string {
  return children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child.children) : '')).join('');
}

function linksOf(element: Element): FoundLink[] {
  const found: FoundLink[] = [];
  const visit = (node: Element) => {
    const href = node.properties['href'];
    // The clause's own "link to this clause" anchor has no words: it is not a link of the text.
    const shown = node.properties['dataShownHref'];
    if (node.tagName === 'a' && typeof href === 'string' && textOf(node.children).trim() !== '') found.push({ text: textOf(node.children).trim(), href, shown: typeof shown === 'string' ? shown : href });
    for (const child of node.children) if (child.type === 'element') visit(child);
  };
  visit(element);
  return found;
}

/**
 * Pairs the links of one changed run: on the same words first, then in
 * order. The changes come in the order of the old links (a link that only
 * appears, after the old one before it).
 */
function pairRun(removed: readonly FoundLink[], added: readonly FoundLink[]): LinkTargetChange[] {
  const rest = added.map((link, index) => ({ link, index }));
  const unmatched: { link: FoundLink; index: number }[] = [];
  const changes: { at: number; change: LinkTargetChange }[] = [];
  removed.forEach((from, index) => {
    const found = rest.findIndex((to) => to.link.text === from.text);
    const [to] = found === -1 ? [] : rest.splice(found, 1);
    if (!to) unmatched.push({ link: from, index });
    else if (to.link.href !== from.href) changes.push({ at: index, change: { text: to.link.text, from: from.shown, to: to.link.shown } });
  });
  for (let index = 0; index < Math.max(unmatched.length, rest.length); index++) {
    const from = unmatched[index];
    const to = rest[index];
    if (from?.link.href === to?.link.href) continue;
    changes.push({ at: from?.index ?? Math.min(to?.index ?? 0, removed.length) - 0.5, change: { text: to?.link.text ?? from?.link.text ?? '', from: from?.link.shown ?? null, to: to?.link.shown ?? null } });
  }
  return changes.sort((a, b) => a.at - b.at).map(({ change }) => change);
}

/**
 * The link targets that differ between two renderings of one block, in order.
 * @public Exported for its tests: tested on hand-made renderings of one block.
 */
export function getLinkTargetChanges(before: Element, after: Element): LinkTargetChange[] {
  const parts = diffArrays(linksOf(before), linksOf(after), { comparator: (a, b) => a.text === b.text && a.href === b.href });
  const changes: LinkTargetChange[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (!part || (!part.added && !part.removed)) continue;
    const next = parts[index + 1];
    if (part.removed && next?.added) {
      changes.push(...pairRun(part.value, next.value));
      index++;
    } else changes.push(...(part.removed ? pairRun(part.value, []) : pairRun([], part.value)));
  }
  return changes;
}

/** A block as link changes read it: its element, and its links as written when the build rewrote some. */
export interface LinkedBlock {
  element: Element;
  writtenElement?: Element;
}

/** The link targets the author changed between two versions of a block. */
export function getBlockLinkChanges(before: LinkedBlock, after: LinkedBlock): LinkTargetChange[] {
  return getLinkTargetChanges(before.writtenElement ?? before.element, after.writtenElement ?? after.element);
}

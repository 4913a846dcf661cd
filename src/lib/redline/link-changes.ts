/**
 * What changed in the links of a block whose words did not: a redline says
 * "ссылка «Политика конфиденциальности»: /ru/privacy/ → /ru/privacy/2025-09-01/"
 * instead of only "formatting or link changed". Links are paired in the
 * order they appear; a link that appears or goes away has no target on one
 * side. Works on hast, so the build, the browser and the CLI share it.
 */
import type { Element, ElementContent } from 'hast';

/** One link whose target changed. */
export interface LinkTargetChange {
  /** The words the link is on (the new ones when both sides have the link). */
  text: string;
  /** The old and new targets; null where the link is not there. */
  from: string | null;
  to: string | null;
}

interface FoundLink {
  text: string;
  href: string;
}

function textOf(children: readonly ElementContent[]): string {
  return children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child.children) : '')).join('');
}

function linksOf(element: Element): FoundLink[] {
  const found: FoundLink[] = [];
  const visit = (node: Element) => {
    const href = node.properties['href'];
    // The clause's own "link to this clause" anchor has no words: it is not a link of the text.
    if (node.tagName === 'a' && typeof href === 'string' && textOf(node.children).trim() !== '') found.push({ text: textOf(node.children).trim(), href });
    for (const child of node.children) if (child.type === 'element') visit(child);
  };
  visit(element);
  return found;
}

/** The link targets that differ between two renderings of one block, in order. */
export function getLinkTargetChanges(before: Element, after: Element): LinkTargetChange[] {
  const old = linksOf(before);
  const now = linksOf(after);
  const changes: LinkTargetChange[] = [];
  for (let index = 0; index < Math.max(old.length, now.length); index++) {
    const from = old[index];
    const to = now[index];
    if (from?.href === to?.href) continue;
    changes.push({ text: to?.text ?? from?.text ?? '', from: from?.href ?? null, to: to?.href ?? null });
  }
  return changes;
}

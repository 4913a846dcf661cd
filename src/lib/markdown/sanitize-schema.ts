/**
 * The one sanitize schema of policy texts: GitHub's rules (no `<script>`, no
 * event handlers, no `<iframe>`, no `javascript:` URLs). The page pipeline
 * sanitizes with it, and the compare page sanitizes each block it fetched
 * with it again before the block goes into the document: a blocks file is
 * data from the network, not markup to trust. A module of its own, so the
 * browser's bundle takes the schema without the Markdown pipeline.
 */
import type { Element, Root } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';

/** What policy Markdown may keep of raw HTML and URLs. */
export const POLICY_SANITIZE_SCHEMA: Schema = defaultSchema;

/** Where a block element is sanitized: the schema keeps a list item only in a list, a row only in a table. */
const CONTEXT: Record<string, string[]> = { li: ['ul'], tr: ['table', 'tbody'] };

/**
 * A block element (`p`, `li`, `tr`…) sanitized by the policy schema, in the
 * list or table it belongs to; an empty `div` when nothing of it may stay.
 */
export function sanitizeBlockElement(element: Element): Element {
  const wrappers = CONTEXT[element.tagName] ?? [];
  const wrapped = wrappers.reduceRight<Element>((child, tagName) => ({ type: 'element', tagName, properties: {}, children: [child] }), element);
  const firstElement = (parent: Root | Element): Element | undefined => (parent.children as (Root | Element)['children'][number][]).find((child): child is Element => child.type === 'element');
  let result = firstElement(sanitize({ type: 'root', children: [wrapped] }, POLICY_SANITIZE_SCHEMA) as Root);
  for (let depth = 0; depth < wrappers.length && result; depth++) result = firstElement(result);
  return result ?? { type: 'element', tagName: 'div', properties: {}, children: [] };
}

/**
 * Makes a text's references to its own clauses links to their anchors:
 * "в соответствии с п. 3.5" gets "3.5" linked to `…/2025-09-01/#3.5`, "пп.
 * 3.5–3.7" each number. The link names the version's permanent page, not
 * just `#3.5`: the same blocks are shown on redline and compare pages, where
 * the clause anchors are not (on the version's own page it is a jump within it). Only references to numbers
 * the text has are linked (the `clause-reference` rule reports the others);
 * words inside a link stay as they are. A remark plugin of the site's
 * pipeline; a text rendered without a locale (see {@link VersionRenderContext})
 * is left alone.
 */
import type { Link, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { findClauseReferences } from '#lib/lint/clause-references.ts';
import { getDocumentOutline } from './document-outline.ts';
import { getVersionRenderContext } from './policy-links.ts';
import { getTextRuns } from './text-runs.ts';

interface Cut {
  start: number;
  end: number;
  url: string;
}

/** Links the clause references of a text. */
export function remarkClauseReferenceLinks() {
  return (tree: Root, file: VFile) => {
    const context = getVersionRenderContext(file);
    if (!context?.locale) return;
    const anchors = new Map<string, string>();
    // "#3.4" is the first clause 3.4; a number used again has "3.4-2", which a reference cannot mean.
    for (const entry of getDocumentOutline(tree).numbers) if (!anchors.has(entry.number)) anchors.set(entry.number, entry.id);
    if (anchors.size === 0) return;
    const cuts = new Map<Text, Cut[]>();
    for (const run of getTextRuns(tree)) {
      for (const reference of findClauseReferences(run.text, context.locale, context.title)) {
        for (const number of reference.numbers) {
          const id = anchors.get(number.number);
          const segment = run.segments.find((candidate) => candidate.start <= number.start && number.end <= candidate.end);
          if (!id || !segment || segment.inLink) continue;
          const list = cuts.get(segment.node) ?? [];
          list.push({ start: number.start - segment.start, end: number.end - segment.start, url: `${context.permanentPath ?? ''}#${id}` });
          cuts.set(segment.node, list);
        }
      }
    }
    if (cuts.size === 0) return;
    visit(tree, 'text', (node, index, parent) => {
      const list = cuts.get(node);
      if (!list || !parent || index === undefined) return;
      const pieces: (Text | Link)[] = [];
      let at = 0;
      for (const cut of list.sort((a, b) => a.start - b.start)) {
        if (cut.start > at) pieces.push({ type: 'text', value: node.value.slice(at, cut.start) });
        pieces.push({ type: 'link', url: cut.url, children: [{ type: 'text', value: node.value.slice(cut.start, cut.end) }] });
        at = cut.end;
      }
      if (at < node.value.length) pieces.push({ type: 'text', value: node.value.slice(at) });
      parent.children.splice(index, 1, ...pieces);
      return index + pieces.length;
    });
  };
}

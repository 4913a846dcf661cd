/**
 * `clause-reference`: a reference of the text to its own clauses or sections
 * ("п. 3.5", "пп. 3.5–3.7", "раздел 4", "section 4.2") names a number the
 * text has. Removing clause 6.3 or renumbering a section breaks references
 * elsewhere in the text without a word; this says which, and the numbers
 * nearest to the missing one.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { getDocumentOutline } from '#lib/markdown/document-outline.ts';
import { createRunLocator, getTextRuns } from '#lib/markdown/text-runs.ts';
import { findClauseReferences } from '../clause-references.ts';
import { report, type VersionFacts } from '../lint-context.ts';
import { problemText } from '#lib/messages/message-catalog.ts';

/** Orders clause numbers as a reader does: 3.9 before 3.10, 3 before 3.1. */
export function compareClauseNumbers(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? -1) - (right[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The existing numbers just before and just after a missing one. */
function getNearestNumbers(missing: string, existing: readonly string[]): string[] {
  const sorted = [...new Set(existing)].sort(compareClauseNumbers);
  const before = sorted.filter((number) => compareClauseNumbers(number, missing) < 0).at(-1);
  const after = sorted.find((number) => compareClauseNumbers(number, missing) > 0);
  return [before, after].filter((number): number is string => number !== undefined);
}

const clauseReference = lintRule<Root, VersionFacts>('policy-press:clause-reference', (tree, file, facts) => {
  const existing = getDocumentOutline(tree).numbers.map((entry) => entry.number);
  const known = new Set(existing);
  const locator = createRunLocator(String(file.value));
  for (const run of getTextRuns(tree)) {
    for (const reference of findClauseReferences(run.text, facts.locale, facts.title)) {
      for (const number of reference.numbers) {
        if (known.has(number.number)) continue;
        const nearest = getNearestNumbers(number.number, existing);
        const [before = '', after] = nearest;
        const named = { reference: reference.text, number: number.number };
        const text =
          existing.length === 0
            ? problemText('clauseMissing', named)
            : after === undefined
              ? problemText('clauseMissingNear', { ...named, nearest: before })
              : problemText('clauseMissingBetween', { ...named, before, after });
        report(file, text, locator.pointAt(run, number.start));
      }
    }
  }
});

export default clauseReference;

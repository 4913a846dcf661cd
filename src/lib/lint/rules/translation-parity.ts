/**
 * `translation-parity`: the texts of one version in each locale are the same
 * document, so they have the same section and clause numbers. Each
 * translation is compared with the reference text (the one in the default
 * locale, else the first locale), and a mismatch is reported on both files,
 * each saying what it lacks and what the other lacks.
 * A corpus rule: it compares the outlines of a version's texts.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { compareClauseNumbers } from './clause-reference.ts';
import { report, type CorpusRuleContext, type LintedVersion } from '../lint-context.ts';

const numbersOf = (version: LintedVersion) => new Set(version.outline.numbers.map((entry) => entry.number));

/** A list of numbers for a message: the first dozen, then how many more. */
const listNumbers = (numbers: readonly string[]) => (numbers.length <= 12 ? numbers.join(', ') : `${numbers.slice(0, 12).join(', ')} and ${numbers.length - 12} more`);

/** What two texts of one version lack of each other's numbers, for a message; null when they agree. */
function compareNumbers(own: LintedVersion, other: LintedVersion): { text: string; place: { line: number; column: number } } | null {
  const mine = numbersOf(own);
  const theirs = numbersOf(other);
  const missing = [...theirs].filter((number) => !mine.has(number)).sort(compareClauseNumbers);
  const extra = [...mine].filter((number) => !theirs.has(number)).sort(compareClauseNumbers);
  if (missing.length === 0 && extra.length === 0) return null;
  const sides = [
    missing.length > 0 ? `this text lacks ${listNumbers(missing)}` : null,
    extra.length > 0 ? `the ${other.locale} text lacks ${listNumbers(extra)}` : null,
  ].filter(Boolean);
  const firstExtra = own.outline.numbers.find((entry) => entry.number === extra[0]);
  return {
    text: `the section and clause numbers differ from the ${other.locale} text of the same version (${other.file}): ${sides.join('; ')}`,
    place: firstExtra ? { line: firstExtra.line, column: firstExtra.column } : { line: own.bodyStartLine, column: 1 },
  };
}

const HINT = 'Translations of one version must have the same clauses: add or renumber the clauses on the side that lacks them.';

const translationParity = lintRule<Root, CorpusRuleContext>('policy-press:translation-parity', (_tree, file, context) => {
  const { version } = context;
  const translations = [...context.versions.values()].filter((other) => other.policy === version.policy && other.version === version.version);
  const reference = translations.find((other) => other.locale === context.defaultLocale) ?? [...translations].sort((a, b) => (a.locale < b.locale ? -1 : 1))[0];
  if (!reference) return;
  // Each translation is compared with the reference text, and the reference text with each translation: both files say what they lack.
  for (const other of reference === version ? translations.filter((candidate) => candidate !== version) : [reference]) {
    const difference = compareNumbers(version, other);
    if (difference) report(file, difference.text, HINT, difference.place);
  }
});

export default translationParity;

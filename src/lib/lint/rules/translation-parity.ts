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
import { problemText, type ProblemMessage } from '#lib/messages/message-catalog.ts';
import type { ProblemText } from '#lib/messages/messages-en.ts';

const numbersOf = (version: LintedVersion) => new Set(version.outline.numbers.map((entry) => entry.number));

/** What two texts of one version lack of each other's numbers, for a message; null when they agree. */
function compareNumbers(own: LintedVersion, other: LintedVersion): { text: ProblemText & { text: ProblemMessage }; place: { line: number; column: number } } | null {
  const mine = numbersOf(own);
  const theirs = numbersOf(other);
  const missing = [...theirs].filter((number) => !mine.has(number)).sort(compareClauseNumbers);
  const extra = [...mine].filter((number) => !theirs.has(number)).sort(compareClauseNumbers);
  if (missing.length === 0 && extra.length === 0) return null;
  const named = { locale: other.locale, other: other.file };
  const firstExtra = own.outline.numbers.find((entry) => entry.number === extra[0]);
  return {
    text:
      extra.length === 0 ? problemText('parityLacks', { ...named, missing }) : missing.length === 0 ? problemText('parityOtherLacks', { ...named, extra }) : problemText('parityBothLack', { ...named, missing, extra }),
    place: firstExtra ? { line: firstExtra.line, column: firstExtra.column } : { line: own.bodyStartLine, column: 1 },
  };
}

const translationParity = lintRule<Root, CorpusRuleContext>('policy-press:translation-parity', (_tree, file, context) => {
  const { version } = context;
  const translations = [...context.versions.values()].filter((other) => other.policy === version.policy && other.version === version.version);
  const reference = translations.find((other) => other.locale === context.defaultLocale) ?? [...translations].sort((a, b) => (a.locale < b.locale ? -1 : 1))[0];
  if (!reference) return;
  // Each translation is compared with the reference text, and the reference text with each translation: both files say what they lack.
  for (const other of reference === version ? translations.filter((candidate) => candidate !== version) : [reference]) {
    const difference = compareNumbers(version, other);
    if (difference) report(file, difference.text, difference.place);
  }
});

export default translationParity;

/**
 * `translation-parity`: the texts of one version in each locale are the same
 * document, so they have the same section and clause numbers. A mismatch is
 * reported on the translation, with the numbers missing on each side; the
 * reference text is the one in the default locale (else the first locale).
 * A corpus rule: it compares the outlines of a version's texts.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { compareClauseNumbers } from './clause-reference.ts';
import { report, type CorpusRuleContext, type LintedVersion } from '../lint-context.ts';

const numbersOf = (version: LintedVersion) => new Set(version.outline.numbers.map((entry) => entry.number));

const translationParity = lintRule<Root, CorpusRuleContext>('policy-press:translation-parity', (_tree, file, context) => {
  const { version } = context;
  const translations = [...context.versions.values()].filter((other) => other.policy === version.policy && other.version === version.version);
  const reference = translations.find((other) => other.locale === context.defaultLocale) ?? [...translations].sort((a, b) => (a.locale < b.locale ? -1 : 1))[0];
  if (!reference || reference === version) return;
  const own = numbersOf(version);
  const theirs = numbersOf(reference);
  const missing = [...theirs].filter((number) => !own.has(number)).sort(compareClauseNumbers);
  const extra = [...own].filter((number) => !theirs.has(number)).sort(compareClauseNumbers);
  if (missing.length === 0 && extra.length === 0) return;
  const sides = [
    missing.length > 0 ? `this text lacks ${missing.join(', ')}` : null,
    extra.length > 0 ? `the ${reference.locale} text lacks ${extra.join(', ')}` : null,
  ].filter(Boolean);
  const firstExtra = version.outline.numbers.find((entry) => entry.number === extra[0]);
  report(
    file,
    `the section and clause numbers differ from the ${reference.locale} text of the same version (${reference.file}): ${sides.join('; ')}`,
    'Translations of one version must have the same clauses: add or renumber the clauses on the side that lacks them.',
    firstExtra ? { line: firstExtra.line, column: firstExtra.column } : { line: version.bodyStartLine, column: 1 },
  );
});

export default translationParity;

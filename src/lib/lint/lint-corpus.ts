/**
 * The lint of a whole corpus: the text part of each version (given, from a
 * cache or a render, see lint-text.ts), then the corpus rules, which compare
 * versions and follow links between them, each a unified-lint-rule plugin
 * run on the version's vfile. Findings become problems in the report format
 * of every other rule (errors and warnings apart), minus what a file
 * silences with `lint: { ignore: { <rule>: <reason> } }`; an exemption that
 * silences nothing is reported, so it cannot outlive its reason.
 */
import type { Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Problem } from '#lib/corpus/problem.ts';
import type { PolicyCorpus } from '#lib/timeline/policy-corpus.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import { createSiteContext } from '#lib/site/site-context.ts';
import type { SiteSettings } from '#lib/site/site-settings.ts';
import { getTimeline } from '#lib/timeline/policy-corpus.ts';
import { getSitePages } from '#lib/views/site-pages.ts';
import type { CorpusRuleContext, LintedVersion, VersionFacts } from './lint-context.ts';
import { isHistoryText, type HistoryFacts } from './lint-history.ts';
import { resolveLintSeverities, type LintRuleId } from './lint-rules.ts';
import { toFindings, toRuleLevel, type LintFinding, type TextLintInput, type TextLintResult } from './lint-text.ts';
import copiedSummary from './rules/copied-summary.ts';
import emptyVersion from './rules/empty-version.ts';
import policyLink from './rules/policy-link.ts';
import siteLink from './rules/site-link.ts';
import stableLink from './rules/stable-link.ts';
import translationParity from './rules/translation-parity.ts';
import { problemText } from '#lib/messages/message-catalog.ts';

/** The rules that compare versions. */
const CORPUS_RULES = {
  'site-link': siteLink,
  'policy-link': policyLink,
  'stable-link': stableLink,
  'empty-version': emptyVersion,
  'copied-summary': copiedSummary,
  'translation-parity': translationParity,
} as const;

type CorpusRuleId = keyof typeof CORPUS_RULES;

/** Errors and warnings of a lint, and the findings in texts already published (history, see lint-history.ts). */
export interface CorpusLint {
  errors: Problem[];
  warnings: Problem[];
  /** Findings in published or imported texts: reported as warnings, never refused. */
  history: Problem[];
}

// The corpus rules read outlines, not trees: they get an empty one.
const NO_TREE: Root = { type: 'root', children: [] };

/** The facts of a version that its text rules read. */
function getVersionFacts(version: PolicyVersion, corpus: PolicyCorpus, timeZone: string): VersionFacts {
  const timeline = getTimeline(corpus, version.policy, version.locale);
  const index = timeline?.versions.findIndex((candidate) => candidate.id === version.id) ?? -1;
  const previous = index > 0 ? timeline?.versions[index - 1] : undefined;
  const corrections = [...version.corrections.map((correction) => correction.date), ...(version.published?.corrections ?? []).map((correction) => correction.date)];
  return {
    locale: version.locale,
    title: version.title,
    timeZone,
    effectiveFrom: version.effectiveFrom,
    corrections: [...new Set(corrections)].sort(),
    previous: previous ? { version: previous.version, effectiveFrom: previous.effectiveFrom } : null,
  };
}

/** What the text part of the lint needs for each version, by id. */
export function getTextLintInputs(versions: readonly PolicyVersion[], corpus: PolicyCorpus, settings: Pick<SiteSettings, 'timeZone'>): Map<string, TextLintInput> {
  return new Map(versions.map((version) => [version.id, { body: version.body, file: version.file, bodyStartLine: version.bodyStartLine, facts: getVersionFacts(version, corpus, settings.timeZone) }]));
}

/** Whether any rule runs: with every rule off, there is nothing to parse. */
export function isLintOn(settings: Pick<SiteSettings, 'lint'>): boolean {
  return Object.values(resolveLintSeverities(settings.lint.rules)).some((severity) => severity !== 'off');
}

function toProblem(version: PolicyVersion, finding: LintFinding, severity: 'error' | 'warning'): Problem {
  return {
    file: version.file,
    line: finding.line,
    column: finding.column,
    severity,
    rule: finding.rule,
    code: finding.rule,
    message: finding.message,
    hint: finding.hint,
    ...(finding.text ? { text: finding.text } : {}),
  };
}

/**
 * Lints every version: their text results (one per version, from
 * {@link getTextLintInputs}) and the corpus rules.
 * @param now the build's "now", which decides the stable pages a link may lead to
 * @param ledgerExists whether the folder has a ledger, which decides what is history (see lint-history.ts)
 */
export function lintCorpus(options: {
  versions: readonly PolicyVersion[];
  corpus: PolicyCorpus;
  settings: SiteSettings;
  now: number;
  texts: ReadonlyMap<string, TextLintResult>;
  ledgerExists: HistoryFacts['ledgerExists'];
}): CorpusLint {
  const { versions, corpus, settings, texts } = options;
  const severities = resolveLintSeverities(settings.lint.rules);
  const linted = new Map<string, LintedVersion>();
  for (const version of versions) {
    const text = texts.get(version.id);
    if (!text) throw new Error(`${version.file}: the text lint did not run for this version`);
    linted.set(version.id, { ...version, outline: text.outline });
  }
  const context = createSiteContext(settings, corpus, options.now);
  const shared = { versions: linted, corpus, pages: getSitePages(context), defaultLocale: settings.defaultLocale, siteUrl: settings.siteUrl, urls: context.urls };
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const history: Problem[] = [];
  const facts: HistoryFacts = { ledgerExists: options.ledgerExists, now: options.now };
  for (const version of linted.values()) {
    const past = isHistoryText(version, facts);
    const file = new VFile({ path: version.file });
    const processor = unified();
    const ruleContext: CorpusRuleContext = { ...shared, version };
    for (const [id, rule] of Object.entries(CORPUS_RULES) as [CorpusRuleId, (typeof CORPUS_RULES)[CorpusRuleId]][]) {
      processor.use(rule, [toRuleLevel(severities[id]), ruleContext]);
    }
    processor.runSync(NO_TREE, file);
    const findings = [...(texts.get(version.id)?.findings ?? []), ...toFindings(file, 0)];
    const ignored = version.lint.ignore as Partial<Record<LintRuleId, string>>;
    const used = new Set<LintRuleId>();
    for (const finding of findings) {
      // Text rules always run (their results are cached whatever the settings); the severity applies here.
      const severity = severities[finding.rule];
      if (severity === 'off') continue;
      if (ignored[finding.rule] !== undefined) {
        used.add(finding.rule);
        continue;
      }
      if (past) history.push(toProblem(version, finding, 'warning'));
      else (severity === 'error' ? errors : warnings).push(toProblem(version, finding, severity));
    }
    for (const rule of Object.keys(ignored) as LintRuleId[]) {
      if (used.has(rule) || severities[rule] === 'off') continue;
      warnings.push({
        file: version.file,
        line: version.lintLine,
        field: `lint.ignore.${rule}`,
        severity: 'warning',
        rule,
        code: 'lint-ignore-unused',
        ...problemText('unusedIgnore', { rule, reason: ignored[rule] ?? '' }),
      });
    }
  }
  return { errors, warnings, history };
}

/**
 * The lint rules of the legal text, by stable id: what each checks and how
 * severe a finding is unless `site.config.ts` says otherwise.
 * Kept free of the rules' code so the schemas can name the ids cheaply.
 */

/** Every rule id, in the order docs/reference/lint-rules.md lists them. Ids are permanent: they are written in front matters and configs. */
export const LINT_RULE_IDS = ['stated-date', 'clause-reference', 'site-link', 'policy-link', 'stable-link', 'empty-version', 'copied-summary', 'translation-parity'] as const;

/** A rule id. */
export type LintRuleId = (typeof LINT_RULE_IDS)[number];

/** How a finding of a rule counts: `error` refuses the build and `check`, `warning` is printed, `off` does not run the rule. */
export const LINT_SEVERITIES = ['error', 'warning', 'off'] as const;

/** A rule's severity. */
export type LintSeverity = (typeof LINT_SEVERITIES)[number];

/** The severity of each rule when `site.config.ts` does not set one. */
export const DEFAULT_LINT_SEVERITIES: Readonly<Record<LintRuleId, LintSeverity>> = {
  'stated-date': 'error',
  'clause-reference': 'error',
  'site-link': 'error',
  'policy-link': 'error',
  // A text may mean the current version of another policy on purpose; it is told, and says so with lint.ignore.
  'stable-link': 'warning',
  'empty-version': 'error',
  // A copied summary may be deliberate (the same change announced in two steps); it is worth a look, not a refusal.
  'copied-summary': 'warning',
  'translation-parity': 'error',
};

/** One line per rule, for `check --help` (docs/reference/lint-rules.md, generated from these, says more). */
export const LINT_RULE_DOCS: Readonly<Record<LintRuleId, string>> = {
  'stated-date': 'dates the text states about itself ("Дата вступления в силу", "Last updated") agree with effective and the corrections',
  'clause-reference': 'references to its own clauses ("п. 3.5", "section 4.2") name clauses the text has',
  'site-link': "links to the site's own pages lead to a page and an anchor the build has",
  'policy-link': 'policy: links name a policy in force when the version took effect, and an anchor it has',
  'stable-link': "links to a policy's stable URL, which drift to whatever is current (a warning)",
  'empty-version': "a version changes something: its text and title are not its predecessor's",
  'copied-summary': "a summary is not the previous version's, copied (a warning)",
  'translation-parity': 'the translations of a version have the same section and clause numbers',
};

/** Whether a text names a rule. */
export function isLintRuleId(text: string): text is LintRuleId {
  return (LINT_RULE_IDS as readonly string[]).includes(text);
}

/** The severity of every rule: the configured one, else the default. */
export function resolveLintSeverities(configured: Readonly<Partial<Record<LintRuleId, LintSeverity>>> = {}): Record<LintRuleId, LintSeverity> {
  return Object.fromEntries(LINT_RULE_IDS.map((id) => [id, configured[id] ?? DEFAULT_LINT_SEVERITIES[id]])) as Record<LintRuleId, LintSeverity>;
}

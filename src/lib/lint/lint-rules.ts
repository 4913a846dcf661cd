/**
 * The lint rules of the legal text, by stable id: what each checks (the
 * README's "Lint rules" table says the same, and a test keeps the two in
 * step) and how severe a finding is unless `site.config.ts` says otherwise.
 * Kept free of the rules' code so the schemas can name the ids cheaply.
 */

/** Every rule id, in the order the README lists them. Ids are permanent: they are written in front matters and configs. */
export const LINT_RULE_IDS = [
  'stated-date',
  'clause-reference',
  'site-link',
  'policy-link',
  'stable-link',
  'empty-version',
  'copied-summary',
  'translation-parity',
] as const;

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

/** One line per rule, for the README and `check --help`. */
export const LINT_RULE_DOCS: Readonly<Record<LintRuleId, string>> = {
  'stated-date':
    'a date the text states ("Дата вступления в силу: 1 сентября 2025 г.", "Last updated: January 23, 2018") agrees with `effective` in the site\'s time zone; a "last updated" date is not earlier than the latest correction, not later than the version\'s last change, and not older than the previous version',
  'clause-reference':
    'a reference to a clause or section of the same text ("п. 3.5", "пп. 3.5–3.7", "раздел 4", "section 4.2", "clause 3.5") names one that exists; the error names the nearest numbers',
  'site-link': "a link to the site's own pages (`/ru/consent/`, `../consent/`, the site URL, `#3.4`) leads to a page and an anchor the build has",
  'policy-link':
    'a `policy:` link (`[Политика](policy:privacy#3.4)`) names a policy that had a version in force when this version took effect (same locale, else the default one), and an anchor of that version',
  'stable-link':
    "a link to a policy's stable URL (`/ru/privacy/`), which shows whatever version is current when followed, is reported with the `policy:` link that names the version in force when this one took effect",
  'empty-version': 'a version changes something: its text and title are not identical to the previous version\'s',
  'copied-summary': "a version's `summary` is not the previous version's, copied unchanged",
  'translation-parity': 'the texts of one version in each locale have the same section and clause numbers',
};

/** Whether a text names a rule. */
export function isLintRuleId(text: string): text is LintRuleId {
  return (LINT_RULE_IDS as readonly string[]).includes(text);
}

/** The severity of every rule: the configured one, else the default. */
export function resolveLintSeverities(configured: Readonly<Partial<Record<LintRuleId, LintSeverity>>> = {}): Record<LintRuleId, LintSeverity> {
  return Object.fromEntries(LINT_RULE_IDS.map((id) => [id, configured[id] ?? DEFAULT_LINT_SEVERITIES[id]])) as Record<LintRuleId, LintSeverity>;
}

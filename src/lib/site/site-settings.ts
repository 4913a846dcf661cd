/**
 * Resolves the site settings from `site.config.ts` and the environment, with
 * a clear error when either is wrong. Everything that needs a setting (Astro's
 * config, the content loader, pages, the CLI) calls {@link resolveSiteSettings}.
 */
import { resolve } from 'node:path';
import { SiteConfigSchema, type SiteConfig, type SiteConfigInput } from '#schemas/site-config.ts';
import { describeZodIssues } from '#lib/corpus/zod-problems.ts';
import { suggestName } from '#lib/corpus/did-you-mean.ts';
import type { EnvironmentOf } from './environment.ts';
import { isLintRuleId, LINT_RULE_IDS, LINT_SEVERITIES, type LintRuleId, type LintSeverity } from '#lib/lint/lint-rules.ts';

/** Resolved settings with absolute paths and the build's notion of "now". */
export interface SiteSettings extends SiteConfig {
  /** Absolute path of the policies folder. */
  policiesPath: string;
  /** Base path of the site (`/` or `/legal/`), from `siteUrl`. */
  basePath: string;
  /**
   * Whether the policies folder is one the settings were not written for
   * (`POLICIES_DIR_FOREIGN=1` with `POLICIES_DIR`: a test fixture, a benchmark
   * corpus): a policy the settings name and the folder lacks is then a
   * warning. Otherwise it is an error, whichever folder is built.
   */
  foreignFolder: boolean;
}

/** Thrown for settings that cannot work, with every problem listed. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** The environment variables the settings read (each described in src/lib/site/environment.ts). */
export type SettingsEnv = EnvironmentOf<'SITE_URL' | 'POLICIES_DIR' | 'POLICIES_DIR_FOREIGN' | 'INIT_CWD' | 'LOG_VERIFIER_KEY' | 'POLICY_LINT'>;

/**
 * Reads `POLICY_LINT=stated-date=warning,site-link=off`: lint severities for
 * one run, over those of `site.config.ts` (a content folder checked out
 * elsewhere may carry an old history the site's settings were not written for).
 */
export function parseLintOverride(text: string): Partial<Record<LintRuleId, LintSeverity>> {
  const rules: Partial<Record<LintRuleId, LintSeverity>> = {};
  for (const item of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [rule = '', severity = '', ...rest] = item.split('=').map((part) => part.trim());
    if (!isLintRuleId(rule)) {
      const suggestion = suggestName(rule, LINT_RULE_IDS);
      throw new SiteConfigError(`POLICY_LINT: "${rule}" is not a lint rule\n    ${suggestion ? `Did you mean "${suggestion}"? ` : ''}The rules are: ${LINT_RULE_IDS.join(', ')}.`);
    }
    if (rest.length > 0 || !(LINT_SEVERITIES as readonly string[]).includes(severity)) {
      throw new SiteConfigError(`POLICY_LINT: "${item}" does not give ${rule} a severity\n    Write ${rule}=error, ${rule}=warning or ${rule}=off, several separated by commas.`);
    }
    rules[rule] = severity as LintSeverity;
  }
  return rules;
}

/**
 * Validates `site.config.ts` and applies environment overrides:
 * `SITE_URL` replaces `siteUrl`, `POLICIES_DIR` replaces `policiesDir`.
 * A relative `policiesDir` is relative to the project root; a relative
 * `POLICIES_DIR` to the folder the command was typed in (`INIT_CWD`), as a
 * shell path is, so `POLICIES_DIR=../legal-policies` names the sibling clone.
 * `LOG_VERIFIER_KEY` replaces `logVerifierKey` (one repository, several sites).
 * `POLICY_LINT` sets the severity of named lint rules. `POLICIES_DIR_FOREIGN=1`
 * marks the folder as one the settings were not written for.
 * @param input the object exported by `site.config.ts`
 * @param env usually `process.env`
 * @param root the project root, for relative folders
 */
export function resolveSiteSettings(input: SiteConfigInput, env: SettingsEnv, root: string): SiteSettings {
  const merged: SiteConfigInput = {
    ...input,
    ...(env.SITE_URL ? { siteUrl: env.SITE_URL.endsWith('/') ? env.SITE_URL : `${env.SITE_URL}/` } : {}),
    ...(env.POLICIES_DIR ? { policiesDir: env.POLICIES_DIR } : {}),
    ...(env.LOG_VERIFIER_KEY ? { logVerifierKey: env.LOG_VERIFIER_KEY } : {}),
    ...(env.POLICY_LINT ? { lint: { ...input.lint, rules: { ...input.lint?.rules, ...parseLintOverride(env.POLICY_LINT) } } } : {}),
  };
  const parsed = SiteConfigSchema.safeParse(merged, { reportInput: true });
  if (!parsed.success) {
    const lines = describeZodIssues(parsed.error.issues, Object.keys(SiteConfigSchema.shape)).map((problem) => `site.config.ts: ${problem.field}: ${problem.message}\n    ${problem.hint}`);
    throw new SiteConfigError(`The site settings are not valid:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  if (!config.siteTitle[config.defaultLocale]) {
    throw new SiteConfigError(`site.config.ts: siteTitle: has no title for the default locale "${config.defaultLocale}"\n    Add siteTitle.${config.defaultLocale}.`);
  }
  return {
    ...config,
    policiesPath: resolve(env.POLICIES_DIR ? (env.INIT_CWD ?? root) : root, config.policiesDir),
    basePath: new URL(config.siteUrl).pathname,
    foreignFolder: isForeignFolder(env),
  };
}

/**
 * Reads `POLICIES_DIR_FOREIGN`: `1` says the folder `POLICIES_DIR` names is
 * not the one the settings were written for. Unset or empty: it is. Any other
 * value, or `1` without `POLICIES_DIR`, is refused: the settings' own folder
 * is never foreign, and a switch that relaxes a check must be meant.
 */
function isForeignFolder(env: SettingsEnv): boolean {
  const value = env.POLICIES_DIR_FOREIGN;
  if (value === undefined || value === '') return false;
  if (value !== '1') throw new SiteConfigError(`POLICIES_DIR_FOREIGN: "${value}" is not 1\n    Set POLICIES_DIR_FOREIGN=1 (the folder POLICIES_DIR names is not the one site.config.ts was written for), or unset it.`);
  if (!env.POLICIES_DIR)
    throw new SiteConfigError('POLICIES_DIR_FOREIGN: is 1, but POLICIES_DIR is not set: the folder of site.config.ts is its own\n    Unset POLICIES_DIR_FOREIGN, or set POLICIES_DIR to the other folder.');
  return true;
}

/**
 * The instant the build treats as "now" when it decides which version is in
 * force: `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention)
 * when set, else the clock. Pages and feeds depend on it only through which
 * interval it falls in, so any two builds between the same version changes are
 * identical.
 */
export function getBuildInstant(env: EnvironmentOf<'SOURCE_DATE_EPOCH'>, clock: () => number = Date.now): number {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return clock();
  if (!/^\d+$/.test(epoch)) {
    throw new SiteConfigError(`SOURCE_DATE_EPOCH: "${epoch}" is not a whole number of seconds since 1970-01-01T00:00:00Z\n    Unset it, or set it like SOURCE_DATE_EPOCH=$(date +%s).`);
  }
  return Number(epoch) * 1000;
}

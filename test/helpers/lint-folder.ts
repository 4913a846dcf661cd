/** Lints a policies folder in-process, as `check` does but without the ledger, for lint tests. */
import siteConfig from '../../site.config.ts';
import { formatProblem, sortProblems, type Problem } from '#lib/corpus/problem.ts';
import { readCorpus } from '#lib/corpus/read-corpus.ts';
import { validateCorpus } from '#lib/corpus/validate-corpus.ts';
import { getTextLintInputs, lintCorpus, type CorpusLint } from '#lib/lint/lint-corpus.ts';
import { lintText } from '#lib/lint/lint-text.ts';
import { resolveSiteSettings, type SiteSettings } from '#lib/site/site-settings.ts';
import { buildPolicyCorpus } from '#lib/timeline/policy-corpus.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import { ROOT } from './build-site.ts';

/** 2026-07-01: after every version of the lint fixtures. */
export const LINT_NOW = Date.UTC(2026, 6, 1);

/** The site's settings, with lint severities of one's own. */
export function lintSettings(rules: SiteSettings['lint']['rules'] = {}): SiteSettings {
  const settings = resolveSiteSettings(siteConfig, {}, ROOT);
  return { ...settings, lint: { rules } };
}

/**
 * Lints versions (already validated).
 * @param ledgerExists default true: with a ledger, versions it does not record are new texts, linted at the rules' severities
 */
export function lintVersions(versions: PolicyVersion[], settings: SiteSettings = lintSettings(), ledgerExists = true): CorpusLint {
  const corpus = buildPolicyCorpus(versions);
  const texts = new Map([...getTextLintInputs(versions, corpus, settings)].map(([id, input]) => [id, lintText(input)]));
  return lintCorpus({ versions, corpus, settings, now: LINT_NOW, texts, ledgerExists });
}

/** Reads, validates and lints a folder relative to the project root; throws if a file is not valid. */
export function lintFolder(folder: string, settings: SiteSettings = lintSettings()): CorpusLint {
  const { versions, problems } = validateCorpus(readCorpus(`${ROOT}/${folder}`, { cwd: ROOT }).files, {
    timeZone: settings.timeZone,
    includeDrafts: false,
    defaultLocale: settings.defaultLocale,
    localeModel: settings.localeModel,
  });
  if (problems.length > 0) throw new Error(`${folder} has invalid files:\n${problems.map(formatProblem).join('\n')}`);
  return lintVersions(versions, settings);
}

/** A lint's findings as a report prints them, errors then warnings. */
export function formatLint(lint: CorpusLint): string {
  return [...sortProblems(lint.errors), ...sortProblems(lint.warnings)].map((problem: Problem) => formatProblem(problem)).join('\n');
}

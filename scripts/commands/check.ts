/**
 * `npm run policy -- check [--format github]`: every rule the build enforces,
 * plus the published-version ledger, over the whole policies folder, all
 * problems at once. Fast enough to run on every save.
 */
import { parseArgs } from 'node:util';
import { formatHistoryReport, formatHistorySummary } from '#lib/lint/lint-history.ts';
import { LINT_RULE_DOCS, LINT_RULE_IDS } from '#lib/lint/lint-rules.ts';
import { formatProblemReport, formatWarningReport, sortProblems, type Problem } from '#lib/corpus/problem.ts';
import { LEDGER_FILE } from '#lib/ledger/ledger-store.ts';
import { getBuildInstant } from '#lib/site/site-settings.ts';
import { findMissingTranslations } from '#lib/timeline/missing-translations.ts';
import { getSettings, lintPolicies, loadPolicies, print, printError, UsageError } from './command-context.ts';
import { DEFAULT_MESSAGES, type MessageCatalog } from '#lib/messages/message-catalog.ts';

/** The help of `check`, in the language of `messages`, with the lint rules. */
export function getCheckHelp(messages: MessageCatalog): string {
  return messages.help.check({ rules: LINT_RULE_IDS.map((id) => ({ id, doc: LINT_RULE_DOCS[id] })) });
}

/** `::error file=…,line=…,col=…,title=…::message` (or `::warning`) with GitHub's escaping. */
function formatGithubAnnotation(problem: Problem): string {
  const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const title = [problem.rule, problem.field].filter(Boolean).join(': ') || 'policy check';
  const body = [`${problem.message}`, problem.hint, problem.detail].filter(Boolean).join('\n');
  const column = problem.column === undefined ? '' : `,col=${problem.column}`;
  const command = problem.severity === 'warning' ? 'warning' : 'error';
  return `::${command} file=${escapeProperty(problem.file)},line=${problem.line}${column},title=${escapeProperty(title)}::${escapeData(body)}`;
}

/** Runs `check`; returns the exit code. */
export async function runCheck(args: string[], messages: MessageCatalog = DEFAULT_MESSAGES): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, history: { type: 'boolean', default: false } } });
  if (positionals.length > 0) throw new UsageError(`${messages.check.noArguments}\n\n${getCheckHelp(messages)}`);
  if (values.format !== 'text' && values.format !== 'github') throw new UsageError(messages.check.format({ value: values.format }));
  const settings = getSettings();
  const loaded = loadPolicies({ includeDrafts: false, enforceLedger: true, changeLabels: messages.diff }, settings);
  if (loaded.ledgerVersion === 1) {
    printError(messages.check.ledgerVersion1({ file: `${settings.policiesDir}/${LEDGER_FILE}` }));
  }
  const lint = await lintPolicies(loaded, settings);
  const problems = [...loaded.problems, ...lint.errors];
  // The timelines exist only when the folder is valid; a missing translation is worth saying only then.
  const missing = loaded.problems.length === 0 ? findMissingTranslations(loaded.corpus, getBuildInstant(process.env), settings.timeZone, settings.defaultLocale) : [];
  const warnings = [...loaded.settingsWarnings, ...lint.warnings, ...missing];
  if (values.format === 'github') {
    for (const problem of sortProblems([...problems, ...warnings, ...(values.history ? lint.history : [])])) print(formatGithubAnnotation(problem));
    return problems.length === 0 ? 0 : 1;
  }
  if (warnings.length > 0) print(`${formatWarningReport(warnings, messages)}\n`);
  if (values.history) print(`${formatHistoryReport(lint.history, messages)}\n`);
  else if (lint.history.length > 0) print(`${formatHistorySummary(lint.history, messages)}\n`);
  if (problems.length === 0) {
    // "All is well" only when there is nothing to read above it: no warning, and no finding in published history.
    print(messages.check.passed({ versions: loaded.versions.length, folder: settings.policiesDir, warnings: warnings.length, history: lint.history.length, drafts: loaded.drafts.length }));
    return 0;
  }
  print(formatProblemReport(problems, 'check', messages));
  return 1;
}

/**
 * `npm run policy -- check [--format github]`: every rule the build enforces,
 * plus the published-version ledger, over the whole policies folder, all
 * problems at once. Fast enough to run on every save.
 */
import { parseArgs } from 'node:util';
import { formatProblemReport, sortProblems, type Problem } from '#lib/corpus/problem.ts';
import { LEDGER_FILE } from '#lib/ledger/ledger-store.ts';
import { getSettings, loadPolicies, print, printError, UsageError } from './command-context.ts';

export const CHECK_HELP = `npm run policy -- check [--format text|github]

  Checks every file in the policies folder with the rules of the build (front
  matter, dates, layout, same-instant versions, translations) and against the
  published-version ledger (no published version deleted, moved in time or
  changed without a correction, its changeType and summary unchanged; no
  correction that is not editorial; no version that takes effect before it is
  published; every version on the site published). Prints
  every problem as file:line: message, with how to fix it. Exit 0 only when
  all is well.

  --format github  print GitHub Actions annotations (::error file=…,line=…::…)`;

/** `::error file=…,line=…,title=…::message` with GitHub's escaping. */
export function formatGithubAnnotation(problem: Problem): string {
  const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const title = problem.field ? `${problem.field}` : 'policy check';
  const body = [`${problem.message}`, problem.hint, problem.detail].filter(Boolean).join('\n');
  return `::error file=${escapeProperty(problem.file)},line=${problem.line},title=${escapeProperty(title)}::${escapeData(body)}`;
}

/** Runs `check`; returns the exit code. */
export function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  if (positionals.length > 0) throw new UsageError(`check takes no arguments.\n\n${CHECK_HELP}`);
  if (values.format !== 'text' && values.format !== 'github') throw new UsageError(`--format is "text" or "github", not "${values.format}".`);
  const settings = getSettings();
  const loaded = loadPolicies({ includeDrafts: false, enforceLedger: true }, settings);
  if (loaded.ledgerVersion === 1) {
    printError(`Note: ${settings.policiesDir}/${LEDGER_FILE} is a version 1 ledger: it does not lock changeType and summary yet. Run npm run policy -- publish once to upgrade it, and commit it.`);
  }
  if (loaded.problems.length === 0) {
    const drafts = loaded.drafts.length > 0 ? ` (${loaded.drafts.length} draft${loaded.drafts.length === 1 ? '' : 's'} not published)` : '';
    print(`${loaded.versions.length} versions in ${settings.policiesDir}: all is well${drafts}.`);
    return Promise.resolve(0);
  }
  if (values.format === 'github') for (const problem of sortProblems(loaded.problems)) print(formatGithubAnnotation(problem));
  else print(formatProblemReport(loaded.problems, 'Fix them and run npm run policy -- check again.'));
  return Promise.resolve(1);
}

/**
 * `npm run policy -- publish`: records new versions and declared corrections
 * in the published-version ledger, after checking everything.
 */
import { parseArgs } from 'node:util';
import { describeTextChange } from '#lib/corpus/load-corpus.ts';
import { archiveText, LEDGER_FILE, readArchivedText, readLedger, writeLedger } from '#lib/ledger/ledger-store.ts';
import { planPublish } from '#lib/ledger/publish-versions.ts';
import { formatProblemReport, formatWarningReport } from '#lib/corpus/problem.ts';
import { toDisplayPath } from '#lib/corpus/read-corpus.ts';
import { getBuildInstant } from '#lib/site/site-settings.ts';
import { getSettings, lintPolicies, loadPolicies, print, printError, UsageError } from './command-context.ts';

export const PUBLISH_HELP = `npm run policy -- publish [--dry-run]

  Records in the published-version ledger (policies/${LEDGER_FILE}) every
  version that is not a draft and not yet published, with its effective
  instant and the SHA-256 of its text, and every correction declared in a
  front matter (corrections: [{ date, reason }]) with the old and new hash;
  the published texts are archived in policies/.published/. Commit both with
  the change. Refuses, changing nothing, while anything else is wrong.

  --dry-run  show what would be recorded, write nothing`;

/** Runs `publish`; returns the exit code. */
export async function runPublish(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false } } });
  if (positionals.length > 0) throw new UsageError(`publish takes no arguments.\n\n${PUBLISH_HELP}`);
  const settings = getSettings();
  const loaded = loadPolicies({ includeDrafts: false, enforceLedger: false }, settings);
  const lint = await lintPolicies(loaded, settings);
  if (lint.warnings.length > 0) printError(`${formatWarningReport(lint.warnings)}\n`);
  const ledgerFile = readLedger(settings.policiesPath);
  const plan = planPublish({
    versions: [...loaded.versions, ...loaded.drafts],
    ledger: ledgerFile.ledger,
    ledgerFile: ledgerFile.file,
    policiesDisplayPath: toDisplayPath(settings.policiesPath, process.cwd()),
    readArchive: (sha256) => readArchivedText(settings.policiesPath, sha256),
    describeChange: describeTextChange,
    now: getBuildInstant(process.env),
  });
  const problems = [...loaded.problems, ...lint.errors, ...ledgerFile.problems, ...plan.problems];
  if (problems.length > 0) {
    printError(formatProblemReport(problems, 'Nothing was recorded; fix them and run publish again.'));
    return 1;
  }
  if (plan.recorded.length === 0) {
    print('Nothing to publish: every version is in the ledger.');
    return 0;
  }
  for (const line of plan.recorded) print(`${values['dry-run'] ? 'would have ' : ''}${line}`);
  if (values['dry-run']) return 0;
  for (const text of plan.archive) archiveText(settings.policiesPath, text);
  writeLedger(settings.policiesPath, plan.ledger);
  print('');
  print(`Recorded in ${toDisplayPath(`${settings.policiesPath}/${LEDGER_FILE}`, process.cwd())}. Commit it and ${toDisplayPath(`${settings.policiesPath}/.published`, process.cwd())}/ with your change:`);
  print(`  git add ${toDisplayPath(settings.policiesPath, process.cwd())} && git commit`);
  return 0;
}

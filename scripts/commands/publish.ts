/**
 * `npm run policy -- publish`: records new versions and declared corrections
 * in the published-version ledger, after checking everything.
 */
import { parseArgs } from 'node:util';
import { describeTextChange } from '#lib/redline/describe-text-change.ts';
import { archiveText, LEDGER_FILE, readArchivedText, writeLedger } from '#lib/ledger/ledger-store.ts';
import { planPublish } from '#lib/ledger/publish-versions.ts';
import { LOG_LOCK_FILE, readLogLock, resolveLog, RESOLVED_BY_LOGGING, writeLogLock } from '#lib/log/log-state.ts';
import { formatProblemReport, formatWarningReport } from '#lib/corpus/problem.ts';
import { formatHistorySummary } from '#lib/lint/lint-history.ts';
import { toDisplayPath } from '#lib/corpus/plain-files.ts';
import { getBuildInstant } from '#lib/site/site-settings.ts';
import { getSettings, lintPolicies, loadPolicies, print, printError, UsageError } from './command-context.ts';
import { DEFAULT_MESSAGES, type MessageCatalog } from '#lib/messages/message-catalog.ts';

/** The help of `publish`, in the language of `messages`. */
export function getPublishHelp(messages: MessageCatalog): string {
  return messages.help.publish({ ledger: LEDGER_FILE, logLock: LOG_LOCK_FILE });
}

/** Runs `publish`; returns the exit code. */
export async function runPublish(args: string[], messages: MessageCatalog = DEFAULT_MESSAGES): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      backdate: { type: 'string' },
      postpone: { type: 'string' },
      'material-correction': { type: 'string' },
      editorial: { type: 'string' },
      'short-notice': { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`${messages.help.publishArguments}\n\n${getPublishHelp(messages)}`);
  const settings = getSettings();
  const loaded = loadPolicies({ includeDrafts: false, enforceLedger: false, changeLabels: messages.diff }, settings);
  const lint = await lintPolicies(loaded, settings);
  const warnings = [...loaded.settingsWarnings, ...lint.warnings];
  if (warnings.length > 0) printError(`${formatWarningReport(warnings, messages)}\n`);
  if (lint.history.length > 0) printError(`${formatHistorySummary(lint.history, messages)}\n`);
  const ledgerFile = loaded.ledger;
  const plan = planPublish({
    versions: [...loaded.versions, ...loaded.drafts],
    ledger: ledgerFile.ledger,
    ledgerFile: ledgerFile.file,
    policiesDisplayPath: toDisplayPath(settings.policiesPath, process.cwd()),
    readArchive: (sha256) => readArchivedText(settings.policiesPath, sha256),
    describeChange: (before, after, locale) => describeTextChange(before, after, locale, messages.diff),
    now: getBuildInstant(process.env),
    timeZone: settings.timeZone,
    localeModel: settings.localeModel,
    invalidIds: loaded.invalidIds,
    overrides: { backdate: values.backdate, postpone: values.postpone, materialCorrection: values['material-correction'], editorial: values.editorial, shortNotice: values['short-notice'] },
    notice: settings.notice,
    messages,
  });
  // The new ledger's events after the logged ones: what the public log becomes.
  const log = resolveLog({ ledger: plan.ledger, ledgerFile: ledgerFile.file, ledgerProblems: ledgerFile.problems.length, lock: readLogLock(settings.policiesPath) });
  const problems = [...loaded.problems, ...lint.errors, ...ledgerFile.problems, ...plan.problems, ...log.problems.filter((problem) => !RESOLVED_BY_LOGGING.has(problem.code ?? ''))];
  if (problems.length > 0) {
    printError(formatProblemReport(problems, 'publish', messages));
    return 1;
  }
  const appended = log.entries.length - log.logged;
  if (plan.recorded.length === 0 && appended === 0) {
    print(messages.publish.nothingToPublish);
    return 0;
  }
  const dry = values['dry-run'] ? messages.publish.wouldHave : '';
  for (const line of plan.recorded) print(`${dry}${line}`);
  if (appended > 0) print(`${dry}${messages.publish.logged({ first: log.logged, last: log.entries.length - 1, total: log.entries.length })}`);
  if (values['dry-run']) return 0;
  for (const text of plan.archive) archiveText(settings.policiesPath, text);
  if (plan.recorded.length > 0) writeLedger(settings.policiesPath, plan.ledger);
  writeLogLock(settings.policiesPath, log.entries);
  const ledger = toDisplayPath(`${settings.policiesPath}/${LEDGER_FILE}`, process.cwd());
  const logLock = toDisplayPath(`${settings.policiesPath}/${LOG_LOCK_FILE}`, process.cwd());
  print('');
  print(messages.publish.recordedIn({ ledger, logLock, archive: toDisplayPath(`${settings.policiesPath}/.published`, process.cwd()) }));
  print(`  git add ${toDisplayPath(settings.policiesPath, process.cwd())} && git commit`);
  print(messages.publish.undo({ ledger, logLock }));
  return 0;
}

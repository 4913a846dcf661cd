/**
 * `npm run policy -- withdraw <policy> <version> --reason "…"`: withdraws a
 * published version that has not taken effect yet, recording the reason and
 * the instant in the ledger. Refused once the version has taken effect.
 */
import { parseArgs } from 'node:util';
import { formatProblemReport } from '#lib/corpus/problem.ts';
import { toDisplayPath } from '#lib/corpus/plain-files.ts';
import { LOG_LOCK_FILE, readLogLock, resolveLog, RESOLVED_BY_LOGGING, writeLogLock } from '#lib/log/log-state.ts';
import { LEDGER_FILE, readLedger, writeLedger } from '#lib/ledger/ledger-store.ts';
import { planWithdraw } from '#lib/ledger/withdraw-version.ts';
import { getBuildInstant } from '#lib/site/site-settings.ts';
import { getSettings, loadPolicies, print, printError, UsageError } from './command-context.ts';
import { DEFAULT_MESSAGES, renderProblemMessage, type MessageCatalog } from '#lib/messages/message-catalog.ts';

/** What a refused withdraw ends with. */

/** Runs `withdraw`; returns the exit code. */
export function runWithdraw(args: string[], messages: MessageCatalog = DEFAULT_MESSAGES): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { reason: { type: 'string' }, locale: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const [policy, version] = positionals;
  if (!policy || !version || positionals.length > 2) throw new UsageError(`${messages.help.withdrawArguments}\n\n${messages.help.withdraw}`);
  if (values.reason === undefined) throw new UsageError(`${messages.help.withdrawReason}\n\n${messages.help.withdraw}`);
  const settings = getSettings();
  // Withdrawing changes what the site will show: only from a folder the build would accept.
  const loaded = loadPolicies({ includeDrafts: false, enforceLedger: true, changeLabels: messages.diff }, settings);
  const ledgerFile = readLedger(settings.policiesPath);
  const problems = [...loaded.problems, ...ledgerFile.problems];
  if (problems.length > 0) {
    printError(formatProblemReport(problems, 'withdraw', messages));
    return Promise.resolve(1);
  }
  const locale = values.locale ?? (settings.localeModel === 'independent' ? settings.defaultLocale : null);
  const plan = planWithdraw({
    ledger: ledgerFile.ledger,
    ledgerFile: ledgerFile.file,
    policy,
    version,
    locale,
    reason: values.reason,
    now: getBuildInstant(process.env),
    timeZone: settings.timeZone,
    localeModel: settings.localeModel,
    messages,
  });
  if (!plan.ok) {
    const refusal = renderProblemMessage(plan.text, messages);
    printError(`${ledgerFile.file}: ${refusal.message}\n    ${refusal.hint}\n\n${messages.publish.nothingWithdrawn}`);
    return Promise.resolve(1);
  }
  // The withdrawal is a ledger event: the public log gets its entry in the same step.
  const log = resolveLog({ ledger: plan.ledger, ledgerFile: ledgerFile.file, ledgerProblems: 0, lock: readLogLock(settings.policiesPath) });
  const logProblems = log.problems.filter((problem) => !RESOLVED_BY_LOGGING.has(problem.code ?? ''));
  if (logProblems.length > 0) {
    printError(formatProblemReport(logProblems, 'withdraw', messages));
    return Promise.resolve(1);
  }
  const dry = values['dry-run'] ? messages.publish.wouldHave : '';
  for (const line of values['dry-run'] ? plan.planned : plan.recorded) print(line);
  const appended = log.entries.length - log.logged;
  if (appended > 0) print(`${dry}${messages.publish.logged({ first: log.logged, last: log.entries.length - 1, total: log.entries.length })}`);
  if (values['dry-run']) return Promise.resolve(0);
  writeLedger(settings.policiesPath, plan.ledger);
  writeLogLock(settings.policiesPath, log.entries);
  const ledger = toDisplayPath(`${settings.policiesPath}/${LEDGER_FILE}`, process.cwd());
  const logLock = toDisplayPath(`${settings.policiesPath}/${LOG_LOCK_FILE}`, process.cwd());
  print('');
  print(messages.publish.withdrawRecordedIn({ ledger, logLock }));
  print(`  git add ${ledger} ${logLock} && git commit`);
  return Promise.resolve(0);
}

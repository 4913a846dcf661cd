/**
 * `npm run policy -- <command>`: the command line for legal staff and for
 * scripts. Each command is a thin layer over src/lib; see `--help`.
 */
import { FeedSourceError } from '#lib/consent/policy-source.ts';
import { LocationError } from '#lib/consent/read-location.ts';
import { CorpusError } from '#lib/corpus/problem.ts';
import { NotPlainFileError } from '#lib/corpus/plain-files.ts';
import { MissingPoliciesDirError } from '#lib/corpus/read-corpus.ts';
import { SiteConfigError } from '#lib/site/site-settings.ts';
import { LogKeyError } from '#lib/log/site-log.ts';
import { SiteReadError } from '#lib/log/served-log.ts';
import { LogOfTodayError } from '#lib/log/verify-log.ts';
import { AT_HELP, runAt } from './commands/at.ts';
import { AUDIT_HELP, runAudit } from './commands/audit.ts';
import { CHECK_HELP, runCheck } from './commands/check.ts';
import { UsageError } from './commands/command-context.ts';
import { DIFF_HELP, runDiff } from './commands/diff.ts';
import { IMPORT_HELP, runImport } from './commands/import.ts';
import { LOG_HELP, runLog } from './commands/log.ts';
import { NEW_HELP, runNew } from './commands/new.ts';
import { NOTICE_HELP, runNotice } from './commands/notice.ts';
import { PUBLISH_HELP, runPublish } from './commands/publish.ts';
import { RECONSENT_HELP, runReconsent } from './commands/reconsent-command.ts';
import { runVerify, VERIFY_HELP } from './commands/verify.ts';
import { runWithdraw, WITHDRAW_HELP } from './commands/withdraw.ts';
import { getMessages, type MessageCatalog } from '#lib/messages/message-catalog.ts';
import { LanguageError, resolveMessageLanguage, takeLanguageOption } from '#lib/messages/message-language.ts';

/** Each command; those legal staff run take the messages of the language chosen (`--lang`, POLICY_PRESS_LANG, the system's locale), the others speak English. */
const COMMANDS: Record<string, { run: (args: string[], messages: MessageCatalog) => Promise<number>; help: string }> = {
  new: { run: runNew, help: NEW_HELP },
  check: { run: runCheck, help: CHECK_HELP },
  diff: { run: runDiff, help: DIFF_HELP },
  publish: { run: runPublish, help: PUBLISH_HELP },
  withdraw: { run: runWithdraw, help: WITHDRAW_HELP },
  notice: { run: runNotice, help: NOTICE_HELP },
  import: { run: runImport, help: IMPORT_HELP },
  at: { run: runAt, help: AT_HELP },
  verify: { run: runVerify, help: VERIFY_HELP },
  reconsent: { run: runReconsent, help: RECONSENT_HELP },
  audit: { run: runAudit, help: AUDIT_HELP },
  log: { run: runLog, help: LOG_HELP },
};

const HELP = `Usage: npm run policy -- <command> [options]

Commands:
${Object.values(COMMANDS).map((command) => `  ${command.help.split('\n')[0]}`).join('\n')}

Every command takes --lang ru|en: the language of its messages (new, check, publish, withdraw,
diff, at, notice; the others speak English). Without it: POLICY_PRESS_LANG, else the system's
locale (LC_ALL, LC_MESSAGES, LANG: ru_RU.UTF-8 is Russian), else English.

Run npm run policy -- <command> --help for details.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...options] = argv;
  // Decided once, here, and passed down: no module reads the language from a global.
  const { lang, rest: args } = takeLanguageOption(options);
  const messages = getMessages(resolveMessageLanguage(lang, process.env));
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`Unknown command "${name}".\n\n${HELP}`);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.help);
    return 0;
  }
  return command.run(args, messages);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const known = [UsageError, CorpusError, SiteConfigError, MissingPoliciesDirError, FeedSourceError, NotPlainFileError, LocationError, LogKeyError, SiteReadError, LogOfTodayError, LanguageError].some((kind) => error instanceof kind);
  if (known || (error instanceof Error && error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  } else throw error;
}

/**
 * `npm run policy -- <command>`: the command line for legal staff and for
 * scripts. Each command is a thin layer over src/lib; see `--help`.
 */
import { getMessages, type MessageCatalog } from '#lib/messages/message-catalog.ts';
import { LanguageError, resolveMessageLanguage, takeLanguageOption } from '#lib/messages/message-language.ts';
import { getOptionMistake } from '#lib/messages/option-mistake.ts';

/** What the dispatcher needs of a command: how to run it and its help. Those legal staff run take the messages of the language chosen (`--lang`, POLICY_PRESS_LANG, the system's locale), the others speak English. */
interface Command {
  run: (args: string[], messages: MessageCatalog) => Promise<number>;
  /** Its `--help`: in the language chosen for those legal staff run, English for the others. */
  help: (messages: MessageCatalog) => string;
  /** Whether it speaks the reader's language (legal staff run it): its option mistakes are then said in that language too. */
  speaks: boolean;
}

// Each command's module is imported only when that command runs (or for the list of commands), so a command loads
// what it needs and not what every other command needs (DuckDB, the git importer, the log's signer, …).
const COMMANDS: Record<string, () => Promise<Command>> = {
  new: () => import('./commands/new.ts').then((module) => ({ run: module.runNew, help: (messages: MessageCatalog) => messages.help.new, speaks: true })),
  check: () => import('./commands/check.ts').then((module) => ({ run: module.runCheck, help: module.getCheckHelp, speaks: true })),
  diff: () => import('./commands/diff.ts').then((module) => ({ run: module.runDiff, help: (messages: MessageCatalog) => messages.help.diff, speaks: true })),
  publish: () => import('./commands/publish.ts').then((module) => ({ run: module.runPublish, help: module.getPublishHelp, speaks: true })),
  withdraw: () => import('./commands/withdraw.ts').then((module) => ({ run: module.runWithdraw, help: (messages: MessageCatalog) => messages.help.withdraw, speaks: true })),
  notice: () => import('./commands/notice.ts').then((module) => ({ run: module.runNotice, help: (messages: MessageCatalog) => messages.help.notice, speaks: true })),
  import: () => import('./commands/import.ts').then((module) => ({ run: module.runImport, help: () => module.IMPORT_HELP, speaks: false })),
  at: () => import('./commands/at.ts').then((module) => ({ run: module.runAt, help: (messages: MessageCatalog) => messages.help.at, speaks: true })),
  verify: () => import('./commands/verify.ts').then((module) => ({ run: module.runVerify, help: () => module.VERIFY_HELP, speaks: false })),
  reconsent: () => import('./commands/reconsent-command.ts').then((module) => ({ run: module.runReconsent, help: () => module.RECONSENT_HELP, speaks: false })),
  audit: () => import('./commands/audit.ts').then((module) => ({ run: module.runAudit, help: () => module.AUDIT_HELP, speaks: false })),
  log: () => import('./commands/log.ts').then((module) => ({ run: module.runLog, help: () => module.LOG_HELP, speaks: false })),
};

/** The list of commands, each by the first line of its help (so it loads every command's module: only for `--help` and mistakes). */
async function getHelp(messages: MessageCatalog): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return messages.help.usage({ synopses: commands.map((command) => command.help(messages).split('\n')[0] ?? '') });
}

/** The errors a command reports as a message for its user (exit 1, no stack); their modules are imported only when a command failed. */
async function getKnownErrors(): Promise<Array<new (...args: never[]) => Error>> {
  // One awaited import per module, each naming what it takes, so knip (and a reader) sees which export is used.
  const { UsageError } = await import('./commands/command-context.ts');
  const { FeedSourceError } = await import('#lib/consent/policy-source.ts');
  const { LocationError } = await import('#lib/consent/read-location.ts');
  const { CorpusError } = await import('#lib/corpus/problem.ts');
  const { NotPlainFileError } = await import('#lib/corpus/plain-files.ts');
  const { MissingPoliciesDirError } = await import('#lib/corpus/read-corpus.ts');
  const { SiteConfigError } = await import('#lib/site/site-settings.ts');
  const { LogKeyError } = await import('#lib/log/site-log.ts');
  const { SiteReadError } = await import('#lib/log/served-log.ts');
  const { LogOfTodayError } = await import('#lib/log/verify-log.ts');
  return [UsageError, CorpusError, SiteConfigError, MissingPoliciesDirError, FeedSourceError, NotPlainFileError, LocationError, LogKeyError, SiteReadError, LogOfTodayError, LanguageError];
}

async function main(argv: string[]): Promise<number> {
  const [name, ...options] = argv;
  // Decided once, here, and passed down: no module reads the language from a global.
  const { lang, rest: args } = takeLanguageOption(options);
  const messages = getMessages(resolveMessageLanguage(lang, process.env));
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(await getHelp(messages));
    return name ? 0 : 1;
  }
  const load = COMMANDS[name];
  if (!load) throw new (await import('./commands/command-context.ts')).UsageError(`${messages.help.unknownCommand({ name })}\n\n${await getHelp(messages)}`);
  const command = await load();
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.help(messages));
    return 0;
  }
  try {
    return await command.run(args, messages);
  } catch (error) {
    // A mistake in the options, in the reader's language for the commands legal staff run; the others keep Node's English.
    const mistake = command.speaks ? getOptionMistake(error) : null;
    if (mistake) throw new (await import('./commands/command-context.ts')).UsageError(messages.help.badOption({ mistake }));
    throw error;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const known = (await getKnownErrors()).some((kind) => error instanceof kind);
  if (known || (error instanceof Error && error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  } else throw error;
}

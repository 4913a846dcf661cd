/**
 * One call from a policies folder to a validated corpus: read the files,
 * validate them all, compare them with the published-version ledger, build
 * the timelines. The build's content loader and the CLI both start here.
 */
import { checkLedger } from '#lib/ledger/check-ledger.ts';
import { checkArchiveFiles, LEDGER_FILE, readArchivedText, readLedger, type LedgerFile } from '#lib/ledger/ledger-store.ts';
import { LOG_LOCK_FILE, readLogLock, resolveLog, type ResolvedLog } from '#lib/log/log-state.ts';
import { buildPolicyCorpus, type PolicyCorpus } from '#lib/timeline/policy-corpus.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import type { LocaleModel } from '#schemas/site-config.ts';
import { getVersionId, parsePolicyPath } from './policy-path.ts';
import type { Problem } from './problem.ts';
import { NOT_PLAIN_FILE, toDisplayPath } from './plain-files.ts';
import { readCorpus } from './read-corpus.ts';
import { describeTextChange } from '#lib/redline/describe-text-change.ts';
import { validateCorpus, type CorpusFile } from './validate-corpus.ts';
import { checkNoticeSettings } from '#lib/notice/notice-settings.ts';
import type { NoticeSettings } from '#lib/notice/notice-period.ts';
import { problemText, type MessageCatalog } from '#lib/messages/message-catalog.ts';

/** What loading a folder gives: the corpus only when there are no problems. */
export interface LoadedCorpus {
  files: CorpusFile[];
  versions: PolicyVersion[];
  /** Valid drafts not in `versions` (production). */
  drafts: PolicyVersion[];
  problems: Problem[];
  /** Ids of version files that exist but did not validate. */
  invalidIds: ReadonlySet<string>;
  /** The version of the ledger file read (1 is read, upgraded in memory, until publish writes 2); null without a ledger. */
  ledgerVersion: 1 | 2 | null;
  /** Settings that name what this folder lacks, when it is not the settings' own folder (see `foreignFolder`). */
  settingsWarnings: Problem[];
  /** Ledger problems that did not count as problems because the ledger was not enforced (dev server). */
  ledgerWarnings: Problem[];
  /** The ledger as read, with its own problems (links in its place are in `problems`). */
  ledger: LedgerFile;
  /** The public log the ledger gives, checked against the log state (its problems are among the ledger problems). */
  log: ResolvedLog;
  /** Whether every file is valid on its own and with the others (ledger apart): only then can the texts be linted. */
  contentValid: boolean;
  /** The timelines of `versions` (none while there are problems). */
  readonly corpus: PolicyCorpus;
}

/** Options for {@link loadCorpus}. */
export interface LoadCorpusOptions {
  policiesPath: string;
  timeZone: string;
  defaultLocale: string;
  includeDrafts: boolean;
  /** Base for file paths in messages; default the working directory. */
  cwd?: string;
  /**
   * Whether ledger problems are problems (production builds, `check`) or only
   * warnings (the dev server, where a new version is edited before it is published).
   */
  enforceLedger: boolean;
  /** The instant the ledger rules are checked at (backdating, what can still be postponed): the build's "now". */
  now: number;
  /** Default `translations`. */
  localeModel?: LocaleModel;
  /** The notice each policy requires (site settings `notice`); none when absent. */
  notice?: NoticeSettings | undefined;
  /**
   * Whether the folder is one the settings were not written for
   * (`POLICIES_DIR_FOREIGN=1`, see site-settings.ts): a policy of
   * `notice.policies` it lacks is then a warning; otherwise it is an error.
   */
  foreignFolder?: boolean;
  /** The words of the redline under a published text that changed without a correction (the reader's catalog); English when not given. */
  changeLabels?: MessageCatalog['diff'];
}

/** Reads and validates a policies folder. */
export function loadCorpus(options: LoadCorpusOptions): LoadedCorpus {
  const cwd = options.cwd ?? process.cwd();
  const read = readCorpus(options.policiesPath, { cwd, skipTopLevel: [LEDGER_FILE, LOG_LOCK_FILE] });
  const files = read.files;
  const localeModel = options.localeModel ?? 'translations';
  const { versions, drafts, problems } = validateCorpus(files, {
    timeZone: options.timeZone,
    includeDrafts: options.includeDrafts,
    defaultLocale: options.defaultLocale,
    localeModel,
  });
  // Files that exist but did not validate: the ledger must not call their versions deleted.
  const valid = new Set([...versions, ...drafts].map((version) => version.id));
  const invalidIds = new Set(
    files.flatMap((file) => {
      const path = parsePolicyPath(file.relativePath);
      return path.ok && !valid.has(getVersionId(path.key)) ? [getVersionId(path.key)] : [];
    }),
  );
  // A link or a pipe is refused everywhere, the dev server included: it is never a mere ledger warning.
  const ledgerFile = readLedger(options.policiesPath, cwd);
  const logLock = readLogLock(options.policiesPath, cwd);
  const notPlain = [
    ...read.problems,
    ...ledgerFile.problems.filter((problem) => problem.code === NOT_PLAIN_FILE),
    ...logLock.problems.filter((problem) => problem.code === NOT_PLAIN_FILE),
    ...checkArchiveFiles(options.policiesPath, cwd),
  ];
  problems.push(...notPlain);
  const noticeProblems =
    files.length > 0
      ? checkNoticeSettings(
          options.notice,
          [...versions, ...drafts].map((version) => version.policy),
          options.foreignFolder ? 'warning' : 'error',
        )
      : [];
  if (!options.foreignFolder) problems.push(...noticeProblems);
  ledgerFile.problems = ledgerFile.problems.filter((problem) => problem.code !== NOT_PLAIN_FILE);
  logLock.problems = logLock.problems.filter((problem) => problem.code !== NOT_PLAIN_FILE);
  const contentProblems = problems.length;
  const ledgerCheck = checkLedger({
    versions: [...versions, ...drafts],
    invalidIds,
    now: options.now,
    timeZone: options.timeZone,
    localeModel,
    ledger: ledgerFile.ledger,
    ledgerFile: ledgerFile.file,
    policiesDisplayPath: toDisplayPath(options.policiesPath, cwd),
    readArchive: (sha256) => readArchivedText(options.policiesPath, sha256),
    describeChange: (before, after, locale) => describeTextChange(before, after, locale, options.changeLabels),
    notice: options.notice,
  });
  const log = resolveLog({ ledger: ledgerFile.ledger, ledgerFile: ledgerFile.file, ledgerProblems: ledgerFile.problems.length, lock: logLock });
  // Until the content is valid, "not published yet" is noise; what breaks the ledger is not.
  const ledgerProblems = [...ledgerFile.problems, ...ledgerCheck.problems.filter((problem) => contentProblems === 0 || problem.code !== 'not-published'), ...log.problems];
  const ledgerWarnings: Problem[] = [];
  if (options.enforceLedger) problems.push(...ledgerProblems);
  else ledgerWarnings.push(...ledgerProblems);
  for (const version of [...versions, ...drafts]) version.published = ledgerCheck.published.get(version.id) ?? null;
  if (files.length === 0 && notPlain.length === 0) {
    const folder = toDisplayPath(options.policiesPath, cwd);
    problems.push({
      file: folder,
      line: 1,
      ...problemText('noVersions', { folder }),
    });
  }
  let corpus: PolicyCorpus | undefined;
  return {
    files,
    versions,
    drafts,
    problems,
    invalidIds,
    ledgerVersion: ledgerFile.ledger ? (ledgerFile.ledger.readFrom ?? 2) : null,
    ledgerWarnings,
    settingsWarnings: options.foreignFolder ? noticeProblems : [],
    contentValid: contentProblems === 0 && files.length > 0,
    ledger: ledgerFile,
    log,
    // Built on first use: the content loader needs the versions only, and the timelines hash every text.
    get corpus() {
      corpus ??= buildPolicyCorpus(problems.length === 0 ? versions : [], { localeModel });
      return corpus;
    },
  };
}

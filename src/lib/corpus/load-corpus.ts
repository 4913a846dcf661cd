/**
 * One call from a policies folder to a validated corpus: read the files,
 * validate them all, compare them with the published-version ledger, build
 * the timelines. The build's content loader and the CLI both start here.
 */
import { checkLedger } from '#lib/ledger/check-ledger.ts';
import { readArchivedText, readLedger } from '#lib/ledger/ledger-store.ts';
import { readLogLock, resolveLog, type ResolvedLog } from '#lib/log/log-state.ts';
import { buildPolicyCorpus, type PolicyCorpus } from '#lib/timeline/policy-corpus.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import type { Problem } from './problem.ts';
import { readCorpus, toDisplayPath } from './read-corpus.ts';
import { describeTextChange } from '#lib/redline/describe-text-change.ts';
import { validateCorpus, type CorpusFile } from './validate-corpus.ts';

/** What loading a folder gives: the corpus only when there are no problems. */
export interface LoadedCorpus {
  files: CorpusFile[];
  versions: PolicyVersion[];
  /** Valid drafts not in `versions` (production). */
  drafts: PolicyVersion[];
  problems: Problem[];
  /** Ledger problems that did not count as problems because the ledger was not enforced (dev server). */
  ledgerWarnings: Problem[];
  /** The public log the ledger gives, checked against the log state (its problems are among the ledger problems). */
  log: ResolvedLog;
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
}

/** Reads and validates a policies folder. */
export function loadCorpus(options: LoadCorpusOptions): LoadedCorpus {
  const cwd = options.cwd ?? process.cwd();
  const files = readCorpus(options.policiesPath, cwd);
  const { versions, drafts, problems } = validateCorpus(files, {
    timeZone: options.timeZone,
    includeDrafts: options.includeDrafts,
    defaultLocale: options.defaultLocale,
  });
  const contentProblems = problems.length;
  const ledgerFile = readLedger(options.policiesPath, cwd);
  const ledgerCheck = checkLedger({
    versions: [...versions, ...drafts],
    ledger: ledgerFile.ledger,
    ledgerFile: ledgerFile.file,
    policiesDisplayPath: toDisplayPath(options.policiesPath, cwd),
    readArchive: (sha256) => readArchivedText(options.policiesPath, sha256),
    describeChange: describeTextChange,
  });
  const log = resolveLog({ ledger: ledgerFile.ledger, ledgerFile: ledgerFile.file, ledgerProblems: ledgerFile.problems.length, lock: readLogLock(options.policiesPath, cwd) });
  // Until the content is valid, "not published yet" is noise; what breaks the ledger is not.
  const ledgerProblems = [...ledgerFile.problems, ...ledgerCheck.problems.filter((problem) => contentProblems === 0 || problem.code !== 'not-published'), ...log.problems];
  const ledgerWarnings: Problem[] = [];
  if (options.enforceLedger) problems.push(...ledgerProblems);
  else ledgerWarnings.push(...ledgerProblems);
  for (const version of [...versions, ...drafts]) version.published = ledgerCheck.published.get(version.id) ?? null;
  if (files.length === 0) {
    problems.push({
      file: options.policiesPath,
      line: 1,
      message: 'the policies folder has no versions',
      hint: 'Add a first version, e.g. policies/privacy/ru/2025-09-01.md.',
    });
  }
  let corpus: PolicyCorpus | undefined;
  return {
    files,
    versions,
    drafts,
    problems,
    ledgerWarnings,
    log,
    // Built on first use: the content loader needs the versions only, and the timelines hash every text.
    get corpus() {
      return (corpus ??= buildPolicyCorpus(problems.length === 0 ? versions : []));
    },
  };
}

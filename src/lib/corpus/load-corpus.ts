/**
 * One call from a policies folder to a validated corpus: read the files,
 * validate them all, compare them with the published-version ledger, build
 * the timelines. The build's content loader and the CLI both start here.
 */
import { checkLedger } from '#lib/ledger/check-ledger.ts';
import { readArchivedText, readLedger } from '#lib/ledger/ledger-store.ts';
import { buildPolicyCorpus, type PolicyCorpus } from '#lib/timeline/policy-corpus.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import type { Problem } from './problem.ts';
import { readCorpus, toDisplayPath } from './read-corpus.ts';
import { getDocumentBlocks } from '#lib/redline/document-blocks.ts';
import { createRedline } from '#lib/redline/redline.ts';
import { renderTextRedline } from '#lib/redline/render-text-redline.ts';
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
  /** Whether every file is valid on its own and with the others (ledger apart): only then can the texts be linted. */
  contentValid: boolean;
  corpus: PolicyCorpus;
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

/** The change between two published texts, as the terminal redline shows it. */
export function describeTextChange(before: string, after: string, locale: string): string {
  const [beforeHead = '', beforeBody = ''] = splitRaw(before);
  const [afterHead = '', afterBody = ''] = splitRaw(after);
  const redline = createRedline(getDocumentBlocks(beforeBody), getDocumentBlocks(afterBody), { locale });
  const head = beforeHead === afterHead ? [] : [`front matter: ${beforeHead.replace(/\n/g, ' ')} → ${afterHead.replace(/\n/g, ' ')}`];
  return [...head, renderTextRedline(redline, { color: false })].filter((line) => line !== '').join('\n');
}

/** Splits a published Markdown text into its canonical front matter and body. */
function splitRaw(text: string): [string, string] {
  const end = text.indexOf('\n---\n', 4);
  return end === -1 ? ['', text] : [text.slice(4, end), text.slice(end + 5)];
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
  // Until the content is valid, "not published yet" is noise; what breaks the ledger is not.
  const ledgerProblems = [...ledgerFile.problems, ...ledgerCheck.problems.filter((problem) => contentProblems === 0 || problem.code !== 'not-published')];
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
  return { files, versions, drafts, problems, ledgerWarnings, contentValid: contentProblems === 0 && files.length > 0, corpus: buildPolicyCorpus(problems.length === 0 ? versions : []) };
}

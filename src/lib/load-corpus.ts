/**
 * One call from a policies folder to a validated corpus: read the files,
 * validate them all, build the timelines. The build's content loader and the
 * CLI both start here.
 */
import { buildPolicyCorpus, type PolicyCorpus } from './policy-corpus.ts';
import type { PolicyVersion } from './policy-version.ts';
import type { Problem } from './problem.ts';
import { readCorpus } from './read-corpus.ts';
import { validateCorpus, type CorpusFile } from './validate-corpus.ts';

/** What loading a folder gives: the corpus only when there are no problems. */
export interface LoadedCorpus {
  files: CorpusFile[];
  versions: PolicyVersion[];
  problems: Problem[];
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
}

/** Reads and validates a policies folder. */
export function loadCorpus(options: LoadCorpusOptions): LoadedCorpus {
  const files = readCorpus(options.policiesPath, options.cwd);
  const { versions, problems } = validateCorpus(files, {
    timeZone: options.timeZone,
    includeDrafts: options.includeDrafts,
    defaultLocale: options.defaultLocale,
  });
  if (files.length === 0) {
    problems.push({
      file: options.policiesPath,
      line: 1,
      message: 'the policies folder has no versions',
      hint: 'Add a first version, e.g. policies/privacy/ru/2025-09-01.md.',
    });
  }
  return { files, versions, problems, corpus: buildPolicyCorpus(problems.length === 0 ? versions : []) };
}

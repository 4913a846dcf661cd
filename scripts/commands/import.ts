/**
 * `npm run policy -- import`: turns the git history of one policy file (or an
 * Open Terms Archive versions repository's record of one document) into
 * version files, with a report of where each date came from. It never writes
 * the ledger: the team reviews the files, then `publish` records them (as
 * imported history when it creates the ledger).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { validateFile } from '#lib/corpus/validate-corpus.ts';
import { formatProblem } from '#lib/corpus/problem.ts';
import { kindAt, toDisplayPath } from '#lib/corpus/plain-files.ts';
import { GitHistoryError, locateFile, readFileTexts } from '#lib/import/git-file-history.ts';
import { formatImportReport, HistoryImportError, planImport, renderImportedVersion, type HistoryKind } from '#lib/import/history-import.ts';
import { getSettings, print, UsageError } from './command-context.ts';

export const IMPORT_HELP = `npm run policy -- import (--git <repository> --path <file> | --ota <repository> --service <name> --type "<terms type>") --policy <id> --locale <tag> [--dry-run] [--use-commit-date <commit>]… [--title "<title>"]

  Turns each commit of the repository's main line that changed the file into
  a version file policies/<policy>/<locale>/<version>.md (renames followed):
  the version id is the day it takes effect; the effective date is the date
  the text states about itself ("Effective date: …", «Дата вступления в силу:
  …», "Last updated: …"), else the commit's date (with --ota, the date Open
  Terms Archive fetched the text); the title is the first heading (kept in
  the text); the summary is the commit message, marked as such. Commits that
  leave the text identical after normalization are skipped and counted; of
  two versions on one day, the later commit's replaces the earlier. Prints one
  line per version: id, commit, effective date and where it came from.
  Never writes the ledger: review the files, then npm run policy -- publish.
  Refuses, writing nothing, a repository that is not git, a file that never
  existed, a text that is not UTF-8, a link in place of the file, stated dates
  that go backwards, an existing file, a policy or locale that breaks the layout.

  --git <repository>       a clone, a bare repository, or a folder inside a clone; --path is read from it
  --ota <repository>       an Open Terms Archive versions repository: the file is <service>/<terms type>.md
  --dry-run                print the report, write nothing
  --use-commit-date <c>    date the version of commit <c> by the commit, not by the date its text states
  --title "<title>"        the title where the text has no heading and no title of its own`;

/** Runs `import`; returns the exit code. */
export async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      git: { type: 'string' },
      path: { type: 'string' },
      ota: { type: 'string' },
      service: { type: 'string' },
      type: { type: 'string' },
      policy: { type: 'string' },
      locale: { type: 'string' },
      title: { type: 'string' },
      'use-commit-date': { type: 'string', multiple: true, default: [] },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (positionals.length > 0) throw new UsageError(`import takes no arguments besides its options.\n\n${IMPORT_HELP}`);
  const kind: HistoryKind = values.ota === undefined ? 'git' : 'ota';
  if ((values.git === undefined) === (values.ota === undefined)) throw new UsageError(`Give either --git <repository> --path <file> or --ota <repository> --service <name> --type "<terms type>".\n\n${IMPORT_HELP}`);
  if (kind === 'git' && values.path === undefined) throw new UsageError('--git needs --path <file>: the policy file inside the repository, e.g. --path Policies/privacy.md.');
  if (kind === 'ota' && (values.service === undefined || values.type === undefined))
    throw new UsageError('--ota needs --service <name> and --type "<terms type>", e.g. --service GitHub --type "Privacy Policy" (the file <service>/<terms type>.md).');
  if (values.policy === undefined || values.locale === undefined) throw new UsageError('Give the policy and the language of the texts: --policy <id> --locale <tag>, e.g. --policy privacy --locale en.');
  const repository = (values.git ?? values.ota) as string;
  const path = kind === 'git' ? (values.path as string) : `${values.service}/${values.type}.md`;
  if (!/\.(?:md|markdown)$/i.test(path)) throw new UsageError(`--path ${path}: is not a Markdown file (.md or .markdown). Import the Markdown file of the policy.`);
  const settings = getSettings();
  const options = { kind, policy: values.policy, locale: values.locale, timeZone: settings.timeZone, useCommitDate: values['use-commit-date'], ...(values.title ? { title: values.title } : {}) };

  let plan: ReturnType<typeof planImport>;
  try {
    const file = await locateFile(repository, path);
    const commits = await readFileTexts(file);
    if (commits.length === 0) {
      throw new GitHistoryError(
        `${path}: no commit of ${repository} (HEAD and its first parents) has this file. Check the path from the top of the repository (git -C ${repository} log --name-only lists the files commits changed).`,
      );
    }
    plan = planImport(commits, options);
  } catch (error) {
    if (error instanceof GitHistoryError || error instanceof HistoryImportError) throw new UsageError(`import: ${error.message}\nNothing was written.`);
    throw error;
  }

  // Every file is checked as the build checks it, and against what is there, before the first one is written.
  const folder = join(settings.policiesPath, values.policy, values.locale);
  const files = plan.versions.map((version) => {
    const relativePath = `${values.policy}/${values.locale}/${version.version}.md`;
    const target = join(folder, `${version.version}.md`);
    return { relativePath, target, display: toDisplayPath(target, process.cwd()), text: renderImportedVersion(version, options) };
  });
  const refusals: string[] = [];
  for (const part of [settings.policiesPath, join(settings.policiesPath, values.policy), folder]) {
    const found = kindAt(part);
    if (found !== null && found !== 'folder') refusals.push(`${toDisplayPath(part, process.cwd())} is ${found === 'symlink' ? 'a symbolic link' : 'not a folder'}; the import writes into plain folders only.`);
  }
  for (const file of files) {
    if (kindAt(file.target) !== null) refusals.push(`${file.display} exists already; the import never overwrites a file. Import into a policy or locale that has no versions yet, or move the file away.`);
    const checked = validateFile({ relativePath: file.relativePath, displayPath: file.display, bytes: new TextEncoder().encode(file.text) }, { timeZone: settings.timeZone });
    refusals.push(...checked.problems.map(formatProblem));
  }
  if (refusals.length > 0) throw new UsageError(`import: ${refusals.join('\n')}\nNothing was written.`);

  for (const line of formatImportReport(plan, options)) print(line);
  if (values['dry-run']) {
    print('Dry run: nothing was written.');
    return 0;
  }
  mkdirSync(folder, { recursive: true });
  for (const file of files) writeFileSync(file.target, file.text, { flag: 'wx' });
  const display = toDisplayPath(folder, process.cwd());
  print(`Wrote ${files.length} ${files.length === 1 ? 'file' : 'files'} to ${display}/. Nothing was recorded in the ledger.`);
  print(
    'Next: review them (git diff, npm run policy -- check --history lists what the lint finds in them), then npm run policy -- publish: before the ledger exists, it records the versions in force as imported history.',
  );
  return 0;
}

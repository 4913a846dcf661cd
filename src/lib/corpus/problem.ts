/**
 * Problems found in the corpus: one shape for every rule, so the build, the
 * `check` command and the tests report them the same way.
 */

/** One thing wrong with the content, at a place a person can open. */
export interface Problem {
  /** Path of the file as the user would type it (relative to the working directory). */
  file: string;
  /** 1-based line in the file; 1 when the problem is about the whole file. */
  line: number;
  /** 1-based column, when the problem is at a place in the line (lint findings in the text). */
  column?: number;
  /** `warning`: printed, but nothing is refused. Default: an error. */
  severity?: 'error' | 'warning';
  /** The lint rule that found it, shown so the reader knows what to fix or silence (see src/lib/lint/lint-rules.ts). */
  rule?: string;
  /** The front-matter field concerned, if any. */
  field?: string;
  /** What is wrong, naming the value. */
  message: string;
  /** What to do about it. */
  hint: string;
  /** More lines to show under the hint, such as the diff of a text that changed. */
  detail?: string;
  /** A stable name of the rule, for programs (`publish` resolves `not-published` and `correction-unrecorded`). */
  code?: string;
}

/** Orders problems by file, then line and column, so reports are stable from run to run. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.column ?? 0) - (b.column ?? 0)));
}

/** `file:line[:column]: [warning: ]field: message [rule]` then the hint on an indented line. */
export function formatProblem(problem: Problem): string {
  const place = problem.column === undefined ? `${problem.line}` : `${problem.line}:${problem.column}`;
  const severity = problem.severity === 'warning' ? 'warning: ' : '';
  const field = problem.field ? `${problem.field}: ` : '';
  const rule = problem.rule ? ` [${problem.rule}]` : '';
  const detail = problem.detail ? `\n${problem.detail.replace(/^/gm, '      ')}` : '';
  return `${problem.file}:${place}: ${severity}${field}${problem.message}${rule}\n    ${problem.hint}${detail}`;
}

/**
 * What a report says after its count, given the pronoun that agrees with it
 * ("fix it" after one problem, "fix them" after several), so each command
 * says what it did not do ("Nothing was recorded") and never what it never
 * does (`diff` publishes nothing).
 */
export type ReportConclusion = (them: 'it' | 'them') => string;

/** The build's conclusion: it publishes the site, so nothing of it was. */
export const BUILD_CONCLUSION: ReportConclusion = (them) => `Nothing was published; fix ${them} and run again.`;

/** A whole report: every problem, then a count and what to do. */
export function formatProblemReport(problems: readonly Problem[], conclusion: ReportConclusion = BUILD_CONCLUSION): string {
  const files = new Set(problems.map((problem) => problem.file)).size;
  const lines = sortProblems(problems).map(formatProblem);
  const noun = problems.length === 1 ? 'problem' : 'problems';
  lines.push('', `${problems.length} ${noun} in ${files} ${files === 1 ? 'file' : 'files'}. ${conclusion(problems.length === 1 ? 'it' : 'them')}`);
  return lines.join('\n');
}

/** Warnings: every one, then a count that says nothing was refused for them. */
export function formatWarningReport(warnings: readonly Problem[]): string {
  const files = new Set(warnings.map((warning) => warning.file)).size;
  const lines = sortProblems(warnings).map(formatProblem);
  lines.push('', `${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'} in ${files} ${files === 1 ? 'file' : 'files'}; they do not stop the build.`);
  return lines.join('\n');
}

/** Thrown by the build when the corpus has problems; carries all of them. */
export class CorpusError extends Error {
  override name = 'CorpusError';
  readonly problems: readonly Problem[];

  /** @param conclusion what the report ends with; default: the build's */
  constructor(problems: readonly Problem[], conclusion: ReportConclusion = BUILD_CONCLUSION) {
    super(`The policies have ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}:\n\n${formatProblemReport(problems, conclusion)}`);
    this.problems = problems;
    // The report is the whole message; a stack trace would only bury it for the people who fix content.
    // Empty, not the message again: Astro's error printer adds a "Stack trace:" heading to any non-empty stack.
    this.stack = '';
  }
}

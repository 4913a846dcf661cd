/**
 * Problems found in the corpus: one shape for every rule, so the build, the
 * `check` command and the tests report them the same way.
 */
import { DEFAULT_MESSAGES, renderProblemMessage, type MessageCatalog, type ProblemMessage } from '#lib/messages/message-catalog.ts';

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
  /** More lines to show under the hint, such as the diff of a text that changed (in English when it is a sentence: see `detailText`). */
  detail?: string;
  /** The catalog message `detail` is the English text of, when the detail is a sentence rather than a text shown as it is. */
  detailText?: DetailMessage;
  /** A stable name of the rule, for programs (`publish` resolves `not-published` and `correction-unrecorded`). */
  code?: string;
  /**
   * The catalog message `message` and `hint` are the English text of, so a
   * report can say them in its reader's language (src/lib/messages/).
   * Absent: the problem is said in English in every language.
   */
  text?: ProblemMessage;
}

/** A detail's message by id and parameters, so it can be written again in another language. */
export type DetailMessage = { [Id in keyof MessageCatalog['detail']]: { id: Id; params: Parameters<MessageCatalog['detail'][Id]>[0] } }[keyof MessageCatalog['detail']];

/** A detail said in English, and the reference to its message: spread into a problem. */
export function detailText(text: DetailMessage): { detail: string; detailText: DetailMessage } {
  return { detail: getDetail({ detailText: text }, DEFAULT_MESSAGES) ?? '', detailText: text };
}

/** The lines under a problem's hint in the language of `messages`: a detail with a catalog message is written again, one shown as it is stays. */
export function getDetail(problem: Pick<Problem, 'detail' | 'detailText'>, messages: MessageCatalog): string | undefined {
  // Each id's parameters are its own message's (DetailMessage ties them); TypeScript cannot follow that through the index.
  return problem.detailText ? (messages.detail[problem.detailText.id] as (params: unknown) => string)(problem.detailText.params) : problem.detail;
}

/** Orders problems by file, then line and column, so reports are stable from run to run. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.column ?? 0) - (b.column ?? 0)));
}

/** A problem's message and hint in the language of `messages` (English when it has no catalog message). */
export function getProblemText(problem: Problem, messages: MessageCatalog): { message: string; hint: string } {
  return problem.text && messages !== DEFAULT_MESSAGES ? renderProblemMessage(problem.text, messages) : { message: problem.message, hint: problem.hint };
}

/** `file:line[:column]: [warning: ]field: message [rule]` then the hint on an indented line, in English. */
export function formatProblem(problem: Problem): string {
  return formatProblemIn(problem, DEFAULT_MESSAGES);
}

/**
 * {@link formatProblem} in the language of `messages`. The place, the field
 * and the rule are the same in every language (tools read them).
 */
function formatProblemIn(problem: Problem, messages: MessageCatalog): string {
  const place = problem.column === undefined ? `${problem.line}` : `${problem.line}:${problem.column}`;
  const severity = problem.severity === 'warning' ? messages.report.warningLabel : '';
  const field = problem.field ? `${problem.field}: ` : '';
  const rule = problem.rule ? ` [${problem.rule}]` : '';
  const shown = getDetail(problem, messages);
  const detail = shown ? `\n${shown.replace(/^/gm, '      ')}` : '';
  const { message, hint } = getProblemText(problem, messages);
  return `${problem.file}:${place}: ${severity}${field}${message}${rule}\n    ${hint}${detail}`;
}

/**
 * What a report says after its count (a message of the catalogs'
 * `conclusion`), so each command says what it did not do ("Nothing was
 * recorded") and never what it never does (`diff` publishes nothing).
 */
export type ReportConclusion = keyof MessageCatalog['conclusion'];

/** A whole report: every problem, then a count and what to do. */
export function formatProblemReport(problems: readonly Problem[], conclusion: ReportConclusion = 'build', messages: MessageCatalog = DEFAULT_MESSAGES): string {
  const files = new Set(problems.map((problem) => problem.file)).size;
  const lines = sortProblems(problems).map((problem) => formatProblemIn(problem, messages));
  lines.push('', `${messages.report.problemCount({ count: problems.length, files })} ${messages.conclusion[conclusion]({ count: problems.length })}`);
  return lines.join('\n');
}

/** Warnings: every one, then a count that says nothing was refused for them. */
export function formatWarningReport(warnings: readonly Problem[], messages: MessageCatalog = DEFAULT_MESSAGES): string {
  const files = new Set(warnings.map((warning) => warning.file)).size;
  const lines = sortProblems(warnings).map((warning) => formatProblemIn(warning, messages));
  lines.push('', messages.report.warningCount({ count: warnings.length, files }));
  return lines.join('\n');
}

/** Thrown by the build when the corpus has problems; carries all of them. */
export class CorpusError extends Error {
  override name = 'CorpusError';
  readonly problems: readonly Problem[];

  /**
   * @param conclusion what the report ends with; default: the build's
   * @param messages the language of the report; default: English
   */
  constructor(problems: readonly Problem[], conclusion: ReportConclusion = 'build', messages: MessageCatalog = DEFAULT_MESSAGES) {
    super(`${messages.report.corpusError({ count: problems.length })}\n\n${formatProblemReport(problems, conclusion, messages)}`);
    this.problems = problems;
    // The report is the whole message; a stack trace would only bury it for the people who fix content.
    // Empty, not the message again: Astro's error printer adds a "Stack trace:" heading to any non-empty stack.
    this.stack = '';
  }
}

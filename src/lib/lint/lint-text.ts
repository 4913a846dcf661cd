/**
 * The part of the lint that reads one text: its mdast goes through the text
 * rules (unified-lint-rule plugins run by unified, findings as vfile
 * messages), and its outline (numbers, anchors, links) is kept for the
 * corpus rules. The result depends only on the input, is plain data and is
 * positioned in lines of the file, so it can be computed where the text is
 * parsed anyway (the build's render, on a worker thread) and cached.
 */
import type { Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { getDocumentOutline, type DocumentOutline } from '#lib/markdown/document-outline.ts';
import { parsePolicyMarkdown } from '#lib/markdown/markdown-pipeline.ts';
import type { CatalogVFileMessage, VersionFacts } from './lint-context.ts';
import type { LintRuleId, LintSeverity } from './lint-rules.ts';
import clauseReference from './rules/clause-reference.ts';
import statedDate from './rules/stated-date.ts';
import type { ProblemMessage } from '#lib/messages/message-catalog.ts';

/** The rules that read one text. */
const TEXT_RULES = { 'stated-date': statedDate, 'clause-reference': clauseReference } as const;

/**
 * Everything the text part of the lint depends on. Severities are not part
 * of it: the text rules always run, so a result stays valid when a severity
 * changes, and the configured severity is applied when findings become
 * problems (lint-corpus.ts).
 */
export interface TextLintInput {
  /** The Markdown body (canonical). */
  body: string;
  /** The file, for messages. */
  file: string;
  /** The file line of the body's first line. */
  bodyStartLine: number;
  facts: VersionFacts;
}

/** One finding, in file lines and columns. */
export interface LintFinding {
  rule: LintRuleId;
  fatal: boolean;
  message: string;
  hint: string;
  /** The catalog message of `message` and `hint`, when the rule says it with one. */
  text?: ProblemMessage;
  line: number;
  column: number;
}

/** What the text part of the lint gives for one text. */
export interface TextLintResult {
  findings: LintFinding[];
  /** The text's outline, in file lines. */
  outline: DocumentOutline;
}

/** unified-lint-rule's name for a severity. */
export function toRuleLevel(severity: LintSeverity): 'error' | 'warn' | 'off' {
  return severity === 'warning' ? 'warn' : severity;
}

/** Findings of a file's messages, moved down by `lineOffset` lines. */
export function toFindings(file: VFile, lineOffset: number): LintFinding[] {
  return file.messages.map((message: CatalogVFileMessage) => ({
    rule: message.ruleId as LintRuleId,
    fatal: message.fatal === true,
    message: message.reason,
    hint: message.note ?? '',
    ...(message.text ? { text: message.text } : {}),
    line: (message.line ?? 1) + lineOffset,
    column: message.column ?? 1,
  }));
}

/**
 * Lints one text.
 * @param tree the text's mdast when it was parsed already (it is not modified); else the body is parsed here
 */
export function lintText(input: TextLintInput, tree: Root = parsePolicyMarkdown(input.body)): TextLintResult {
  const file = new VFile({ path: input.file, value: input.body });
  const processor = unified();
  for (const rule of Object.values(TEXT_RULES)) processor.use(rule, ['error', input.facts]);
  processor.runSync(tree, file);
  const offset = input.bodyStartLine - 1;
  const outline = getDocumentOutline(tree);
  return {
    findings: toFindings(file, offset),
    outline: {
      ...outline,
      numbers: outline.numbers.map((entry) => ({ ...entry, line: entry.line + offset })),
      links: outline.links.map((link) => ({ ...link, line: link.line + offset })),
    },
  };
}

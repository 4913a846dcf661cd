/**
 * Which lint findings are history. A text already published or imported was
 * in force and can no longer change (a correction to silence a rule would
 * change what people agreed to), so what the rules find in it is reported, not
 * refused: counted per rule in one line, listed by `check --history`. A text
 * that can still be fixed (a draft, a new file, a correction not recorded yet)
 * is linted at the rules' severities.
 */
import { getProblemText, sortProblems, type Problem } from '#lib/corpus/problem.ts';
import { DEFAULT_MESSAGES, type MessageCatalog } from '#lib/messages/message-catalog.ts';
import { getRecordedHash } from '#lib/ledger/check-ledger.ts';
import type { LedgerFile } from '#lib/ledger/ledger-store.ts';
import { getPublishedText } from '#lib/timeline/published-text.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import { LINT_RULE_IDS } from './lint-rules.ts';

/** What decides whether a text is history besides the version itself. */
export interface HistoryFacts {
  /** Whether the folder has a ledger. Without one, `publish` would record what is in force as imported history. */
  ledgerExists: boolean;
  /** The build's "now". */
  now: number;
}

/** Whether the folder has a ledger: one that is there but cannot be read counts (nothing becomes history by a damaged ledger). */
export function hasLedger(ledger: Pick<LedgerFile, 'ledger' | 'problems'>): boolean {
  return ledger.ledger !== null || ledger.problems.length > 0;
}

/**
 * Whether a version's text, as it is in the file now, is history: the text
 * the ledger records as served (as published, or as last corrected), or,
 * before a ledger exists, a version already in force (what the `publish` that
 * creates the ledger records as `imported`). A correction waiting to be
 * recorded is a new text.
 */
export function isHistoryText(version: PolicyVersion, facts: HistoryFacts): boolean {
  if (version.draft) return false;
  if (version.published) return getRecordedHash(version.published) === getPublishedText(version).sha256;
  return !facts.ledgerExists && version.effectiveFrom < facts.now;
}

/** The one line that counts the findings in history, per rule, and says how to list them; null when there are none. */
export function formatHistorySummary(history: readonly Problem[], messages: MessageCatalog = DEFAULT_MESSAGES, list = true): string | null {
  if (history.length === 0) return null;
  const counts = LINT_RULE_IDS.flatMap((rule) => {
    const count = history.filter((problem) => problem.rule === rule).length;
    return count === 0 ? [] : [`${rule} ${count}`];
  });
  const versions = new Set(history.map((problem) => problem.file)).size;
  return messages.check.history({ count: history.length, versions, rules: counts.join(', '), list });
}

/** Every finding in history, then a count that says nothing was refused for them. */
export function formatHistoryReport(history: readonly Problem[], messages: MessageCatalog = DEFAULT_MESSAGES): string {
  const lines = sortProblems(history).map((problem) => formatHistoryFinding(problem, messages));
  lines.push('', formatHistorySummary(history, messages, false) ?? messages.check.noHistory);
  return lines.join('\n');
}

// No hint: the fix a rule suggests would change a text people agreed to. The place and the rule stay as they are in every language (tools read them).
function formatHistoryFinding(problem: Problem, messages: MessageCatalog): string {
  const place = problem.column === undefined ? `${problem.line}` : `${problem.line}:${problem.column}`;
  return `${problem.file}:${place}: ${messages.report.historyLabel}${getProblemText(problem, messages).message} [${problem.rule ?? problem.code ?? 'lint'}]`;
}

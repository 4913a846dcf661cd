/**
 * `copied-summary`: a version's `summary` says what changed from the previous
 * version; the previous version's summary, copied unchanged, says what
 * changed before. A corpus rule: it compares a version with the one before it.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { getTimeline } from '#lib/timeline/policy-corpus.ts';
import { report, type CorpusRuleContext } from '../lint-context.ts';
import { problemText } from '#lib/messages/message-catalog.ts';

const copiedSummary = lintRule<Root, CorpusRuleContext>('policy-press:copied-summary', (_tree, file, { version, corpus }) => {
  if (version.summary.length === 0) return;
  const timeline = getTimeline(corpus, version.policy, version.locale);
  const index = timeline?.versions.findIndex((candidate) => candidate.id === version.id) ?? -1;
  const previous = index > 0 ? timeline?.versions[index - 1] : undefined;
  if (!previous || JSON.stringify(previous.summary) !== JSON.stringify(version.summary)) return;
  report(file, problemText('copiedSummary', { previous: previous.version }), { line: version.summaryLine, column: 1 });
});

export default copiedSummary;

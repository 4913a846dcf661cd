/**
 * `empty-version`: a version changes something. A new version with the very
 * text and title of the previous one publishes nothing new, and marked
 * `material` (the default) it would ask every user to consent again for
 * nothing. A corpus rule: it compares a version with the one before it.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { getTimeline } from '#lib/timeline/policy-corpus.ts';
import { report, type CorpusRuleContext } from '../lint-context.ts';
import { problemText } from '#lib/messages/message-catalog.ts';

const emptyVersion = lintRule<Root, CorpusRuleContext>('policy-press:empty-version', (_tree, file, { version, corpus }) => {
  const timeline = getTimeline(corpus, version.policy, version.locale);
  const index = timeline?.versions.findIndex((candidate) => candidate.id === version.id) ?? -1;
  const previous = index > 0 ? timeline?.versions[index - 1] : undefined;
  if (!previous || previous.body !== version.body || previous.title !== version.title) return;
  report(file, problemText('emptyVersion', { previous: previous.version, previousFile: previous.file }), { line: version.bodyStartLine, column: 1 });
});

export default emptyVersion;

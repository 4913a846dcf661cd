/**
 * `stable-link`: a link to a policy's stable URL (`/ru/privacy/`) shows
 * whichever version is in force when someone follows it, not the one this
 * text referred to when it took effect: a consent given in 2025 would point
 * at the policy of 2027. Reported with the `policy:` link to write instead.
 * A warning by default: a text may mean the current version on purpose, and
 * then says so with `lint.ignore`.
 * A corpus rule: it reads the outlines of every version, not one tree.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { report, type CorpusRuleContext } from '../lint-context.ts';
import { resolveSiteTarget } from '../site-targets.ts';
import { problemText } from '#lib/messages/message-catalog.ts';

const stableLink = lintRule<Root, CorpusRuleContext>('policy-press:stable-link', (_tree, file, context) => {
  const { version, corpus, urls } = context;
  const ownPath = urls.version(version.policy, version.locale, version.version);
  const stablePath = urls.current(version.policy, version.locale);
  // The stable URL of every policy and locale, whether or not a version is in force at this build's "now".
  const stable = new Map<string, string>();
  for (const timeline of corpus.timelines.values()) stable.set(urls.current(timeline.policy, timeline.locale), timeline.policy);
  for (const link of version.outline.links) {
    const target = resolveSiteTarget(link.url, context.siteUrl, ownPath, stablePath);
    const policy = target.kind === 'page' && target.note === null ? stable.get(target.path) : undefined;
    if (target.kind !== 'page' || policy === undefined) continue;
    const written = `policy:${policy}${target.fragment === null ? '' : `#${target.fragment}`}`;
    report(file, problemText('stableLink', { text: link.text, url: link.url, policy, written }), { line: link.line, column: link.column });
  }
});

export default stableLink;

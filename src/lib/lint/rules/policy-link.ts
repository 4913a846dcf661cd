/**
 * `policy-link`: a `policy:` link (`[Политика](policy:privacy#3.4)`) names a
 * policy that had a version in force when the linking version took effect
 * (in its locale, else the default one), and an anchor of that version; the
 * page links its permanent URL (see markdown/policy-links.ts).
 * A corpus rule: it reads the outlines of every version, not one tree.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { parsePolicyHref, resolvePolicyLink } from '#lib/markdown/policy-links.ts';
import { report, type CorpusRuleContext } from '../lint-context.ts';
import { problemText } from '#lib/messages/message-catalog.ts';

const policyLink = lintRule<Root, CorpusRuleContext>('policy-press:policy-link', (_tree, file, context) => {
  const { version, corpus } = context;
  for (const link of version.outline.links) {
    const place = { line: link.line, column: link.column };
    const named = link.text === '' ? `the link ${link.url}` : `the link "${link.text}" (${link.url})`;
    const href = parsePolicyHref(link.url);
    if (!href) continue;
    if (!href.ok) {
      report(file, { message: `${named}: ${href.message}`, hint: href.hint }, place);
      continue;
    }
    if (link.html) {
      report(file, problemText('policyLinkHtml', { text: link.text, url: link.url }), place);
      continue;
    }
    if (!corpus.policies.includes(href.policy)) {
      report(file, problemText('policyLinkUnknown', { text: link.text, url: link.url, policy: href.policy, policies: corpus.policies.join(', ') }), place);
      continue;
    }
    const target = resolvePolicyLink(corpus, version, href.policy, context.defaultLocale);
    if (!target) {
      const locales = [...new Set([version.locale, context.defaultLocale])];
      report(file, problemText('policyLinkNotInForce', { text: link.text, url: link.url, policy: href.policy, locales, effective: version.effective }), place);
      continue;
    }
    const outline = context.versions.get(target.id)?.outline;
    if (href.fragment !== null && !outline?.anchors.includes(href.fragment)) {
      report(
        file,
        {
          message: `${named} leads to ${target.id} (in force when this version takes effect), which has no anchor #${href.fragment}`,
          hint: `Link a clause or section of ${target.id} (${
            outline?.numbers
              .slice(0, 8)
              .map((entry) => entry.id)
              .join(', ') || 'it has no numbered clauses'
          }…), or remove the anchor.`,
        },
        place,
      );
    }
  }
});

export default policyLink;

/**
 * `site-link`: a link of the text to the site's own pages leads to a page
 * the build writes, and to an anchor that page has. Covers root-relative
 * links (`/ru/consent/`, which the build prefixes with the base path),
 * links with the site's URL, relative links (`../consent/`: a text is shown
 * at its permanent URL and, while in force, at the stable URL, so a relative
 * link that means two pages is refused) and anchors (`#3.4`, checked against
 * the clause and heading anchors of the version the page shows).
 * A corpus rule: it reads the outlines of every version, not one tree.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { report, type CorpusRuleContext, type LintedVersion } from '../lint-context.ts';
import { resolveSiteTarget } from '../site-targets.ts';
import { problemText } from '#lib/messages/message-catalog.ts';

function checkAnchor(fragment: string, shown: LintedVersion | undefined): string | null {
  if (!shown) return 'that page has no anchors a link can rely on (only the texts of versions do)';
  return shown.outline.anchors.includes(fragment) ? null : `${shown.id} has no anchor #${fragment}`;
}

const siteLink = lintRule<Root, CorpusRuleContext>('policy-press:site-link', (_tree, file, context) => {
  const { version } = context;
  const ownPath = context.urls.version(version.policy, version.locale, version.version);
  const stablePath = context.urls.current(version.policy, version.locale);
  for (const link of version.outline.links) {
    const target = resolveSiteTarget(link.url, context.siteUrl, ownPath, stablePath);
    if (target.kind === 'elsewhere') continue;
    const place = { line: link.line, column: link.column };
    const named = link.text === '' ? `the link ${link.url}` : `the link "${link.text}" (${link.url})`;
    if (target.note) {
      report(file, { message: `${named} is relative: ${target.note}`, hint: 'Write the link from the site root, e.g. /ru/consent/, or as policy:consent to name the version in force when this one took effect.' }, place);
      continue;
    }
    const shownOn = context.pages.get(target.path);
    if (shownOn === undefined) {
      const withSlash = context.pages.has(`${target.path}/`);
      const missing = { text: link.text, url: link.url, path: target.path };
      report(file, withSlash ? problemText('siteLinkSlash', missing) : problemText('siteLinkMissing', missing), place);
      continue;
    }
    if (target.fragment === null) continue;
    const problem = checkAnchor(target.fragment, shownOn === null ? undefined : context.versions.get(shownOn));
    if (problem) {
      report(file, { message: `${named} names an anchor that does not exist: ${problem}`, hint: 'Link an existing clause (#3.4), section (#3) or heading, or remove the anchor.' }, place);
    }
  }
});

export default siteLink;

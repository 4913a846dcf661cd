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
import type { OutlineLink } from '#lib/markdown/document-outline.ts';

/** What a link target is, seen from one version's pages. */
type SiteTarget = { kind: 'elsewhere' } | { kind: 'page'; path: string; fragment: string | null; note: string | null };

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** The path a page path has once each segment is written as the site's URLs write it. */
function canonicalPath(pathname: string): string {
  return pathname.split('/').map((segment) => encodeURIComponent(decode(segment))).join('/');
}

function splitTarget(url: URL): { path: string; fragment: string | null } {
  return { path: canonicalPath(url.pathname), fragment: url.hash === '' ? null : decode(url.hash.slice(1)) };
}

/** Where a link leads on the site, or `elsewhere`. */
function resolveTarget(link: OutlineLink, context: CorpusRuleContext, ownPath: string, stablePath: string): SiteTarget {
  const site = new URL(context.siteUrl);
  const base = site.pathname;
  const raw = link.url.trim();
  if (raw === '') return { kind: 'elsewhere' };
  if (raw.startsWith('#')) return { kind: 'page', path: ownPath, fragment: decode(raw.slice(1)), note: null };
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) {
    let url: URL;
    try {
      url = new URL(raw, site);
    } catch {
      return { kind: 'elsewhere' };
    }
    if (url.origin !== site.origin || !url.pathname.startsWith(base)) return { kind: 'elsewhere' };
    return { kind: 'page', ...splitTarget(url), note: null };
  }
  if (raw.startsWith('/')) {
    // As rehypeBasePath writes it on the page: the base path in front, unless the link already has it.
    const prefix = base.replace(/\/$/, '');
    const written = prefix === '' || raw.startsWith(`${prefix}/`) ? raw : `${prefix}${raw}`;
    return { kind: 'page', ...splitTarget(new URL(written, site)), note: null };
  }
  const fromOwn = splitTarget(new URL(raw, new URL(ownPath, site)));
  const fromStable = splitTarget(new URL(raw, new URL(stablePath, site)));
  if (fromOwn.path !== fromStable.path) {
    return { kind: 'page', ...fromOwn, note: `it leads to ${fromOwn.path} from this version's page but to ${fromStable.path} from the stable page ${stablePath}` };
  }
  return { kind: 'page', ...fromOwn, note: null };
}

function checkAnchor(fragment: string, shown: LintedVersion | undefined): string | null {
  if (!shown) return 'that page has no anchors a link can rely on (only the texts of versions do)';
  return shown.outline.anchors.includes(fragment) ? null : `${shown.id} has no anchor #${fragment}`;
}

const siteLink = lintRule<Root, CorpusRuleContext>('policy-press:site-link', (_tree, file, context) => {
  const { version } = context;
  const ownPath = context.urls.version(version.policy, version.locale, version.version);
  const stablePath = context.urls.current(version.policy, version.locale);
  for (const link of version.outline.links) {
    const target = resolveTarget(link, context, ownPath, stablePath);
    if (target.kind === 'elsewhere') continue;
    const place = { line: link.line, column: link.column };
    const named = link.text === '' ? `the link ${link.url}` : `the link "${link.text}" (${link.url})`;
    if (target.note) {
      report(file, `${named} is relative: ${target.note}`, 'Write the link from the site root, e.g. /ru/consent/, or as policy:consent to name the version in force when this one took effect.', place);
      continue;
    }
    const shownOn = context.pages.get(target.path);
    if (shownOn === undefined) {
      const withSlash = context.pages.has(`${target.path}/`);
      report(
        file,
        withSlash ? `${named} leads to ${target.path}, which the site serves as ${target.path}/` : `${named} leads to ${target.path}, which this site does not have`,
        withSlash
          ? `Write ${target.path}/ (hosts redirect the address without the final slash; the dev server and some hosts do not).`
          : "Link a page of this site (a policy's stable URL /<locale>/<policy>/, or a version's permanent URL), or write the full address of a page elsewhere.",
        place,
      );
      continue;
    }
    if (target.fragment === null) continue;
    const problem = checkAnchor(target.fragment, shownOn === null ? undefined : context.versions.get(shownOn));
    if (problem) {
      report(file, `${named} names an anchor that does not exist: ${problem}`, 'Link an existing clause (#3.4), section (#3) or heading, or remove the anchor.', place);
    }
  }
});

export default siteLink;

/**
 * Links from one policy to another by name: `[Политика](policy:privacy#3.4)`
 * points to the version of `privacy` that was in force when the linking
 * version took effect (in its locale, else in the site's default locale), so
 * a consent document keeps pointing at the policy text it was given with,
 * while the stable URL (`/ru/privacy/`) moves on to whatever is current.
 *
 * The published Markdown keeps `policy:privacy#3.4` as written: which
 * version it names follows from the ledger's timelines, which never change
 * in the past, so the text's hash covers its meaning. Only the rendered page
 * carries the resolved permanent URL.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { POLICY_ID_PATTERN } from '#lib/corpus/policy-id-patterns.ts';
import type { SiteUrls } from '#lib/site/site-urls.ts';
import { getTimeline, type PolicyCorpus } from '#lib/timeline/policy-corpus.ts';
import { getVersionInForceAt, type TimelineVersion } from '#lib/timeline/timeline.ts';

const PREFIX = 'policy:';

/** A `policy:` link read: the policy and the fragment (`3.4`), or why it cannot be one and how to write it. */
export type PolicyHref = { ok: true; policy: string; fragment: string | null } | { ok: false; message: string; hint: string };

const LINK_FORM = 'Write it as policy:<policy> or policy:<policy>#<clause>, e.g. policy:privacy#3.4.';

/** The clause of a link, its escapes decoded; null when one does not decode. */
function decodeFragment(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The first escape of a text that does not decode: a "%" without two hexadecimal digits, or escaped bytes that are not UTF-8. */
function findBadEscape(text: string): string {
  for (const [sequence] of text.matchAll(/(?:%[0-9a-f]{2})+|%.{0,2}/gi)) if (decodeFragment(sequence) === null) return sequence;
  return text;
}

/** Reads a link target; null when it is not a `policy:` link. */
export function parsePolicyHref(url: string): PolicyHref | null {
  if (!url.toLowerCase().startsWith(PREFIX)) return null;
  const rest = url.slice(PREFIX.length);
  const hash = rest.indexOf('#');
  const policy = hash === -1 ? rest : rest.slice(0, hash);
  if (!POLICY_ID_PATTERN.test(policy))
    return { ok: false, message: `"${url}" is not a policy: link: after "policy:" comes a policy id (lowercase letters, digits, "-"), then optionally "#" and a clause`, hint: LINK_FORM };
  if (hash === -1) return { ok: true, policy, fragment: null };
  const written = rest.slice(hash + 1);
  const fragment = decodeFragment(written);
  if (fragment === null) {
    return {
      ok: false,
      message: `the clause "#${written}" has a malformed escape, "${findBadEscape(written)}": a "%" starts an escape of two hexadecimal digits, and the escaped bytes must be UTF-8`,
      hint: `Write a "%" of the clause as "%25", or the clause as it is, without escapes: policy:${policy}#3.4.`,
    };
  }
  return { ok: true, policy, fragment: fragment === '' ? null : fragment };
}

/** Where the `policy:` links of one version lead: for each policy, the version and its permanent page. */
export type PolicyLinkTargets = Record<string, { policy: string; locale: string; version: string; path: string }>;

/**
 * The version of a policy a version's `policy:` link names: the one in force
 * when the linking version takes effect, in its locale, else in the default locale.
 */
export function resolvePolicyLink(corpus: PolicyCorpus, from: { locale: string; effectiveFrom: number }, policy: string, defaultLocale: string): TimelineVersion | undefined {
  const inForce = (locale: string): TimelineVersion | undefined => {
    const timeline = getTimeline(corpus, policy, locale);
    return timeline && getVersionInForceAt(timeline, from.effectiveFrom);
  };
  return inForce(from.locale) ?? inForce(defaultLocale);
}

/** Where every policy of the corpus would be linked from a version: what its rendering needs. */
export function getPolicyLinkTargets(corpus: PolicyCorpus, from: { locale: string; effectiveFrom: number }, defaultLocale: string, urls: SiteUrls): PolicyLinkTargets {
  const targets: PolicyLinkTargets = {};
  for (const policy of corpus.policies) {
    const target = resolvePolicyLink(corpus, from, policy, defaultLocale);
    if (target) targets[policy] = { policy, locale: target.locale, version: target.version, path: urls.version(policy, target.locale, target.version) };
  }
  return targets;
}

/** What a render of one version is told through its front matter object (see render-version.ts). */
export interface VersionRenderContext {
  locale?: string;
  title?: string;
  /** The version's permanent page, which its clause references link (so they work in redlines too). */
  permanentPath?: string;
  policyLinkTargets?: PolicyLinkTargets;
  /** Filled by {@link remarkPolicyLinks}: the targets the text's links used, in order, without repeats. */
  usedPolicyLinks?: PolicyLinkTargets[string][];
}

/** The per-version context of a render, if the renderer was given one. */
export function getVersionRenderContext(file: VFile): VersionRenderContext | undefined {
  return (file.data as { astro?: { frontmatter?: VersionRenderContext } }).astro?.frontmatter;
}

/**
 * Rewrites `policy:` links to the permanent URL of the version they name.
 * A link to a policy without such a version is left as it is (the sanitizer
 * then drops the unknown scheme); the `policy-link` rule refuses it first.
 */
export function remarkPolicyLinks() {
  return (tree: Root, file: VFile) => {
    const context = getVersionRenderContext(file);
    const targets = context?.policyLinkTargets;
    if (!context || !targets) return;
    const used: PolicyLinkTargets[string][] = [];
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      const resolved = resolvePolicyHref(node.url, targets);
      if (!resolved) return;
      node.url = resolved.url;
      if (!used.includes(resolved.target)) used.push(resolved.target);
    });
    context.usedPolicyLinks = used;
  };
}

/** The URL a `policy:` link leads to, with the version it names; null for any other link, or one that cannot be resolved. */
function resolvePolicyHref(url: string, targets: PolicyLinkTargets): { url: string; target: PolicyLinkTargets[string] } | null {
  const href = parsePolicyHref(url);
  const target = href?.ok ? targets[href.policy] : undefined;
  if (!href?.ok || !target) return null;
  return { url: `${target.path}${href.fragment === null ? '' : `#${encodeURIComponent(href.fragment)}`}`, target };
}

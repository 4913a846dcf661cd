/**
 * Where a link of a policy text leads on the site: the page path as the
 * built site has it (base path in front, as rehypeBasePath writes it) and the
 * anchor, or `elsewhere` for a link off the site. A text is shown at its
 * permanent URL and, while in force, at the stable URL of its policy, so a
 * relative link is resolved from both and said to differ when it does.
 */

/** What a link target is, seen from one version's pages. */
export type SiteTarget = { kind: 'elsewhere' } | { kind: 'page'; path: string; fragment: string | null; note: string | null };

const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** The path a page path has once each segment is written as the site's URLs write it. */
function canonicalPath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => encodeURIComponent(decode(segment)))
    .join('/');
}

function splitTarget(url: URL): { path: string; fragment: string | null } {
  return { path: canonicalPath(url.pathname), fragment: url.hash === '' ? null : decode(url.hash.slice(1)) };
}

/**
 * Where a link leads on the site, or `elsewhere`.
 * @param ownPath the permanent page of the version whose text has the link
 * @param stablePath the stable page of its policy, which shows the text while it is in force
 */
export function resolveSiteTarget(url: string, siteUrl: string, ownPath: string, stablePath: string): SiteTarget {
  const site = new URL(siteUrl);
  const base = site.pathname;
  const raw = url.trim();
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

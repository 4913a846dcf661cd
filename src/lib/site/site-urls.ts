/**
 * The URL scheme of the site, in one place. Paths carry the base path, end in
 * `/` (pages) or a file extension, and never change for a published version:
 * they are printed in consent records and footers.
 *
 *   /<locale>/                               home of a language
 *   /<locale>/<policy>/                      the version in force (stable URL)
 *   /<locale>/<policy>/<version>/            a version, permanently
 *   /<locale>/<policy>/history/              every version with its period
 *   /<locale>/<policy>/diff/<from>/<to>/      redline, one column or two (switched without script)
 *   /<locale>/<policy>/compare/              compare any two versions (script)
 *   /raw/<policy>/<locale>/<version>.md      published Markdown (hashed)
 *   /blocks/<policy>/<locale>/<version>.json      a version cut into blocks, for compare
 *   /raw/<policy>/<locale>/<version>/<sha256>.md    every text a version ever had, by hash
 *   /<locale>/<policy>/<version>/corrections/<n>/   redline of the n-th correction
 *   /<locale>/developers/                    how other systems use the feed
 *   /feed/v1/index.json, schema.json, <policy>.json, <policy>/current.json
 *   /feed/v1/versions.csv, versions.csv-metadata.json   every version as one table (CSVW)
 *   /feed/v1/<policy>/<locale>/atom.xml, feed.json, timemap.link
 *   /feed/v1/<policy>/<locale>/<version>/since.json   re-consent answer for users who accepted it
 *   /kit/v1/policy-kit.js, policy-kit.d.ts   the client kit for products' own pages
 *   /kit/v1/reconsent.js, reconsent.d.ts     its DOM-free part (Node, workers)
 *   /log/v1/checkpoint, key, tile/…          the public log (C2SP tlog-tiles)
 */

/** Builds the site's paths and absolute URLs for one base path and origin. */
export interface SiteUrls {
  home(locale: string): string;
  current(policy: string, locale: string): string;
  version(policy: string, locale: string, version: string): string;
  history(policy: string, locale: string): string;
  raw(policy: string, locale: string, version: string): string;
  diff(policy: string, locale: string, from: string, to: string): string;
  compare(policy: string, locale: string): string;
  blocks(policy: string, locale: string, version: string): string;
  rawByHash(policy: string, locale: string, version: string, sha256: string): string;
  correction(policy: string, locale: string, version: string, number: number): string;
  developers(locale: string): string;
  search(locale: string): string;
  sitemap(): string;
  feedIndex(): string;
  feedSchema(): string;
  policyFeed(policy: string): string;
  /** `/feed/v1/versions.csv`: every version as one table. */
  versionsTable(): string;
  /** Its W3C CSVW description, `/feed/v1/versions.csv-metadata.json`. */
  versionsTableMetadata(): string;
  currentJson(policy: string): string;
  atom(policy: string, locale: string): string;
  jsonFeed(policy: string, locale: string): string;
  timemap(policy: string, locale: string): string;
  since(policy: string, locale: string, version: string): string;
  /** The ready-to-send notice of a version, `notice.txt` or `notice.html`, beside its since.json. */
  notice(policy: string, locale: string, version: string, format: 'txt' | 'html'): string;
  /** A file of the client kit: `policy-kit.js` (the default), `reconsent.js`, and their `.d.ts`. */
  kit(file?: string): string;
  /** The prefix of the public log, ending in `/`. */
  log(): string;
  logCheckpoint(): string;
  logKey(): string;
  /** An absolute URL for a site path. */
  absolute(path: string): string;
}

/**
 * @param siteUrl the absolute URL of the site with its base path, ending in `/`
 */
export function createSiteUrls(siteUrl: string): SiteUrls {
  const base = new URL(siteUrl);
  const prefix = base.pathname;
  const path = (...segments: string[]) => `${prefix}${segments.map(encodeURIComponent).join('/')}`;
  return {
    home: (locale) => `${path(locale)}/`,
    current: (policy, locale) => `${path(locale, policy)}/`,
    version: (policy, locale, version) => `${path(locale, policy, version)}/`,
    history: (policy, locale) => `${path(locale, policy, 'history')}/`,
    raw: (policy, locale, version) => `${path('raw', policy, locale, version)}.md`,
    diff: (policy, locale, from, to) => `${path(locale, policy, 'diff', from, to)}/`,
    compare: (policy, locale) => `${path(locale, policy, 'compare')}/`,
    blocks: (policy, locale, version) => `${path('blocks', policy, locale, version)}.json`,
    rawByHash: (policy, locale, version, sha256) => `${path('raw', policy, locale, version, sha256)}.md`,
    correction: (policy, locale, version, number) => `${path(locale, policy, version, 'corrections', String(number))}/`,
    developers: (locale) => `${path(locale, 'developers')}/`,
    search: (locale) => `${path(locale, 'search')}/`,
    sitemap: () => `${prefix}sitemap.xml`,
    feedIndex: () => `${path('feed', 'v1', 'index')}.json`,
    feedSchema: () => `${path('feed', 'v1', 'schema')}.json`,
    policyFeed: (policy) => `${path('feed', 'v1', policy)}.json`,
    versionsTable: () => `${path('feed', 'v1', 'versions')}.csv`,
    versionsTableMetadata: () => `${path('feed', 'v1', 'versions')}.csv-metadata.json`,
    currentJson: (policy) => `${path('feed', 'v1', policy, 'current')}.json`,
    atom: (policy, locale) => `${path('feed', 'v1', policy, locale, 'atom')}.xml`,
    jsonFeed: (policy, locale) => `${path('feed', 'v1', policy, locale, 'feed')}.json`,
    timemap: (policy, locale) => `${path('feed', 'v1', policy, locale, 'timemap')}.link`,
    since: (policy, locale, version) => `${path('feed', 'v1', policy, locale, version, 'since')}.json`,
    notice: (policy, locale, version, format) => `${path('feed', 'v1', policy, locale, version, 'notice')}.${format}`,
    kit: (file = 'policy-kit.js') => path('kit', 'v1', file),
    log: () => `${path('log', 'v1')}/`,
    logCheckpoint: () => path('log', 'v1', 'checkpoint'),
    logKey: () => path('log', 'v1', 'key'),
    absolute: (sitePath) => new URL(sitePath, base.origin).href,
  };
}

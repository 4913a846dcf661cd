/**
 * How a static host must serve the site: content types the extensions do not
 * say, cross-origin access to the machine-readable files (and nothing else),
 * caching, and security headers with a Content-Security-Policy the pages
 * satisfy (framing only by the origins the settings allow). One list of
 * rules, rendered for the hosts people use: a `_headers` file (Netlify,
 * Cloudflare Pages) and an nginx snippet; `npm run preview` serves by it too.
 * A missing file keeps the CORS of its path, so another origin can tell "not
 * found" from a network error.
 *
 * Patterns are site paths under the base path: `:name` is one path segment,
 * a final `*` anything below. No two rules that match the same path set the
 * same header, because hosts merge overlapping rules differently.
 *
 * Caching: content-addressed files (hashed assets, a published text by its
 * hash, the log's tiles and entry bundles) are immutable; everything else is
 * short-lived or revalidated. A partial tile (`…/<N>.p/<W>`) is immutable too:
 * the W hashes it holds never change, a wider tree gets a wider path. The
 * log's checkpoint is the one file that must be fresh within seconds. Version
 * pages are not immutable on purpose: a version page changes once, when a
 * later version supersedes it and it must say so, and a per-version Markdown
 * file changes if a correction is recorded; a year-long cache would hide both.
 * A 404 is never cached: the file may come with the next deploy.
 */

/** Headers for the paths that match a pattern. */
export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
}

/** What a deployment chooses about how its files are served (from the site settings). */
export interface ServingOptions {
  /**
   * Origins that may show the site's pages in a frame (`frame-ancestors`);
   * empty, the default, means none may.
   */
  frameAncestors?: readonly string[];
}

/**
 * The Content-Security-Policy of every page: same-origin only, no inline
 * script or style; WebAssembly for search. `frameAncestors` gives the
 * `frame-ancestors` directive (empty: `'none'`); without it the directive is
 * left out, as a `<meta>` policy must (browsers ignore it there). `dev` is
 * the policy of pages served by `astro dev`, never written to a built site:
 * Astro's dev mode injects its stylesheets as inline `<style>` elements (and
 * Vite's hot update rewrites them the same way), which the pages need styled.
 */
export function getContentSecurityPolicy(frameAncestors?: readonly string[], options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    options.dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(frameAncestors ? [`frame-ancestors ${frameAncestors.length === 0 ? "'none'" : frameAncestors.join(' ')}`] : []),
  ].join('; ');
}

/** Media types served with `; charset=utf-8` (every text file the site writes is UTF-8). */
export const CHARSET_TYPES: readonly string[] = [
  'text/html',
  'text/css',
  'text/plain',
  'text/xml',
  'text/markdown',
  'application/javascript',
  'application/json',
  'application/feed+json',
  'application/schema+json',
  'application/atom+xml',
  'application/link-format',
  'application/typescript',
  'text/csv',
  'application/csvm+json',
];

const SHORT = 'public, max-age=300';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const CORS_HEADER = 'Access-Control-Allow-Origin';
const CORS = { [CORS_HEADER]: '*' };
// No media type is registered for TypeScript; this is the one Deno and TypeScript tooling recognise.
const TYPESCRIPT = 'application/typescript; charset=utf-8';

/** The rules, most general first. */
export function getServingRules(options: ServingOptions = {}): HeaderRule[] {
  return [
    {
      pattern: '/*',
      headers: {
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        'Content-Security-Policy': getContentSecurityPolicy(options.frameAncestors ?? []),
      },
    },
    { pattern: '/_astro/*', headers: { 'Cache-Control': IMMUTABLE } },
    { pattern: '/pagefind/*', headers: { 'Cache-Control': SHORT } },
    { pattern: '/blocks/*', headers: { 'Cache-Control': SHORT } },
    { pattern: '/kit/*', headers: { ...CORS, 'Cache-Control': SHORT } },
    { pattern: '/kit/v1/policy-kit.d.ts', headers: { 'Content-Type': TYPESCRIPT } },
    { pattern: '/kit/v1/reconsent.d.ts', headers: { 'Content-Type': TYPESCRIPT } },
    { pattern: '/feed/*', headers: { ...CORS, 'Cache-Control': SHORT } },
    { pattern: '/feed/v1/schema.json', headers: { 'Content-Type': 'application/schema+json' } },
    // RFC 4180's type, and the W3C CSVW metadata type.
    { pattern: '/feed/v1/versions.csv', headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
    { pattern: '/feed/v1/versions.csv-metadata.json', headers: { 'Content-Type': 'application/csvm+json' } },
    { pattern: '/feed/v1/:policy/:locale/atom.xml', headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } },
    { pattern: '/feed/v1/:policy/:locale/feed.json', headers: { 'Content-Type': 'application/feed+json' } },
    { pattern: '/feed/v1/:policy/:locale/timemap.link', headers: { 'Content-Type': 'application/link-format' } },
    { pattern: '/raw/*', headers: { ...CORS, 'Content-Type': 'text/markdown; charset=utf-8' } },
    // The text of a version as now served: a recorded correction may change it.
    { pattern: '/raw/:policy/:locale/:file', headers: { 'Cache-Control': 'public, max-age=3600' } },
    // A published text by its SHA-256 never changes.
    { pattern: '/raw/:policy/:locale/:version/:file', headers: { 'Cache-Control': IMMUTABLE } },
    // The public log (C2SP tlog-tiles): tiles and bundles never change for a path, the checkpoint moves with every publish.
    { pattern: '/log/*', headers: { ...CORS } },
    { pattern: '/log/v1/checkpoint', headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=5' } },
    { pattern: '/log/v1/key', headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': SHORT } },
    { pattern: '/log/v1/tile/*', headers: { 'Content-Type': 'application/octet-stream', 'Cache-Control': IMMUTABLE } },
  ];
}

/**
 * Whether a site path (under the base path, starting with `/`) matches a pattern.
 * @public Exported for its tests: the pattern rules (`:name`, a final `*`) are tested path by path.
 */
export function matchesPattern(pattern: string, path: string): boolean {
  const source = pattern
    .split('/')
    .map((segment) => (segment === '*' ? '.*' : segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`).test(path);
}

/** The headers a path gets: every matching rule, merged (they never set the same header twice). */
export function getHeadersFor(path: string, rules: readonly HeaderRule[] = getServingRules()): Record<string, string> {
  return Object.assign({}, ...rules.filter((rule) => matchesPattern(rule.pattern, path)).map((rule) => rule.headers)) as Record<string, string>;
}

/**
 * The headers of the 404 page where a path is missing: the general ones, no
 * caching (a file may appear with the next deploy), and CORS where the path
 * has it, so other origins can tell "not found" from a network error.
 */
export function getNotFoundHeaders(path: string, rules: readonly HeaderRule[] = getServingRules()): Record<string, string> {
  return notFoundHeaders(rules, CORS_HEADER in getHeadersFor(path, rules));
}

function notFoundHeaders(rules: readonly HeaderRule[], cors: boolean): Record<string, string> {
  return { ...rules.find((rule) => rule.pattern === '/*')?.headers, ...(cors ? CORS : {}), 'Cache-Control': 'no-cache' };
}

const withBase = (basePath: string, pattern: string) => `${basePath.replace(/\/$/, '')}${pattern}`;

/** The `_headers` file of Netlify and Cloudflare Pages. */
export function renderHeadersFile(rules: readonly HeaderRule[], basePath: string): string {
  const lines = ['# Serving rules of the policy site, written by the build (see docs/operators.md, "Deploy"). Netlify and Cloudflare Pages read this file.'];
  for (const rule of rules) {
    lines.push(withBase(basePath, rule.pattern));
    for (const [name, value] of Object.entries(rule.headers)) lines.push(`  ${name}: ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/** An nginx regular expression for a pattern. */
function toNginxRegex(pattern: string): string {
  return `^${pattern
    .split('/')
    .map((segment) => (segment === '*' ? '.*' : segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/')}$`;
}

/** Whether every path `inner` matches is also matched by `outer`. */
function covers(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  if (!outer.endsWith('/*')) return false;
  const prefix = outer.slice(0, -1);
  return inner.startsWith(prefix) || prefix === '/';
}

/**
 * An nginx snippet for the `server { }` block of the site's host. nginx uses
 * one location per request, so each location repeats the headers of the rules
 * that contain it; the most specific locations come first.
 *
 * A missing file is answered with the 404 page through an internal redirect,
 * which would take the headers of the 404 page's location. Where a path has
 * CORS, its 404 goes through a named location that keeps CORS, so a client on
 * another origin can read "not found" (an unknown version's since.json)
 * instead of a network error.
 */
export function renderNginxSnippet(rules: readonly HeaderRule[], basePath: string): string {
  const base = basePath.replace(/\/$/, '');
  const specificity = (pattern: string) => pattern.split('/').length * 10 - (pattern.endsWith('*') ? 5 : 0);
  const ordered = [...rules].filter((rule) => rule.pattern !== '/*').sort((a, b) => specificity(b.pattern) - specificity(a.pattern));
  const lines = [
    '# Serving rules of the policy site, written by the build (see docs/operators.md, "Deploy").',
    `# Include it in the server { } block whose root holds the site at ${basePath}, e.g.:  include /path/to/dist/_nginx.conf;`,
    'charset utf-8;',
    // text/html is always in charset_types: naming it again makes nginx warn.
    `charset_types ${CHARSET_TYPES.filter((type) => type !== 'text/html').join(' ')};`,
    `error_page 404 ${base}/404.html;`,
    `location = ${base}/_nginx.conf { return 404; }`,
    `location = ${base}/_headers { return 404; }`,
  ];
  const corsNotFound = '@cors_not_found';
  const render = (location: string, headers: Record<string, string>, body = ['  try_files $uri $uri/ =404;']) => {
    const { 'Content-Type': contentType, ...rest } = headers;
    lines.push(`location ${location} {`);
    if (contentType) lines.push('  types { }', `  default_type "${contentType.replace(/; charset=utf-8$/, '')}";`);
    if (rest[CORS_HEADER] && location !== corsNotFound) lines.push(`  error_page 404 ${corsNotFound};`);
    for (const [name, value] of Object.entries(rest)) lines.push(`  add_header ${name} "${value}" always;`);
    lines.push(...body, '}');
  };
  for (const rule of ordered) {
    const merged = Object.assign({}, ...rules.filter((other) => covers(other.pattern, rule.pattern)).map((other) => other.headers)) as Record<string, string>;
    render(`~ ${toNginxRegex(`${base}${rule.pattern}`)}`, merged);
  }
  // Pages revalidate. The 404 page of a path without CORS is served from here, with these headers.
  render(`${base}/`, notFoundHeaders(rules, false));
  render(corsNotFound, notFoundHeaders(rules, true), [`  try_files ${base}/404.html =404;`]);
  return `${lines.join('\n')}\n`;
}

/**
 * `astro preview` for the built site, served the way the generated serving
 * rules say (src/lib/site/serving-rules.ts) instead of by Vite's file server,
 * which knows none of them: the same content types (`.link`, `.md`, Atom,
 * JSON Feed, schema), CORS on the feed, the kit and the raw texts (404s
 * included), caching and security headers, and the 404 page with status 404.
 * Astro loads it as the preview entry point of the adapter that
 * src/integrations/serving-rules-integration.ts sets for `astro preview` only.
 */
import type { PreviewServer, PreviewServerParams } from 'astro';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import siteConfig from '../../site.config.ts';
import { CHARSET_TYPES, getHeadersFor, getNotFoundHeaders, getServingRules, type HeaderRule } from '#lib/site/serving-rules.ts';
import { resolveSiteSettings } from '#lib/site/site-settings.ts';

/** The types a static host gives by extension (as nginx's mime.types does), for the files a build writes. */
const TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.css': 'text/css',
  '.js': 'application/javascript',
  '.json': 'application/json',
  '.xml': 'text/xml',
  '.txt': 'text/plain',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Files beside the pages that hosts read and must not serve. */
const PRIVATE_FILES = new Set(['/_headers', '/_nginx.conf']);

const withCharset = (type: string) => (CHARSET_TYPES.includes(type) ? `${type}; charset=utf-8` : type);

/** What to answer for a request path: a file with its status and headers, or a redirect. */
export type PreviewAnswer = { status: 200 | 404; file: string | null; headers: Record<string, string> } | { status: 301; location: string } | { status: 400 };

/**
 * Resolves a request path under `basePath` to a file of `root`, as nginx with
 * the site's `_nginx.conf` would: a folder is its `index.html` (without its
 * final slash, a redirect), a missing file the 404 page.
 */
export function resolvePreviewRequest(root: string, basePath: string, pathname: string, rules: readonly HeaderRule[]): PreviewAnswer {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  const notFound = (sitePath: string): PreviewAnswer => {
    const page = join(root, '404.html');
    return { status: 404, file: existsSync(page) ? page : null, headers: { ...getNotFoundHeaders(sitePath, rules), 'Content-Type': withCharset('text/html') } };
  };
  if (!decoded.startsWith(basePath)) return notFound(decoded);
  const sitePath = `/${decoded.slice(basePath.length)}`;
  const file = resolve(root, `.${sitePath}`);
  // Outside the site (a "..", decoded), or a host's own file: not found, never read.
  if ((file !== root && !file.startsWith(root + sep)) || PRIVATE_FILES.has(sitePath) || sitePath.includes('\0')) return notFound(sitePath);
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!sitePath.endsWith('/')) return { status: 301, location: `${pathname}/` };
    return resolveFile(join(file, 'index.html'), sitePath) ?? notFound(sitePath);
  }
  return resolveFile(file, sitePath) ?? notFound(sitePath);

  function resolveFile(path: string, headersPath: string): PreviewAnswer | null {
    if (!existsSync(path) || !statSync(path).isFile()) return null;
    const headers = getHeadersFor(headersPath, rules);
    // The rule's type, else the extension's; with a charset where nginx adds one (charset_types).
    const type = withCharset((headers['Content-Type'] ?? TYPES_BY_EXTENSION[extname(path)] ?? 'application/octet-stream').replace(/; charset=utf-8$/, ''));
    return { status: 200, file: path, headers: { ...headers, 'Content-Type': type } };
  }
}

/** Starts the preview server (Astro's `CreatePreviewServer`). */
export default async function createPreviewServer(params: PreviewServerParams): Promise<PreviewServer> {
  const settings = resolveSiteSettings(siteConfig, process.env, fileURLToPath(params.root));
  const rules = getServingRules({ frameAncestors: settings.frameAncestors });
  const root = resolve(fileURLToPath(params.outDir));
  const base = params.base.endsWith('/') ? params.base : `${params.base}/`;
  const extra: OutgoingHttpHeaders = params.headers ?? {};
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://preview.invalid');
    const answer = resolvePreviewRequest(root, base, url.pathname, rules);
    if (answer.status === 400) {
      response.writeHead(400).end();
    } else if (answer.status === 301) {
      response.writeHead(301, { ...extra, Location: answer.location + url.search }).end();
    } else {
      response.writeHead(answer.status, { ...extra, ...answer.headers });
      if (request.method === 'HEAD' || answer.file === null) response.end();
      else createReadStream(answer.file).pipe(response);
    }
  });
  const host = params.host ?? 'localhost';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(params.port, host, () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : params.port;
  params.logger.info(`serving ${root} at http://${host.includes(':') ? `[${host}]` : host}:${port}${base} with the site's serving rules`);
  const closed = new Promise<void>((done) => server.once('close', () => done()));
  return {
    host,
    port,
    closed: () => closed,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

import { describe, expect, test } from 'vitest';
import { getContentSecurityPolicy, getHeadersFor, getNotFoundHeaders, getServingRules, matchesPattern, renderHeadersFile, renderNginxSnippet } from '#lib/site/serving-rules.ts';
import { testNginxSnippet } from '../../helpers/nginx-server.ts';

// One path of every kind the build writes.
const PATHS = [
  '/ru/privacy/',
  '/ru/privacy/2025-09-01/',
  '/ru/privacy/history/',
  '/_astro/BaseLayout.abc.css',
  '/pagefind/pagefind.js',
  '/blocks/privacy/ru/2025-09-01.json',
  '/kit/v1/policy-kit.js',
  '/kit/v1/policy-kit.d.ts',
  '/kit/v1/reconsent.js',
  '/kit/v1/reconsent.d.ts',
  '/feed/v1/index.json',
  '/feed/v1/schema.json',
  '/feed/v1/privacy.json',
  '/feed/v1/privacy/current.json',
  '/feed/v1/privacy/ru/atom.xml',
  '/feed/v1/privacy/ru/feed.json',
  '/feed/v1/privacy/ru/timemap.link',
  '/feed/v1/privacy/ru/2025-09-01/since.json',
  '/raw/privacy/ru/2025-09-01.md',
  `/raw/privacy/ru/2025-09-01/${'a'.repeat(64)}.md`,
  '/log/v1/checkpoint',
  '/log/v1/key',
  '/log/v1/tile/0/000',
  '/log/v1/tile/0/x001/000.p/17',
  '/log/v1/tile/entries/000.p/9',
];

describe('the serving rules', () => {
  test('never set one header twice for a path (hosts merge overlapping rules differently)', () => {
    for (const path of PATHS) {
      const names = getServingRules()
        .filter((rule) => matchesPattern(rule.pattern, path))
        .flatMap((rule) => Object.keys(rule.headers));
      expect(new Set(names).size, path).toBe(names.length);
    }
  });

  test.each([
    ['/ru/privacy/', undefined, undefined, undefined],
    ['/feed/v1/privacy.json', undefined, '*', 'public, max-age=300'],
    ['/feed/v1/schema.json', 'application/schema+json', '*', 'public, max-age=300'],
    ['/feed/v1/privacy/ru/atom.xml', 'application/atom+xml; charset=utf-8', '*', 'public, max-age=300'],
    ['/feed/v1/privacy/ru/feed.json', 'application/feed+json', '*', 'public, max-age=300'],
    ['/feed/v1/privacy/ru/timemap.link', 'application/link-format', '*', 'public, max-age=300'],
    ['/raw/privacy/ru/2025-09-01.md', 'text/markdown; charset=utf-8', '*', 'public, max-age=3600'],
    [`/raw/privacy/ru/2025-09-01/${'a'.repeat(64)}.md`, 'text/markdown; charset=utf-8', '*', 'public, max-age=31536000, immutable'],
    ['/kit/v1/policy-kit.js', undefined, '*', 'public, max-age=300'],
    ['/kit/v1/reconsent.js', undefined, '*', 'public, max-age=300'],
    ['/kit/v1/policy-kit.d.ts', 'application/typescript; charset=utf-8', '*', 'public, max-age=300'],
    ['/kit/v1/reconsent.d.ts', 'application/typescript; charset=utf-8', '*', 'public, max-age=300'],
    ['/blocks/privacy/ru/2025-09-01.json', undefined, undefined, 'public, max-age=300'],
    ['/_astro/BaseLayout.abc.css', undefined, undefined, 'public, max-age=31536000, immutable'],
    ['/log/v1/checkpoint', 'text/plain; charset=utf-8', '*', 'public, max-age=5'],
    ['/log/v1/key', 'text/plain; charset=utf-8', '*', 'public, max-age=300'],
    // A partial tile is immutable for its width: a wider tree gets another path.
    ['/log/v1/tile/0/x001/000.p/17', 'application/octet-stream', '*', 'public, max-age=31536000, immutable'],
    ['/log/v1/tile/entries/000.p/9', 'application/octet-stream', '*', 'public, max-age=31536000, immutable'],
  ])('give %s type %s, CORS %s, cache %s', (path, type, cors, cache) => {
    const headers = getHeadersFor(path);
    expect(headers['Content-Type']).toBe(type);
    expect(headers['Access-Control-Allow-Origin']).toBe(cors);
    expect(headers['Cache-Control']).toBe(cache);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });

  test('carry the base path in both formats', () => {
    expect(renderHeadersFile(getServingRules(), '/legal/')).toContain('\n/legal/feed/v1/:policy/:locale/atom.xml\n  Content-Type: application/atom+xml; charset=utf-8\n');
    const nginx = renderNginxSnippet(getServingRules(), '/legal/');
    expect(nginx).toContain('error_page 404 /legal/404.html;');
    expect(nginx).toContain('location ~ ^/legal/raw/[^/]+/[^/]+/[^/]+/[^/]+$ {');
    // nginx uses one location per request: the most specific come first and repeat the general headers.
    expect(nginx.indexOf('/legal/raw/[^/]+/[^/]+/[^/]+/[^/]+$')).toBeLessThan(nginx.indexOf('^/legal/raw/.*$'));
  });
});

describe('the Content-Security-Policy', () => {
  test('of a built site allows no inline script or style', () => {
    expect(getContentSecurityPolicy([])).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(getHeadersFor('/ru/privacy/')['Content-Security-Policy']).toBe(getContentSecurityPolicy([]));
  });

  test('of the dev server adds only the inline styles Astro injects there', () => {
    const directives = (policy: string) => new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive]));
    const dev = directives(getContentSecurityPolicy([], { dev: true }));
    const production = directives(getContentSecurityPolicy([]));
    expect(dev.get('style-src')).toBe("style-src 'self' 'unsafe-inline'");
    dev.delete('style-src');
    production.delete('style-src');
    expect(dev).toEqual(production);
  });
});

describe('a missing file', () => {
  test.each([
    ['/feed/v1/privacy/ru/v0/since.json', '*'],
    ['/kit/v1/nope.js', '*'],
    [`/raw/privacy/ru/2025-09-01/${'b'.repeat(64)}.md`, '*'],
    ['/ru/privacy/1999-01-01/', undefined],
    ['/_astro/gone.css', undefined],
  ])('%s: the 404 page, never cached, CORS %s', (path, cors) => {
    const headers = getNotFoundHeaders(path);
    expect(headers['Access-Control-Allow-Origin']).toBe(cors);
    // A content-addressed path must not cache its 404 for a year.
    expect(headers['Cache-Control']).toBe('no-cache');
    expect(headers['Content-Security-Policy']).toContain("default-src 'self'");
  });

  test('under nginx, keeps CORS where the path has it: each such location sends its 404 through one that does', () => {
    for (const base of ['/', '/legal/']) {
      const nginx = renderNginxSnippet(getServingRules(), base);
      const locations = nginx.split(/\n(?=location )/).filter((block) => block.startsWith('location ~'));
      for (const block of locations) {
        expect(block.includes('error_page 404 @cors_not_found;'), block).toBe(block.includes('Access-Control-Allow-Origin'));
      }
      const named = nginx.slice(nginx.indexOf('location @cors_not_found {'));
      expect(named).toContain('add_header Access-Control-Allow-Origin "*" always;');
      expect(named).toContain('add_header Cache-Control "no-cache" always;');
      expect(named).toContain(`try_files ${base.replace(/\/$/, '')}/404.html =404;`);
    }
  });
});

describe('framing', () => {
  const csp = (path: string, frameAncestors?: string[]) => getHeadersFor(path, getServingRules(frameAncestors ? { frameAncestors } : {}))['Content-Security-Policy'] ?? '';

  test("no page may be framed by default: frame-ancestors 'none'", () => {
    expect(csp('/ru/privacy/')).toMatch(/; frame-ancestors 'none'$/);
  });

  test('the origins a site allows (a sign-up form) may frame the pages, and no other', () => {
    expect(csp('/ru/privacy/', ['https://app.example.com', 'https://*.example.org:8443'])).toMatch(/; frame-ancestors https:\/\/app\.example\.com https:\/\/\*\.example\.org:8443$/);
    expect(renderHeadersFile(getServingRules({ frameAncestors: ["'self'"] }), '/')).toContain("frame-ancestors 'self'\n");
    expect(renderNginxSnippet(getServingRules({ frameAncestors: ['https://app.example.com'] }), '/')).toContain('frame-ancestors https://app.example.com" always;');
  });

  test('the <meta> policy leaves frame-ancestors out: browsers ignore it there', () => {
    expect(getContentSecurityPolicy()).not.toContain('frame-ancestors');
    expect(getContentSecurityPolicy()).toBe(csp('/ru/').replace("; frame-ancestors 'none'", ''));
  });
});

describe('the nginx snippet under nginx -t', () => {
  test.each(['/', '/legal/'])('at %s: valid, and nginx says nothing, not even a warning', (base) => {
    for (const frameAncestors of [[], ['https://app.example.com']]) {
      const result = testNginxSnippet(renderNginxSnippet(getServingRules({ frameAncestors }), base));
      expect(result.status, result.output).toBe(0);
      expect(result.output.split('\n').filter((line) => /\[(?:warn|emerg|alert|crit|error)\]/.test(line))).toEqual([]);
      expect(result.output).toContain('test is successful');
    }
  });
});

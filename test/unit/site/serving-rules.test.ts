import { describe, expect, test } from 'vitest';
import { getHeadersFor, getServingRules, matchesPattern, renderHeadersFile, renderNginxSnippet } from '#lib/site/serving-rules.ts';

// One path of every kind the build writes.
const PATHS = [
  '/ru/privacy/',
  '/ru/privacy/2025-09-01/',
  '/ru/privacy/history/',
  '/_astro/BaseLayout.abc.css',
  '/pagefind/pagefind.js',
  '/blocks/privacy/ru/2025-09-01.json',
  '/kit/v1/policy-kit.js',
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

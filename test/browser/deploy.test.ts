import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FeedIndex, PolicyFeed } from '#schemas/feed.ts';
import { launchChromium, waitForNoticeAnswers } from '../helpers/browser.ts';
import { buildSite, LATER_EPOCH } from '../helpers/build-site.ts';
import { startNginx, type NginxServer } from '../helpers/nginx-server.ts';
import { SAMPLE_DIST } from './sample-site.ts';

let browser: Browser;
const servers: Record<string, { nginx: NginxServer; base: string }> = {};

beforeAll(async () => {
  browser = await launchChromium();
  // The sample at the root (built by global-setup.ts) and under /legal/.
  const legal = buildSite({ policiesDir: 'policies', name: 'deploy-legal', env: { SOURCE_DATE_EPOCH: LATER_EPOCH, SITE_URL: 'https://example.com/legal/' } });
  if (legal.status !== 0) throw new Error(legal.output);
  servers['root'] = { nginx: await startNginx(SAMPLE_DIST, '/'), base: '/' };
  servers['legal'] = { nginx: await startNginx(legal.outDir, '/legal/'), base: '/legal/' };
});

afterAll(async () => {
  await browser?.close();
  for (const { nginx } of Object.values(servers)) await nginx.stop();
});

/** A URL of the published site, fetched from the local nginx instead. */
function local(server: { nginx: NginxServer }, url: string): string {
  return `${server.nginx.origin}${new URL(url).pathname}`;
}

describe.each(['root', 'legal'])('the site served by nginx at %s', (name) => {
  const server = () => servers[name] as { nginx: NginxServer; base: string };
  const get = (path: string) => fetch(`${server().nginx.origin}${server().base}${path}`);

  test.each([
    ['ru/privacy/', 'text/html; charset=utf-8', null],
    ['feed/v1/index.json', 'application/json; charset=utf-8', '*'],
    ['feed/v1/privacy.json', 'application/json; charset=utf-8', '*'],
    ['feed/v1/privacy/current.json', 'application/json; charset=utf-8', '*'],
    ['feed/v1/privacy/ru/2025-09-01/since.json', 'application/json; charset=utf-8', '*'],
    ['feed/v1/schema.json', 'application/schema+json; charset=utf-8', '*'],
    ['feed/v1/privacy/ru/atom.xml', 'application/atom+xml; charset=utf-8', '*'],
    ['feed/v1/privacy/ru/feed.json', 'application/feed+json; charset=utf-8', '*'],
    ['feed/v1/privacy/ru/timemap.link', 'application/link-format; charset=utf-8', '*'],
    ['raw/privacy/ru/2025-09-01.md', 'text/markdown; charset=utf-8', '*'],
    ['kit/v1/policy-kit.js', 'application/javascript; charset=utf-8', '*'],
    ['kit/v1/reconsent.js', 'application/javascript; charset=utf-8', '*'],
    ['kit/v1/policy-kit.d.ts', 'application/typescript; charset=utf-8', '*'],
    ['kit/v1/reconsent.d.ts', 'application/typescript; charset=utf-8', '*'],
    ['blocks/privacy/ru/2025-09-01.json', 'application/json; charset=utf-8', null],
  ])('serves %s as %s, with CORS %s', async (path, type, cors) => {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('access-control-allow-origin')).toBe(cors);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });

  test('caches content-addressed files for good and the rest briefly', async () => {
    const page = await (await get('ru/privacy/')).text();
    const asset = /href="([^"]*\/_astro\/[^"]+\.css)"/.exec(page)?.[1] ?? '';
    expect(asset.startsWith(`${server().base}_astro/`)).toBe(true);
    expect((await fetch(`${server().nginx.origin}${asset}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const feed = (await (await get('feed/v1/privacy.json')).json()) as PolicyFeed;
    const byHash = `raw/privacy/ru/2025-09-01/${feed.versions.find((v) => v.locale === 'ru' && v.version === '2025-09-01')?.sha256}.md`;
    expect((await get(byHash)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await get('raw/privacy/ru/2025-09-01.md')).headers.get('cache-control')).toBe('public, max-age=3600');
    expect((await get('feed/v1/privacy/current.json')).headers.get('cache-control')).toBe('public, max-age=300');
    expect((await get('ru/privacy/')).headers.get('cache-control')).toBe('no-cache');
    expect((await get('ru/privacy/2025-09-01/')).headers.get('cache-control')).toBe('no-cache');
  });

  test("serves every raw Markdown byte for byte: its SHA-256 over HTTP is the feed's", async () => {
    const index = (await (await get('feed/v1/index.json')).json()) as FeedIndex;
    let checked = 0;
    for (const policy of index.policies) {
      const feed = (await (await fetch(local(server(), policy.feedUrl))).json()) as PolicyFeed;
      expect(feed.versions[0]?.url.startsWith(`https://${name === 'root' ? 'policies.example.com/' : 'example.com/legal/'}`)).toBe(true);
      for (const version of feed.versions) {
        const bytes = Buffer.from(await (await fetch(local(server(), version.markdownUrl))).arrayBuffer());
        expect(createHash('sha256').update(bytes).digest('hex'), version.markdownUrl).toBe(version.sha256);
        checked += 1;
      }
    }
    expect(checked).toBe(7);
  });

  test('answers a missing page with status 404 and the 404 page', async () => {
    const response = await get('ru/privacy/1999-01-01/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Страница не найдена');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await get('_nginx.conf')).status).toBe(404);
  });

  test.each(['feed/v1/privacy/ru/v0/since.json', 'kit/v1/nope.js', `raw/privacy/ru/2025-09-01/${'0'.repeat(64)}.md`])(
    'answers a missing %s with 404 and CORS, so another origin reads "not found", never cached',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await response.text()).toContain('Страница не найдена');
    },
  );

  test('every internal link of every page resolves over HTTP', async () => {
    const origin = server().nginx.origin;
    const seen = new Set<string>();
    const queue = [`${server().base}ru/`, `${server().base}en/`];
    let pages = 0;
    while (queue.length > 0) {
      const path = queue.shift() as string;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await fetch(origin + path);
      expect(response.status, path).toBe(200);
      if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) continue;
      pages += 1;
      const html = await response.text();
      for (const match of html.matchAll(/(?:href|src)="([^"#]+)/g)) {
        const url = new URL(match[1] as string, origin + path);
        if (url.origin !== origin) continue;
        expect(url.pathname.startsWith(server().base), `${path} → ${url.pathname}`).toBe(true);
        if (!seen.has(url.pathname + url.search)) queue.push(url.pathname + url.search);
      }
    }
    expect(pages).toBeGreaterThan(20);
  });

  test('every page type loads in Chromium without a Content-Security-Policy violation', async () => {
    const context = await browser.newContext();
    const violations: string[] = [];
    for (const path of [
      'ru/',
      'ru/privacy/',
      'ru/privacy/2023-03-01/',
      'ru/privacy/history/',
      'ru/privacy/diff/2023-03-01/2025-09-01/',
      'en/developers/',
      'ru/search/?q=согласие',
      'en/privacy/compare/?from=2025-09-01&to=2026-02-15',
    ]) {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`${path}: ${message.text()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => console.error(`Refused to: ${event.violatedDirective} ${event.blockedURI}`));
      });
      await page.goto(`${server().nginx.origin}${server().base}${path}`);
      // A page's scripts are done when what they draw is there (the search results, the compared redline, the kit's answers), not when the network is quiet.
      if (path.startsWith('ru/search')) await page.waitForFunction(() => document.querySelectorAll('#search-results a').length > 0);
      if (path.includes('compare')) await page.locator('#compare-result').waitFor();
      if (path.includes('developers')) await waitForNoticeAnswers(page);
      if (path.startsWith('ru/search')) {
        const hrefs = await page.$$eval('#search-results a', (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
        for (const href of hrefs) expect(href.startsWith(server().base)).toBe(true);
      }
      await page.close();
    }
    await context.close();
    expect(violations).toEqual([]);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PolicyFeed } from '#schemas/feed.ts';
import { findAxeViolations } from '../helpers/axe.ts';
import { launchChromium, waitForNoticeAnswers } from '../helpers/browser.ts';
import { freePort } from '../helpers/free-port.ts';
import { startNginx, type NginxServer } from '../helpers/nginx-server.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { SAMPLE_DIST } from './sample-site.ts';

let browser: Browser;
/** The policy site (feed and kit), served by nginx with its own _nginx.conf. */
let site: NginxServer;
/** A product's own site on another origin, using the kit across origins. */
let product: StaticServer;
const PRODUCT = mkdtempSync(join(tmpdir(), 'product-'));
let closedPort = 0;
/** A broken feed on a third origin: the sample's feed files, except since.json of privacy/ru/2023-03-01, which each prefix breaks its own way. */
let broken: Server;
let brokenOrigin = '';
/** How each prefix of the broken feed answers for since.json. */
const BROKEN: Record<string, ((since: string) => string) | null> = {
  // Never answers: the request stays open.
  hang: null,
  malformed: () => '{"feedVersion": 1, "policy": "privacy",, }',
  truncated: (since) => since.slice(0, Math.floor(since.length / 2)),
  // Another version's answer, as a host that rewrote the path would give.
  other: () => readFileSync(join(SAMPLE_DIST, 'feed/v1/privacy/ru/2026-02-15/since.json'), 'utf8'),
};

function startBrokenFeed(): Promise<void> {
  broken = createServer((request, response) => {
    const [, prefix = '', ...rest] = new URL(request.url ?? '/', 'http://x').pathname.split('/');
    const path = rest.join('/');
    const change = BROKEN[prefix];
    if (path === 'feed/v1/privacy/ru/2023-03-01/since.json' && change === null) return;
    let body: string;
    try {
      body = readFileSync(join(SAMPLE_DIST, path), 'utf8');
    } catch {
      return void response.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end();
    }
    if (path.endsWith('/since.json') && change) body = change(body);
    response.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }).end(body);
  });
  return new Promise((listening) =>
    broken.listen(0, '127.0.0.1', () => {
      const address = broken.address();
      brokenOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      listening();
    }),
  );
}

type Notice = { id: string; policy: string; locale: string; accepted: string | null; lang?: string; feed?: string; timeoutMs?: number };

/** A product page with these notices, loading the kit from the policy site. */
function writePage(name: string, notices: Notice[]): string {
  const tags = notices.map(
    ({ id, policy, locale, accepted, lang, feed, timeoutMs }) =>
      `<policy-update-notice id="${id}" feed-url="${feed ?? `${site.origin}/feed/v1/`}" policy="${policy}" locale="${locale}"${accepted === null ? '' : ` accepted-version="${accepted}"`}${lang ? ` lang="${lang}"` : ''}${timeoutMs ? ` timeout-ms="${timeoutMs}"` : ''}></policy-update-notice>`,
  );
  writeFileSync(
    join(PRODUCT, name),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title><script type="module" src="${site.origin}/kit/v1/policy-kit.js"></script></head>
<body><main><h1>Welcome back</h1>
${tags.join('\n')}
</main></body></html>`,
  );
  return name;
}

beforeAll(async () => {
  site = await startNginx(SAMPLE_DIST, '/');
  // The browser asks the product for /favicon.ico: the static server answers a missing file with this page.
  writeFileSync(join(PRODUCT, '404.html'), '<!doctype html><title>Not found</title>');
  product = await serveStatic(PRODUCT);
  closedPort = await freePort();
  await startBrokenFeed();
  writePage('sign-in.html', [
    { id: 'required', policy: 'privacy', locale: 'ru', accepted: '2023-03-01', lang: 'ru' },
    { id: 'notify', policy: 'privacy', locale: 'en', accepted: '2025-09-01', feed: `${site.origin}/feed/v1/index.json` },
    { id: 'none', policy: 'privacy', locale: 'ru', accepted: '2026-02-15' },
    { id: 'unknown', policy: 'privacy', locale: 'ru', accepted: 'v0' },
    { id: 'traversal', policy: 'privacy', locale: 'en', accepted: '../../consent/en/2025-09-01' },
  ]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await product?.close();
  await site?.stop();
  broken?.closeAllConnections();
  await new Promise((closed) => broken?.close(closed));
  rmSync(PRODUCT, { recursive: true, force: true });
});

/** Opens a product page; `requests` collects the paths asked of the policy site, the kit itself aside. */
async function open(name: string): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === site.origin && url.pathname !== '/kit/v1/policy-kit.js') requests.push(url.pathname);
  });
  await page.goto(`${product.origin}/${name}`);
  await waitForNoticeAnswers(page);
  return { page, requests };
}

/** The site's log checkpoint: what the notice fetches once and puts in every identity it dispatches. */
const checkpointOf = async () => (await fetch(`${site.origin}/log/v1/checkpoint`)).text();

/** Every policy-accept and policy-acknowledge the page dispatches, in order. */
const recordEvents = (page: Page) =>
  page.evaluate(() => {
    const events: [string, unknown][] = [];
    (window as unknown as { kitEvents: unknown }).kitEvents = events;
    for (const type of ['policy-accept', 'policy-acknowledge']) document.addEventListener(type, (event) => events.push([type, (event as CustomEvent).detail]));
  });
const recorded = (page: Page) => page.evaluate(() => (window as unknown as { kitEvents: [string, unknown][] }).kitEvents);
const answerOf = (page: Page, id: string) => page.evaluate((element) => (document.getElementById(element) as HTMLElement & { answer: Record<string, unknown> }).answer, id);

async function sha256Of(locale: string, version: string): Promise<string | undefined> {
  const feed = (await (await fetch(`${site.origin}/feed/v1/privacy.json`)).json()) as PolicyFeed;
  return feed.versions.find((v) => v.locale === locale && v.version === version)?.sha256;
}

describe('the client kit in Chromium, across origins through nginx', () => {
  test('required: shows the notice in Russian, links the accepted→current redline, Accept dispatches policy-accept with the new identity', async () => {
    const { page } = await open('sign-in.html');
    await recordEvents(page);
    const notice = page.locator('#required');
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.locator('.policy-update-title').textContent()).resolves.toBe('Мы обновили документ «Политика конфиденциальности» 15\u00a0февраля 2026\u00a0г.');
    await expect(notice.getByRole('link', { name: 'Посмотреть, что изменилось' }).getAttribute('href')).resolves.toBe('https://policies.example.com/ru/privacy/diff/2023-03-01/2026-02-15/');
    // Keyboard: the button is reachable and works with Enter.
    await notice.getByRole('button', { name: 'Принять новую редакцию' }).focus();
    await page.keyboard.press('Enter');
    await expect(recorded(page)).resolves.toEqual([['policy-accept', { policy: 'privacy', locale: 'ru', version: '2026-02-15', sha256: await sha256Of('ru', '2026-02-15'), checkpoint: await checkpointOf() }]]);
    await expect(notice.isVisible()).resolves.toBe(false);
    await page.context().close();
  });

  test('notify: an editorial change only, in English; "Got it" dispatches policy-acknowledge, not a consent', async () => {
    const { page } = await open('sign-in.html');
    await recordEvents(page);
    const notice = page.locator('#notify');
    await expect(notice.locator('.policy-update-title').textContent()).resolves.toBe('We updated “Privacy Policy” on 15 February 2026.');
    await expect(notice.getByRole('link', { name: 'See what changed' }).getAttribute('href')).resolves.toBe('https://policies.example.com/en/privacy/diff/2025-09-01/2026-02-15/');
    await expect(notice.locator('.policy-update-notice').getAttribute('class')).resolves.toContain('policy-update-notify');
    await notice.getByRole('button', { name: 'Got it' }).click();
    await expect(recorded(page)).resolves.toEqual([['policy-acknowledge', { policy: 'privacy', locale: 'en', version: '2026-02-15', sha256: await sha256Of('en', '2026-02-15'), checkpoint: await checkpointOf() }]]);
    await page.context().close();
  });

  test('none: nothing is shown, the answer is there for the product', async () => {
    const { page } = await open('sign-in.html');
    await expect(page.locator('#none').isVisible()).resolves.toBe(false);
    await expect(answerOf(page, 'none')).resolves.toMatchObject({ reconsent: 'none', problem: null });
    await page.context().close();
  });

  test('a version the feed does not know (a 404 across origins) fails closed: the required notice, for the version in force', async () => {
    const { page } = await open('sign-in.html');
    await recordEvents(page);
    await expect(answerOf(page, 'unknown')).resolves.toMatchObject({ reconsent: 'unknown-version', problem: 'not-found', current: { version: '2026-02-15' } });
    const notice = page.locator('#unknown');
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.locator('.policy-update-notice').getAttribute('class')).resolves.toContain('policy-update-required');
    await expect(notice.locator('.policy-update-title').textContent()).resolves.toBe('Чтобы продолжить, примите документ «Политика конфиденциальности» в редакции от 15\u00a0февраля 2026\u00a0г.');
    await expect(notice.getByRole('link', { name: 'Открыть документ' }).getAttribute('href')).resolves.toBe('https://policies.example.com/ru/privacy/2026-02-15/');
    await notice.getByRole('button', { name: 'Принять новую редакцию' }).click();
    await expect(recorded(page)).resolves.toEqual([['policy-accept', { policy: 'privacy', locale: 'ru', version: '2026-02-15', sha256: await sha256Of('ru', '2026-02-15'), checkpoint: await checkpointOf() }]]);
    await page.context().close();
  });

  test("a path-traversal version id is never sent (nginx would answer with another document's since.json): the required notice", async () => {
    const { page, requests } = await open('sign-in.html');
    await recordEvents(page);
    await expect(answerOf(page, 'traversal')).resolves.toMatchObject({ reconsent: 'unknown-version', problem: 'invalid-id', acceptedVersion: '../../consent/en/2025-09-01' });
    expect(requests.filter((path) => path.includes('consent') || path.includes('%2F'))).toEqual([]);
    const notice = page.locator('#traversal');
    await expect(notice.locator('.policy-update-title').textContent()).resolves.toBe('To continue, please accept “Privacy Policy” of 15 February 2026.');
    await notice.getByRole('button', { name: 'Accept the new version' }).click();
    await expect(recorded(page)).resolves.toEqual([['policy-accept', { policy: 'privacy', locale: 'en', version: '2026-02-15', sha256: await sha256Of('en', '2026-02-15'), checkpoint: await checkpointOf() }]]);
    await page.context().close();
  });

  test('one check per element while it upgrades: exactly the requests its answer needs', async () => {
    const { requests } = await open('sign-in.html');
    expect([...requests].sort()).toEqual(
      [
        '/feed/v1/privacy/ru/2023-03-01/since.json',
        '/feed/v1/privacy/en/2025-09-01/since.json',
        '/feed/v1/privacy/ru/2026-02-15/since.json',
        // Unknown: its since.json (a 404), then the version in force to accept.
        '/feed/v1/privacy/ru/v0/since.json',
        '/feed/v1/privacy/current.json',
        // Malformed: only the version in force.
        '/feed/v1/privacy/current.json',
      ].sort(),
    );
  });

  test('one check when a product creates the element and sets its attributes one by one, and a new one when they change', async () => {
    writePage('dynamic.html', []);
    const { page, requests } = await open('dynamic.html');
    await page.evaluate((origin) => {
      const notice = document.createElement('policy-update-notice');
      document.querySelector('main')?.append(notice);
      for (const [name, value] of [
        ['feed-url', `${origin}/feed/v1/`],
        ['policy', 'privacy'],
        ['locale', 'ru'],
        ['accepted-version', '2023-03-01'],
      ])
        notice.setAttribute(name as string, value as string);
    }, site.origin);
    await page.waitForFunction(() => (document.querySelector('policy-update-notice') as HTMLElement & { answer: unknown }).answer);
    expect(requests).toEqual(['/feed/v1/privacy/ru/2023-03-01/since.json']);
    await page.evaluate(() => document.querySelector('policy-update-notice')?.setAttribute('accepted-version', '2026-02-15'));
    await page.waitForFunction(() => (document.querySelector('policy-update-notice') as HTMLElement & { answer: { acceptedVersion: string } }).answer.acceptedVersion === '2026-02-15');
    expect(requests).toEqual(['/feed/v1/privacy/ru/2023-03-01/since.json', '/feed/v1/privacy/ru/2026-02-15/since.json']);
    await page.context().close();
  });

  test('a feed that cannot be reached says so instead of showing nothing, and offers nothing to accept', async () => {
    writePage('offline.html', [{ id: 'offline', policy: 'privacy', locale: 'en', accepted: '2025-09-01', feed: `http://127.0.0.1:${closedPort}/feed/v1/` }]);
    const { page } = await open('offline.html');
    await expect(answerOf(page, 'offline')).resolves.toMatchObject({ reconsent: 'unknown-version', problem: 'feed-error', current: null });
    const notice = page.locator('#offline');
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.locator('.policy-update-title').textContent()).resolves.toBe('We could not check this document for updates.');
    await expect(notice.getByRole('button').count()).resolves.toBe(0);
    await page.context().close();
  });

  test('a feed that never answers: after timeout-ms the notice says it could not check, offers nothing to accept, and dispatches policy-timeout', async () => {
    writePage('hang.html', [{ id: 'hang', policy: 'privacy', locale: 'ru', accepted: '2023-03-01', lang: 'ru', feed: `${brokenOrigin}/hang/feed/v1/`, timeoutMs: 500 }]);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const timeouts: unknown[] = [];
      (window as unknown as { timeouts: unknown[] }).timeouts = timeouts;
      document.addEventListener('policy-timeout', (event) => timeouts.push((event as CustomEvent).detail));
    });
    await page.goto(`${product.origin}/hang.html`);
    await page.waitForFunction(() => (document.getElementById('hang') as HTMLElement & { answer: unknown }).answer, undefined, { timeout: 10_000 });
    await expect(answerOf(page, 'hang')).resolves.toMatchObject({ reconsent: 'unknown-version', problem: 'timeout', current: null });
    await expect(page.evaluate(() => (window as unknown as { timeouts: { problem: string }[] }).timeouts.map((detail) => detail.problem))).resolves.toEqual(['timeout']);
    const notice = page.locator('#hang');
    await expect(notice.locator('.policy-update-title').textContent()).resolves.toBe('Не удалось проверить обновления документа.');
    await expect(notice.getByRole('button').count()).resolves.toBe(0);
    await context.close();
  });

  test.each([
    ['malformed JSON', 'malformed'],
    ['a since.json cut short mid-JSON', 'truncated'],
    ["another version's since.json", 'other'],
  ])('a feed that returns %s fails closed: feed-error, and the notice asks to accept the version in force', async (_name, prefix) => {
    writePage(`${prefix}.html`, [{ id: prefix, policy: 'privacy', locale: 'ru', accepted: '2023-03-01', lang: 'ru', feed: `${brokenOrigin}/${prefix}/feed/v1/` }]);
    const { page } = await open(`${prefix}.html`);
    await recordEvents(page);
    await expect(answerOf(page, prefix)).resolves.toMatchObject({ reconsent: 'unknown-version', problem: 'feed-error', current: { version: '2026-02-15' } });
    const notice = page.locator(`#${prefix}`);
    await expect(notice.locator('.policy-update-title').textContent()).resolves.toBe('Чтобы продолжить, примите документ «Политика конфиденциальности» в редакции от 15\u00a0февраля 2026\u00a0г.');
    await notice.getByRole('button', { name: 'Принять новую редакцию' }).click();
    await expect(recorded(page)).resolves.toEqual([['policy-accept', { policy: 'privacy', locale: 'ru', version: '2026-02-15', sha256: await sha256Of('ru', '2026-02-15'), checkpoint: await checkpointOf() }]]);
    await page.context().close();
  });

  test('checkReconsent and the DOM-free reconsent.js answer with one fetch, and the kit keeps no cookies or storage', async () => {
    const { page, requests } = await open('sign-in.html');
    requests.length = 0;
    // Strings, so the test runner does not rewrite the page's own dynamic imports.
    const answers = await page.evaluate(
      `Promise.all(['policy-kit.js', 'reconsent.js'].map((file) => import('${site.origin}/kit/v1/' + file).then((kit) => kit.checkReconsent({ feedUrl: '${site.origin}/feed/v1/', policy: 'consent', locale: 'en', acceptedVersion: '2025-09-01' }))))`,
    );
    expect(answers).toMatchObject([
      { reconsent: 'none', current: { version: '2025-09-01' } },
      { reconsent: 'none', current: { version: '2025-09-01' } },
    ]);
    expect(requests).toEqual(['/kit/v1/reconsent.js', '/feed/v1/consent/en/2025-09-01/since.json', '/feed/v1/consent/en/2025-09-01/since.json']);
    expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual(['', 0, 0]);
    await page.context().close();
  });

  test('the notices pass axe (WCAG 2.2 AA)', async () => {
    const { page } = await open('sign-in.html');
    expect(await findAxeViolations(page, 'policy-update-notice')).toEqual([]);
    await page.context().close();
  });

  test('works live on the developers page, where accepting shows the event a product receives', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/en/developers/`);
    const notices = page.locator('.kit-example policy-update-notice');
    await page.waitForFunction(() => document.querySelectorAll('.kit-example .policy-update-notice').length >= 1);
    // In English: accepted 2025-09-01 → notify (an editorial version since), 2026-02-15 → none.
    await expect(notices.count()).resolves.toBe(2);
    await page.locator('.kit-example').first().getByRole('button', { name: 'Got it' }).click();
    await expect(page.locator('#kit-events').textContent()).resolves.toMatch(
      /^policy-acknowledge \{"policy":"privacy","locale":"en","version":"2026-02-15","sha256":"[0-9a-f]{64}","checkpoint":"policies\.example\.com\/log\/v1\\n7\\n.*"\}$/,
    );
    await context.close();
  });
});

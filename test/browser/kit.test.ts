import { AxeBuilder } from '@axe-core/playwright';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { SAMPLE_DIST } from './sample-site.ts';

let browser: Browser;
let server: StaticServer;
const TEST_PAGE = join(SAMPLE_DIST, 'kit-test.html');

beforeAll(async () => {
  // A product's own page using the kit against the built feed (same origin as the feed, as the test server has no CORS rules).
  writeFileSync(
    TEST_PAGE,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title><script type="module" src="/kit/v1/policy-kit.js"></script></head>
<body><main>
<h1>Welcome back</h1>
<policy-update-notice id="required" feed-url="/feed/v1/" policy="privacy" locale="ru" accepted-version="2023-03-01" lang="ru"></policy-update-notice>
<policy-update-notice id="notify" feed-url="/feed/v1/index.json" policy="privacy" locale="en" accepted-version="2025-09-01"></policy-update-notice>
<policy-update-notice id="none" feed-url="/feed/v1/" policy="privacy" locale="ru" accepted-version="2026-02-15"></policy-update-notice>
<policy-update-notice id="unknown" feed-url="/feed/v1/" policy="privacy" locale="ru" accepted-version="v0"></policy-update-notice>
</main></body></html>`,
  );
  server = await serveStatic(SAMPLE_DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  rmSync(TEST_PAGE, { force: true });
  await browser?.close();
  await server?.close();
});

async function openKitPage(): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${server.origin}/kit-test.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('policy-update-notice')].every((notice) => (notice as HTMLElement & { answer: unknown }).answer !== null && (notice as HTMLElement & { answer: unknown }).answer !== undefined));
  return { page, requests };
}

describe('the client kit in Chromium', () => {
  test('required: shows the notice in Russian, links the accepted→current redline, dispatches the new identity', async () => {
    const { page } = await openKitPage();
    const notice = page.locator('#required');
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.locator('.policy-update-title').textContent()).resolves.toBe('Мы обновили документ «Политика конфиденциальности» 15 февраля 2026 г.');
    await expect(notice.getByRole('link', { name: 'Посмотреть, что изменилось' }).getAttribute('href')).resolves.toBe('https://policies.example.com/ru/privacy/diff/2023-03-01/2026-02-15/');
    const event = page.evaluate(() => new Promise((resolve) => document.addEventListener('policy-accept', (e) => resolve((e as CustomEvent).detail), { once: true })));
    // Keyboard: the button is reachable and works with Enter.
    await notice.getByRole('button', { name: 'Принять новую редакцию' }).focus();
    await page.keyboard.press('Enter');
    const feed = await (await page.request.get(`${server.origin}/feed/v1/privacy.json`)).json() as { versions: { locale: string; version: string; sha256: string }[] };
    const sha256 = feed.versions.find((v) => v.locale === 'ru' && v.version === '2026-02-15')?.sha256;
    // The log's checkpoint of the moment travels with the identity, fetched once for the page's notices.
    const checkpoint = await (await page.request.get(`${server.origin}/log/v1/checkpoint`)).text();
    expect(checkpoint.split('\n').slice(0, 2)).toEqual(['policies.example.com/log/v1', '7']);
    await expect(event).resolves.toEqual({ policy: 'privacy', locale: 'ru', version: '2026-02-15', sha256, checkpoint });
    await expect(notice.isVisible()).resolves.toBe(false);
    await page.context().close();
  });

  test('notify: an editorial change only, in English, with an acknowledge button', async () => {
    const { page } = await openKitPage();
    const notice = page.locator('#notify');
    await expect(notice.locator('.policy-update-title').textContent()).resolves.toBe('We updated “Privacy Policy” on February 15, 2026.');
    await expect(notice.getByRole('link', { name: 'See what changed' }).getAttribute('href')).resolves.toBe('https://policies.example.com/en/privacy/diff/2025-09-01/2026-02-15/');
    await expect(notice.getByRole('button').textContent()).resolves.toBe('Got it');
    await expect(notice.locator('.policy-update-notice').getAttribute('class')).resolves.toContain('policy-update-notify');
    await page.context().close();
  });

  test('none and unknown-version: nothing is shown, the answer is there for the product', async () => {
    const { page } = await openKitPage();
    await expect(page.locator('#none').isVisible()).resolves.toBe(false);
    await expect(page.locator('#unknown').isVisible()).resolves.toBe(false);
    const answers = await page.evaluate(() => ['none', 'unknown'].map((id) => (document.getElementById(id) as HTMLElement & { answer: { reconsent: string } }).answer.reconsent));
    expect(answers).toEqual(['none', 'unknown-version']);
    await page.context().close();
  });

  test('checkReconsent answers with one fetch of the feed, the notices read the log checkpoint once, and the kit keeps no cookies or storage', async () => {
    const { page, requests } = await openKitPage();
    // A string, so the test runner does not rewrite the page's own dynamic import.
    const answer = await page.evaluate(
      "import('/kit/v1/policy-kit.js').then((kit) => kit.checkReconsent({ feedUrl: '/feed/v1/', policy: 'consent', locale: 'en', acceptedVersion: '2025-09-01' }))",
    );
    expect(answer).toMatchObject({ reconsent: 'none', current: { version: '2025-09-01' } });
    const others = requests.filter((path) => path !== '/kit-test.html' && path !== '/kit/v1/policy-kit.js' && !path.endsWith('/since.json'));
    expect(others).toEqual(['/log/v1/checkpoint']);
    expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual(['', 0, 0]);
    await page.context().close();
  });

  test('the notice passes axe (WCAG 2.2 AA)', async () => {
    const { page } = await openKitPage();
    const results = await new AxeBuilder({ page }).include('policy-update-notice').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
    await page.context().close();
  });

  test('works live on the developers page, where accepting shows the event a product receives', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/en/developers/`);
    const notices = page.locator('.kit-example policy-update-notice');
    await page.waitForFunction(() => document.querySelectorAll('.kit-example .policy-update-notice').length >= 1);
    await expect(notices.count()).resolves.toBe(2);
    await page.locator('.kit-example').first().getByRole('button').click();
    await expect(page.locator('#kit-events').textContent()).resolves.toMatch(/^policy-accept \{"policy":"privacy","locale":"en","version":"2026-02-15","sha256":"[0-9a-f]{64}","checkpoint":"policies\.example\.com\/log\/v1\\n7\\n.*"\}$/);
    await context.close();
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findAxeViolations } from '../helpers/axe.ts';
import { launchChromium, waitForNoticeAnswers } from '../helpers/browser.ts';
import { OUTPUT } from '../helpers/build-site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { SAMPLE_DIST } from './sample-site.ts';

let browser: Browser;
let server: StaticServer;
const SCREENSHOTS = join(OUTPUT, 'screenshots');

// Every page type, in both languages.
const PAGES: [string, string][] = [
  ['home-ru', '/ru/'],
  ['home-en', '/en/'],
  ['current-ru', '/ru/privacy/'],
  ['current-en', '/en/privacy/'],
  ['archived-ru', '/ru/privacy/2023-03-01/'],
  ['archived-en', '/en/privacy/2025-09-01/'],
  ['history-ru', '/ru/privacy/history/'],
  ['history-en', '/en/privacy/history/'],
  ['diff-ru', '/ru/privacy/diff/2023-03-01/2025-09-01/'],
  ['diff-en', '/en/privacy/diff/2025-09-01/2026-02-15/'],
  ['developers-ru', '/ru/developers/'],
  ['developers-en', '/en/developers/'],
  ['search-ru', '/ru/search/?q=согласие'],
  ['compare-en', '/en/privacy/compare/?from=2025-09-01&to=2026-02-15'],
  ['consent-ru', '/ru/consent/'],
];

/** The reader's context: one for the file, as pages keep no state (no cookies, no storage); each test opens its own page in it. */
let reader: BrowserContext;
/** Every internal URL already fetched by a link test, with its status: the pages share most links (header, footer, versions). */
const linkStatus = new Map<string, number>();

beforeAll(async () => {
  server = await serveStatic(SAMPLE_DIST);
  browser = await launchChromium();
  reader = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Waits until the page's scripts have drawn what the path asks for: the
 * search results of `?q=`, the compare page's redline, the kit's answers on
 * the developers page. Every other page is complete at its load event.
 */
async function settle(page: Page, path: string): Promise<void> {
  if (path.includes('/search/?q=')) await page.locator('#search-results a').first().waitFor();
  if (path.includes('/compare/?')) await page.locator('#compare-result').waitFor();
  await waitForNoticeAnswers(page);
}

/** Opens a path of the sample in the reader's context (1280 × 900, light) and waits until it has settled. */
async function open(path: string): Promise<Page> {
  const page = await reader.newPage();
  const response = await page.goto(server.origin + path);
  expect(response?.status(), path).toBe(200);
  await settle(page, path);
  return page;
}

describe.each(PAGES)('%s (%s)', (name, path) => {
  // One load of the page for its three tests, which only read it; each test leaves it at 1280 px in the light scheme.
  let page: Page;
  beforeAll(async () => {
    page = await open(path);
  });
  afterAll(async () => {
    await page?.close();
  });

  test('has no WCAG 2.2 AA violation (axe), in the light and the dark scheme', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await findAxeViolations(page), colorScheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('reads at 320 px without horizontal scrolling, and at 1280 px (screenshots kept)', async () => {
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}px`).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: false });
    }
  });

  test('every internal link and anchor on it resolves', async () => {
    const links = await page.$$eval('a[href], link[href]', (elements) => elements.map((element) => (element as HTMLAnchorElement).href));
    const internal = [...new Set(links.filter((href) => href.startsWith(server.origin)))];
    expect(internal.length).toBeGreaterThan(3);
    for (const href of internal) {
      const url = new URL(href);
      const address = url.origin + url.pathname + url.search;
      if (!linkStatus.has(address)) linkStatus.set(address, (await page.request.get(address)).status());
      expect(linkStatus.get(address), href).toBe(200);
      if (url.hash.length > 1 && url.pathname === new URL(page.url()).pathname) {
        const id = decodeURIComponent(url.hash.slice(1));
        expect(await page.evaluate((target) => document.getElementById(target) !== null, id), href).toBe(true);
      }
    }
  });
});

describe('the redline layouts', () => {
  test('switch to side by side without script', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/ru/privacy/diff/2023-03-01/2025-09-01/`);
    await expect(page.locator('.redline-side-by-side').isVisible()).resolves.toBe(false);
    await page.getByRole('radio', { name: 'Две колонки: было и стало' }).check();
    await expect(page.locator('.redline-side-by-side').isVisible()).resolves.toBe(true);
    await expect(page.locator('.redline-inline').isVisible()).resolves.toBe(false);
    await context.close();
  });

  test('side by side passes axe and reads at 320 px', async () => {
    const page = await open('/ru/privacy/diff/2023-03-01/2025-09-01/');
    await page.getByRole('radio', { name: 'Две колонки: было и стало' }).check();
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}px`).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(SCREENSHOTS, `diff-side-by-side-ru-${width}.png`) });
      expect(await findAxeViolations(page), `${width}px`).toEqual([]);
    }
    await page.close();
  });
});

describe('clause anchors', () => {
  test('a link to a clause of a version lands on that clause', async () => {
    const page = await open('/ru/privacy/2025-09-01/#3.4');
    const target = page.locator(':target');
    await expect(target.getAttribute('id')).resolves.toBe('3.4');
    await expect(target.innerText()).resolves.toMatch(/^3\.4\. Компания вправе передать/);
    expect(await target.evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(100);
    await page.close();
  });

  test('every numbered clause and section has its number as id, and a link to itself', async () => {
    const page = await open('/ru/privacy/2023-03-01/');
    const clauses = await page.$$eval('.policy-text .clause', (elements) =>
      elements.map((element) => ({ id: element.id, start: (element.textContent ?? '').trim().slice(0, 8), link: element.querySelector('.clause-link')?.getAttribute('href') })),
    );
    expect(clauses.length).toBeGreaterThan(20);
    for (const clause of clauses) {
      expect(clause.start.startsWith(clause.id), clause.id).toBe(true);
      expect(clause.link).toBe(`#${clause.id}`);
    }
    expect(clauses.map((clause) => clause.id)).toContain('6.3');
    await page.locator('[id="1.2"]').hover();
    await expect(page.locator('[id="1.2"] > .clause-link').evaluate((element) => getComputedStyle(element).opacity)).resolves.toBe('1');
    await page.close();
  });

  test('a long policy has a table of contents leading to its sections', async () => {
    const page = await open('/en/privacy/');
    const toc = page.getByRole('navigation', { name: 'Contents' });
    await expect(toc.getByRole('link').count()).resolves.toBe(6);
    await toc.getByRole('link').nth(2).click();
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#3');
    await page.close();
  });
});

describe('languages', () => {
  test('the switch leads to the same version in the other language, else to the nearest page', async () => {
    const page = await open('/ru/privacy/2025-09-01/');
    await page.getByRole('navigation', { name: 'Язык' }).getByRole('link', { name: 'English' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/privacy/2025-09-01/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.goto(`${server.origin}/ru/privacy/2023-03-01/`);
    await page.getByRole('link', { name: 'English' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/privacy/');
    await page.close();
  });
});

describe('print', () => {
  test('hides navigation and keeps the version and its date at the top', async () => {
    const page = await open('/ru/privacy/2023-03-01/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.version-links').isVisible()).resolves.toBe(false);
    await expect(page.locator('.facts').innerText()).resolves.toContain('2023-03-01');
    await expect(page.locator('.banner-superseded').isVisible()).resolves.toBe(true);
    await page.pdf({ path: join(SCREENSHOTS, 'archived-ru-print.pdf') });
    await page.close();
  });
});

describe('search', () => {
  test('finds a clause of a policy in force and links its stable page', async () => {
    const page = await open('/ru/search/');
    await page.getByLabel('Искать в действующих редакциях документов').fill('локализация');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '').includes('По запросу'));
    const status = await page.locator('#search-status').textContent();
    const hrefs = await page.$$eval('#search-results a', (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(status, status ?? '').toMatch(/^По запросу «локализация»/);
    for (const href of hrefs) expect(['/ru/privacy/', '/ru/consent/']).toContain(href);
    await page.close();
  });

  test('returns only versions in force, never an archived one', async () => {
    // «Политика» is in every version of the privacy policy, archived ones included.
    const page = await open(`/ru/search/?q=${encodeURIComponent('Политика')}`);
    await page.waitForFunction(() => document.querySelectorAll('#search-results a').length > 0);
    const hrefs = await page.$$eval('#search-results a', (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    expect(hrefs.sort()).toEqual(['/ru/consent/', '/ru/privacy/']);
    await page.close();
  });
});

describe('the 404 page', () => {
  test('answers a missing address with status 404 and helps in both languages', async () => {
    const page = await reader.newPage();
    const response = await page.goto(`${server.origin}/ru/privacy/1999-01-01/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Страница не найдена');
    expect(await findAxeViolations(page)).toEqual([]);
    await page.close();
  });
});

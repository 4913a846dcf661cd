import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { SAMPLE_DIST } from './sample-site.ts';

let browser: Browser;
let server: StaticServer;
// One context with script and one without, for the file: the pages keep no state (no cookies, no storage); each test opens its own page.
let withScript: BrowserContext;
let withoutScript: BrowserContext;

beforeAll(async () => {
  server = await serveStatic(SAMPLE_DIST);
  browser = await launchChromium();
  withScript = await browser.newContext();
  withoutScript = await browser.newContext({ javaScriptEnabled: false });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, javaScriptEnabled = true): Promise<Page> {
  const page = await (javaScriptEnabled ? withScript : withoutScript).newPage();
  const response = await page.goto(server.origin + path);
  expect(response?.status(), path).toBe(200);
  return page;
}

describe('a redline page in Chromium', () => {
  test('shows deleted words struck through right before the inserted words that replace them', async () => {
    const page = await open('/ru/privacy/diff/2023-03-01/2025-09-01/');
    const clause = page.locator('.redline-inline .diff-modified', { hasText: '1.2. Техническая информация' });
    await expect(clause.locator('del').allTextContents()).resolves.toEqual(['удалено: провел']);
    await expect(clause.locator('ins').allTextContents()).resolves.toEqual(['добавлено: провёл']);
    // The deletion sits where the word was: right before the insertion, after «Пользователь ».
    const order = await clause.evaluate((element) => {
      const del = element.querySelector('del');
      return { before: del?.previousSibling?.textContent?.slice(-13), next: del?.nextElementSibling?.tagName };
    });
    expect(order).toEqual({ before: 'Пользователь ', next: 'INS' });
    const styles = await clause.locator('del').evaluate((element) => getComputedStyle(element).textDecorationLine);
    expect(styles).toContain('line-through');
    await page.close();
  });

  test('shows the removed clause 6.3 as a whole deleted block with a visible label', async () => {
    const page = await open('/ru/privacy/diff/2023-03-01/2025-09-01/');
    const removed = page.locator('.redline-inline .diff-removed');
    await expect(removed.locator('.diff-badge').textContent()).resolves.toBe('Удалено');
    await expect(removed.locator('del').textContent()).resolves.toMatch(/^удалено: 6\.3\. Продолжение использования Сайта/);
    await page.close();
  });

  test('jumps from the changed-sections list to the change', async () => {
    const page = await open('/ru/privacy/diff/2023-03-01/2025-09-01/');
    await page.getByRole('link', { name: '6. Дополнительные условия.' }).first().click();
    await expect(page.evaluate(() => location.hash)).resolves.toMatch(/^#change-\d+$/);
    const target = await page.evaluate(() => document.querySelector(location.hash)?.textContent ?? '');
    expect(target).toContain('6.2.');
    await page.close();
  });
});

describe('the compare page in Chromium', () => {
  test("diffs any two versions in the browser with the build's redline code", async () => {
    const page = await open('/ru/privacy/compare/?from=2023-03-01&to=2026-02-15&layout=inline');
    await page.locator('#compare-result').waitFor();
    const output = page.locator('#compare-output');
    await expect(output.locator('#compare-result').textContent()).resolves.toBe('Редакция от 1\u00a0марта 2023\u00a0г. → редакция от 15\u00a0февраля 2026\u00a0г.');
    await expect(output.locator('.diff-removed del').first().textContent()).resolves.toMatch(/^удалено: 6\.3\./);
    // Its redline equals the pre-rendered page of the same pair.
    const clientText = await output.locator('.policy-text').innerText();
    const built = await open('/ru/privacy/diff/2023-03-01/2026-02-15/');
    const builtText = await built.locator('.redline-inline .policy-text').innerText();
    expect(clientText).toBe(builtText);
    await built.close();
    await page.close();
  });

  test('never puts raw HTML of a fetched blocks file into the document: every block is sanitized again', async () => {
    const page = await withScript.newPage();
    // A blocks file as a hostile or stale server could send it: raw HTML in blocks without links, unchanged ones included.
    await page.route(/\.json$/, async (route) => {
      const response = await route.fetch();
      if (!route.request().url().includes('/blocks/')) return route.fulfill({ response });
      const blocks = (await response.json()) as { kind: string; html: string }[];
      const hostile = blocks.map((block) =>
        block.kind === 'paragraph' && !block.html.includes('<a ')
          ? { ...block, html: block.html.replace('</p>', '<img src="x" onerror="document.documentElement.dataset.pwned = \'yes\'"><script>document.documentElement.dataset.pwned = \'yes\'</script></p>') }
          : block,
      );
      return route.fulfill({ response, json: hostile });
    });
    await page.goto(`${server.origin}/ru/privacy/compare/?from=2023-03-01&to=2026-02-15&layout=inline`);
    await page.locator('#compare-result').waitFor();
    const output = page.locator('#compare-output');
    // The blocks are there, with their images, without the handlers and scripts.
    await expect(output.locator('.policy-text img').count()).resolves.toBeGreaterThan(10);
    await expect(output.locator('[onerror], script').count()).resolves.toBe(0);
    // Every image has loaded or failed (src="x" fails), so an error handler left in would have run by now.
    await page.waitForFunction(() => [...document.querySelectorAll('#compare-output img')].every((image) => (image as HTMLImageElement).complete));
    await expect(page.evaluate(() => document.documentElement.dataset['pwned'] ?? null)).resolves.toBeNull();
    await page.close();
  });

  test('submits the form from the history page', async () => {
    const page = await open('/ru/privacy/history/');
    await page.locator('#compare select[name=from]').selectOption('2023-03-01');
    await page.locator('#compare select[name=to]').selectOption('2025-09-01');
    await page.getByLabel('Две колонки: было и стало').check();
    await page.getByRole('button', { name: 'Сравнить' }).click();
    await page.locator('#compare-result').waitFor();
    expect(new URL(page.url()).search).toBe('?from=2023-03-01&to=2025-09-01&layout=side-by-side');
    await expect(page.locator('#compare-output .sbs-row').count()).resolves.toBeGreaterThan(10);
    await page.close();
  });

  test('says what to do when JavaScript is off', async () => {
    const page = await open('/ru/privacy/compare/?from=2023-03-01&to=2026-02-15', false);
    await expect(page.locator('#compare-needs-script').isVisible()).resolves.toBe(true);
    await expect(page.locator('#compare-form').isVisible()).resolves.toBe(false);
    await page.close();
  });
});

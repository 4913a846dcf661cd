import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findAxeViolations } from '../helpers/axe.ts';
import { launchChromium } from '../helpers/browser.ts';
import { ANNOUNCED_BUILD, announcedSample } from '../helpers/announced-sample.ts';
import { buildShared, OUTPUT } from '../helpers/build-site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

let browser: Browser;
let server: StaticServer;
/** One context for the file: the pages keep no state (no cookies, no storage); each test opens its own page in it. */
let reader: BrowserContext;
const SCREENSHOTS = join(OUTPUT, 'screenshots');

// Every page that announces the scheduled version, in both languages.
const PAGES: [string, string][] = [
  ['announced-current-ru', '/ru/privacy/'],
  ['announced-current-en', '/en/privacy/'],
  ['announced-in-force-ru', '/ru/privacy/2026-02-15/'],
  ['announced-home-ru', '/ru/'],
  ['announced-home-en', '/en/'],
  ['announced-history-ru', '/ru/privacy/history/'],
];

beforeAll(async () => {
  // The build notice-before-change.test.ts checks, when it ran in this run.
  announcedSample();
  const built = buildShared(ANNOUNCED_BUILD);
  if (built.status !== 0) throw new Error(`building the announced sample failed:\n${built.output}`);
  server = await serveStatic(built.outDir);
  browser = await launchChromium();
  reader = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(PAGES)('%s (%s)', (name, path) => {
  test('shows the announcement at 1280 and 360 px, readable, with no WCAG 2.2 AA violation (axe)', async () => {
    // One load of the page, resized: the layout follows the width, no script draws the banner.
    const page = await reader.newPage();
    expect((await page.goto(server.origin + path))?.status()).toBe(200);
    const banner = page.getByRole('region', { name: path.startsWith('/en/') ? 'New version' : 'Новая редакция' });
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await banner.waitFor({ state: 'visible', timeout: 15_000 });
      // The links are there and usable by keyboard and pointer alike.
      const links = banner.getByRole('link');
      expect(await links.count()).toBe(2);
      for (const link of await links.all()) {
        const box = await link.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= width, `${width}px`).toBe(true);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}px`).toBeLessThanOrEqual(width);
      expect(await findAxeViolations(page), `${width}px`).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`) });
    }
    await page.close();
  });
});

test('the link "what will change" leads to the redline of the version in force and the new one', async () => {
  const page = await reader.newPage();
  await page.setViewportSize({ width: 360, height: 900 });
  await page.goto(`${server.origin}/ru/privacy/`);
  await page.getByRole('region', { name: 'Новая редакция' }).getByRole('link', { name: 'Что изменится →' }).click();
  await page.waitForURL(/\/ru\/privacy\/diff\/2026-02-15\/2027-01-15\/$/);
  expect(await page.title()).toContain('что изменилось');
  await page.close();
});

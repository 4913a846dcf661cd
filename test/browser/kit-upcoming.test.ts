/**
 * The client kit while a version is announced and not yet in force, in
 * Chromium: a returning user is told before the change takes effect, in the
 * site's own banner words, with the link to what will change, and offered to
 * accept it now only where the site allows it (`notice.acceptEarly`).
 */
import { toText } from 'hast-util-to-text';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SinceFeed } from '#schemas/feed.ts';
import { ANNOUNCED_BUILD, announcedSample } from '../helpers/announced-sample.ts';
import { findAxeViolations } from '../helpers/axe.ts';
import { launchChromium, waitForNoticeAnswers } from '../helpers/browser.ts';
import { buildShared, OUTPUT } from '../helpers/build-site.ts';
import { listFiles, readPage, select } from '../helpers/dist-site.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

let browser: Browser;
let server: StaticServer;
/** One context for the file: the kit keeps no state (no cookies, no storage); each test opens its own page in it. */
let product: BrowserContext;
/** A copy of the shared announced build, with the product's pages and the feeds of other sites added: the shared build itself is never changed. */
const built = { outDir: join(OUTPUT, 'browser-kit-upcoming', 'dist') };
const NBSP = '\u00a0';

type Notice = { id: string; locale: string; accepted: string; feed?: string };

/** A product page on the site's origin with these notices for the privacy policy. */
function writePage(name: string, notices: Notice[]): string {
  const tags = notices.map(
    ({ id, locale, accepted, feed }) => `<policy-update-notice id="${id}" feed-url="${server.origin}${feed ?? '/feed/v1/'}" policy="privacy" locale="${locale}" accepted-version="${accepted}"></policy-update-notice>`,
  );
  writeFileSync(
    join(built.outDir, 'product', name),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in</title><script type="module" src="/kit/v1/policy-kit.js"></script></head>
<body><main><h1>Welcome back</h1>
${tags.join('\n')}
</main></body></html>`,
  );
  return `/product/${name}`;
}

const sinceOf = (locale: string, version: string) => JSON.parse(readFileSync(join(built.outDir, `feed/v1/privacy/${locale}/${version}/since.json`), 'utf8')) as SinceFeed;

beforeAll(async () => {
  // The sample with a material version published on 1 December 2026 to take effect on 15 January 2027, built on 7 December.
  announcedSample();
  const shared = buildShared(ANNOUNCED_BUILD);
  if (shared.status !== 0) throw new Error(`building the announced sample failed:\n${shared.output}`);
  rmSync(built.outDir, { recursive: true, force: true });
  cpSync(shared.outDir, built.outDir, { recursive: true });
  // A site that allows early acceptance: the same feed, its announcements saying so (the sample's settings do not).
  for (const file of listFiles(built.outDir).filter((path) => /^feed\/v1\/privacy\/(ru|en)\/[^/]+\/since\.json$/.test(path))) {
    const since = JSON.parse(readFileSync(join(built.outDir, file), 'utf8')) as SinceFeed;
    if (since.announcement) since.announcement.acceptEarly = true;
    mkdirSync(dirname(join(built.outDir, 'early', file)), { recursive: true });
    writeFileSync(join(built.outDir, 'early', file), JSON.stringify(since));
  }
  // A version with no English text yet: the English since.json names the Russian one, as the feed does for such a version.
  const english = JSON.parse(readFileSync(join(built.outDir, 'feed/v1/privacy/en/2026-02-15/since.json'), 'utf8')) as SinceFeed;
  const russian = JSON.parse(readFileSync(join(built.outDir, 'feed/v1/privacy/ru/2026-02-15/since.json'), 'utf8')) as SinceFeed;
  english.later = english.later.map((later) => ({ ...later, title: russian.later[0]?.title ?? '', locale: 'ru', locales: ['ru'], redlineUrl: russian.later[0]?.redlineUrl ?? '' }));
  mkdirSync(join(built.outDir, 'elsewhere/feed/v1/privacy/en/2026-02-15'), { recursive: true });
  writeFileSync(join(built.outDir, 'elsewhere/feed/v1/privacy/en/2026-02-15/since.json'), JSON.stringify(english));
  mkdirSync(join(built.outDir, 'product'), { recursive: true });
  server = await serveStatic(built.outDir);
  browser = await launchChromium();
  product = await browser.newContext({ viewport: { width: 1280, height: 900 } });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a product page at a width and waits until every notice has its answer. */
async function open(path: string, width = 1280): Promise<Page> {
  const page = await product.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(server.origin + path);
  await waitForNoticeAnswers(page);
  return page;
}

/** The paragraphs of a notice, as the user reads them. */
const paragraphsOf = (page: Page, id: string) => page.locator(`#${id} p`).allTextContents();

describe('the kit while a version is announced and not yet in force', () => {
  test("the site's own announcement, to the character: the kit's sentence is the banner's of the version in force", () => {
    for (const [locale, expected] of [
      ['ru', `С 15${NBSP}января 2027${NBSP}г. действует новая редакция документа «Политика конфиденциальности».`],
      ['en', 'A new version of “Privacy Policy” takes effect on 15 January 2027.'],
    ] as const) {
      // The text as written, its no-break spaces kept (textOf would collapse them).
      const paragraph = select('section.banner-announcement p', readPage(built.outDir, `/${locale}/privacy/`));
      const banner = paragraph ? toText(paragraph).trim() : '';
      expect(banner.startsWith(expected), banner).toBe(true);
    }
  });

  test.each([
    [
      'ru',
      [
        `С 15${NBSP}января 2027${NBSP}г. действует новая редакция документа «Политика конфиденциальности».`,
        'Что изменится',
        `Изменения существенные: после 15${NBSP}января 2027${NBSP}г. мы попросим вас заново подтвердить согласие с документом.`,
      ],
    ],
    ['en', ['A new version of “Privacy Policy” takes effect on 15 January 2027.', 'What will change', 'The changes are material: after 15 January 2027 we will ask you to accept the document again.']],
  ])('%s: a user who accepted the version in force is told before it takes effect, linked to what will change, and asked nothing yet', async (locale, paragraphs) => {
    const page = await open(writePage(`upcoming-${locale}.html`, [{ id: 'upcoming', locale, accepted: '2026-02-15' }]));
    const notice = page.locator('#upcoming');
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.locator('section').getAttribute('class')).resolves.toBe('policy-update-notice policy-update-upcoming');
    await expect(notice.locator('section').getAttribute('lang')).resolves.toBe(locale);
    await expect(paragraphsOf(page, 'upcoming')).resolves.toEqual(paragraphs);
    // The region is named by its first sentence.
    await expect(notice.getByRole('region').getAttribute('aria-labelledby')).resolves.toBe(await notice.locator('.policy-update-title').getAttribute('id'));
    const link = notice.getByRole('link', { name: paragraphs[1] as string });
    await expect(link.getAttribute('href')).resolves.toBe(sinceOf(locale, '2026-02-15').later[0]?.redlineUrl);
    await expect(link.getAttribute('href')).resolves.toBe(`https://policies.example.com/${locale}/privacy/diff/2026-02-15/2027-01-15/`);
    // The sample does not allow early acceptance: nothing to click.
    await expect(notice.getByRole('button').count()).resolves.toBe(0);
    await page.close();
  });

  test.each([
    ['ru', 'Принять новую редакцию сейчас'],
    ['en', 'Accept the new version now'],
  ])('%s: where the site allows it, "%s" dispatches policy-accept-early with the new version\'s identity and the instant it takes effect', async (locale, label) => {
    const page = await open(writePage(`early-${locale}.html`, [{ id: 'early', locale, accepted: '2026-02-15', feed: '/early/feed/v1/' }]));
    await page.evaluate(() => {
      const events: [string, unknown][] = [];
      (window as unknown as { kitEvents: unknown }).kitEvents = events;
      for (const type of ['policy-accept', 'policy-acknowledge', 'policy-accept-early']) document.addEventListener(type, (event) => events.push([type, (event as CustomEvent).detail]));
    });
    const notice = page.locator('#early');
    // Keyboard: the button is reachable and works with Enter.
    await notice.getByRole('button', { name: label }).focus();
    await page.keyboard.press('Enter');
    const scheduled = sinceOf(locale, '2026-02-15').later[0];
    await expect(page.evaluate(() => (window as unknown as { kitEvents: unknown[] }).kitEvents)).resolves.toEqual([
      ['policy-accept-early', { policy: 'privacy', locale, version: '2027-01-15', sha256: scheduled?.sha256, checkpoint: sinceOf(locale, '2026-02-15').checkpoint, effectiveFrom: '2027-01-14T21:00:00.000Z' }],
    ]);
    await expect(notice.isVisible()).resolves.toBe(false);
    await page.close();
  });

  test("a version with no text in the user's language is told as the site tells it there: with the languages it exists in, and nothing to accept early", async () => {
    const page = await open(writePage('elsewhere.html', [{ id: 'elsewhere', locale: 'en', accepted: '2026-02-15', feed: '/elsewhere/feed/v1/' }]));
    // The site's own sentence for such a page (notice.inOtherLanguages), the language named in its own words.
    await expect(paragraphsOf(page, 'elsewhere')).resolves.toEqual([
      'A new version of “Политика конфиденциальности” takes effect on 15 January 2027. It has no text in this language yet; it exists in: Русский.',
      'What will change',
      'The changes are material: after 15 January 2027 we will ask you to accept the document again.',
    ]);
    await expect(page.locator('#elsewhere').getByRole('link', { name: 'What will change' }).getAttribute('href')).resolves.toBe('https://policies.example.com/ru/privacy/diff/2026-02-15/2027-01-15/');
    await expect(page.locator('#elsewhere').getByRole('button').count()).resolves.toBe(0);
    await page.close();
  });

  test('a user who must first accept the version in force is asked that, then told of the one to come, with one button only', async () => {
    const page = await open(writePage('required.html', [{ id: 'required', locale: 'ru', accepted: '2023-03-01', feed: '/early/feed/v1/' }]));
    await expect(page.locator('#required section').getAttribute('class')).resolves.toBe('policy-update-notice policy-update-required');
    await expect(paragraphsOf(page, 'required')).resolves.toEqual([
      `Мы обновили документ «Политика конфиденциальности» 15${NBSP}февраля 2026${NBSP}г.`,
      'Посмотреть, что изменилось',
      'Изменения существенные: чтобы продолжить, примите новую редакцию.',
      `С 15${NBSP}января 2027${NBSP}г. действует новая редакция документа «Политика конфиденциальности».`,
      'Что изменится',
    ]);
    await expect(page.locator('#required').getByRole('button').allTextContents()).resolves.toEqual(['Принять новую редакцию']);
    await page.close();
  });

  test.each([1280, 360])('at %i px: readable, nothing wider than the page, no WCAG 2.2 AA violation (axe)', async (width) => {
    const page = await open(
      writePage(`layout-${width}.html`, [
        { id: 'ru', locale: 'ru', accepted: '2026-02-15', feed: '/early/feed/v1/' },
        { id: 'en', locale: 'en', accepted: '2026-02-15', feed: '/early/feed/v1/' },
        { id: 'required', locale: 'ru', accepted: '2023-03-01' },
      ]),
      width,
    );
    for (const id of ['ru', 'en', 'required']) {
      for (const control of await page.locator(`#${id}`).locator('a, button').all()) {
        const box = await control.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= width, `#${id} at ${width}px`).toBe(true);
      }
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await findAxeViolations(page)).toEqual([]);
    await page.close();
  });
});

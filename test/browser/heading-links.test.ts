import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { buildSite, LATER_EPOCH, OUTPUT } from '../helpers/build-site.ts';
import { runPolicyCli } from '../helpers/run-cli.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

// A text as GitHub renders it: a table of contents that links every heading by the slug GitHub gives it,
// numbered headings (which the site also anchors by clause number), a Cyrillic one, a repeated one.
const filler = (words: string) => Array.from({ length: 12 }, (_, n) => `${words} ${n + 1}.`).join('\n\n');
// [the link's words, the slug it links, the heading it leads to]
const TOC = [
  ['Summary', 'summary', 'Summary'],
  ['What we collect', '1-what-we-collect', '1. What we collect'],
  ['How we use it', '2-how-we-use-it', '2. How we use it'],
  ['Sharing', '21-sharing', '2.1. Sharing'],
  ['Права пользователя', '3-права-пользователя', '3. Права пользователя'],
  ['Contact us', 'contact-us', 'Contact us'],
  ['Contact us, once more', 'contact-us-1', 'Contact us'],
] as const;
const text = (retention: string) => `# Example Privacy Statement

## Contents

${TOC.map(([title, slug]) => `- [${title}](#${slug})`).join('\n')}

## Summary

${filler('We keep your data safe')}

## 1. What we collect

1.1. We collect your e-mail address.

${filler('Collection detail')}

## 2. How we use it

${filler('Use detail')}

### 2.1. Sharing

2.1.1. We keep data for ${retention}.

${filler('Sharing detail')}

## 3. Права пользователя

${filler('Rights detail')}

## Contact us

${filler('Contact detail')}

## Contact us

Write to privacy@example.com.

${filler('Closing detail')}
`;

const site = join(OUTPUT, 'heading-links');
let browser: Browser;
let server: StaticServer;
/** One context for the file: the pages keep no state (no cookies, no storage); each test opens its own page in it. */
let reader: BrowserContext;

beforeAll(async () => {
  const policies = join(site, 'policies');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(policies, 'example/en'), { recursive: true });
  writeFileSync(join(policies, 'example/en/2025-03-01.md'), `---\ntitle: Example Privacy Statement\neffective: 2025-03-01\n---\n\n${text('30 days')}`);
  writeFileSync(join(policies, 'example/en/2026-01-01.md'), `---\ntitle: Example Privacy Statement\neffective: 2026-01-01\n---\n\n${text('10 days')}`);
  const publish = runPolicyCli(['publish'], { policiesDir: policies, env: { SOURCE_DATE_EPOCH: LATER_EPOCH } });
  if (publish.status !== 0) throw new Error(publish.stderr);
  const build = buildSite({ policiesDir: policies, name: 'heading-links/site', env: { SOURCE_DATE_EPOCH: LATER_EPOCH } });
  if (build.status !== 0) throw new Error(build.output);
  server = await serveStatic(build.outDir);
  browser = await launchChromium();
  reader = await browser.newContext({ viewport: { width: 1280, height: 700 } });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await reader.newPage();
  const response = await page.goto(server.origin + path);
  expect(response?.status(), path).toBe(200);
  return page;
}

describe.each([
  ['the version page', '/en/example/2025-03-01/'],
  ['the stable page', '/en/example/'],
  ['the redline', '/en/example/diff/2025-03-01/2026-01-01/'],
])('a table of contents linking every heading by its GitHub slug, on %s', (_name, path) => {
  test('takes each click to its heading', async () => {
    const page = await open(path);
    for (const [words, slug, heading] of TOC) {
      await page.goto(server.origin + path);
      // The text's own link (on the redline, in its one-column layout), not the site's table of contents.
      await page.locator('.policy-text, .redline-inline').getByRole('link', { name: words, exact: true }).first().click();
      await page.waitForFunction((expected) => decodeURIComponent(location.hash) === `#${expected}`, slug);
      // From the redline the click loads another page: its hash is in the address before the page is laid out and
      // scrolled (on a loaded machine, long before). Wait up to 5 s for the scroll; where it never comes, the checks below say so.
      await page.waitForFunction((id) => document.readyState === 'complete' && Math.abs(document.getElementById(id)?.getBoundingClientRect().top ?? 999) < 80, slug, { timeout: 5_000 }).catch(() => undefined);
      const target = await page.evaluate((id) => {
        const element = document.getElementById(id);
        const found = element?.closest('h1, h2, h3, h4, h5, h6');
        return element && found ? { heading: found.textContent?.trim(), top: Math.round(element.getBoundingClientRect().top), page: location.pathname } : null;
      }, slug);
      expect(target, `#${slug}`).not.toBeNull();
      // The heading the link names, scrolled to the top of the window; from the redline, on the newer version's page.
      expect(target?.heading).toBe(heading);
      expect(Math.abs(target?.top ?? 999), `#${slug}`).toBeLessThan(80);
      if (path.includes('/diff/')) expect(target?.page).toBe('/en/example/2026-01-01/');
    }
    await page.close();
  });
});

test('a numbered heading keeps its clause id too', async () => {
  const page = await open('/en/example/2025-03-01/#2.1');
  expect(await page.evaluate(() => document.getElementById('2.1')?.querySelector('span')?.id)).toBe('21-sharing');
  await page.close();
});

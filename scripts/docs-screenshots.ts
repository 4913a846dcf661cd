/**
 * `node scripts/docs-screenshots.ts`: makes the README's two pictures (a
 * version page and a redline of the shipped sample) again, so they show what
 * the code builds today rather than what someone once pasted. It builds the
 * sample at the browser tests' fixed "now" into test/.output/docs-screenshots/
 * (its own cache, never the developer's dist/), serves it with the tests'
 * static server and photographs it with the tests' Chromium (Debian's, via
 * playwright-core: nothing is downloaded). Written to docs/images/; commit
 * them when they changed on purpose (see docs/developers.md).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, LATER_EPOCH, ROOT } from '../test/helpers/build-site.ts';
import { launchChromium } from '../test/helpers/browser.ts';
import { serveStatic } from '../test/helpers/static-server.ts';

/** Each picture: the page it shows and the file it goes to, at one width that reads on a git host. */
const SHOTS = [
  { path: '/ru/privacy/2025-09-01/', file: 'version-page.png', scrollTo: null },
  // Scrolled to clause 2.2, whose words changed, so the picture shows struck and inserted words, not only the summary.
  { path: '/ru/privacy/diff/2025-09-01/2026-02-15/', file: 'redline.png', scrollTo: '#change-2' },
];
const IMAGES = join(ROOT, 'docs', 'images');

const build = buildSite({ policiesDir: 'policies', name: 'docs-screenshots', env: { SOURCE_DATE_EPOCH: LATER_EPOCH } });
if (build.status !== 0) {
  console.error(`docs-screenshots: the sample did not build (exit ${build.status}):\n${build.output}`);
  process.exit(1);
}
mkdirSync(IMAGES, { recursive: true });
const server = await serveStatic(build.outDir);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 760 }, colorScheme: 'light' });
  for (const shot of SHOTS) {
    const response = await page.goto(server.origin + shot.path);
    if (response?.status() !== 200) throw new Error(`${shot.path} answered ${response?.status()}: the sample no longer has this page; change SHOTS in scripts/docs-screenshots.ts.`);
    if (shot.scrollTo)
      await page
        .locator(shot.scrollTo)
        .first()
        .evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 420));
    await page.screenshot({ path: join(IMAGES, shot.file) });
    console.log(`docs/images/${shot.file}: ${shot.path}`);
  }
} finally {
  await browser.close();
  await server.close();
}

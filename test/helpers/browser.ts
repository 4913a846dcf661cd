/**
 * Debian's Chromium driven by playwright-core, for browser tests. Never a
 * downloaded browser: `npm test` installs the `chromium` package when missing
 * (scripts/ensure-test-system.ts), or CHROMIUM_PATH names another build.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, getSystemFacts, locateTool } from '../../scripts/test-system/test-tools.ts';

/** Starts headless Chromium with no sandbox (CI runs as root) and no calls home. */
export async function launchChromium(): Promise<Browser> {
  const { path: executablePath, invalid } = locateTool(CHROMIUM, getSystemFacts());
  if (!executablePath) {
    throw new Error(`Chromium not found${invalid ? ` (${invalid})` : ''}. Run node scripts/ensure-test-system.ts (npm test does), which installs Debian's package, or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Waits until every `<policy-update-notice>` on the page that has a version
 * to check has its answer (drawn in the same task): the condition, not a
 * quiet network, tells a test the kit is done.
 */
export async function waitForNoticeAnswers(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('policy-update-notice')].every((notice) => !notice.hasAttribute('accepted-version') || (notice as HTMLElement & { answer: unknown }).answer));
}

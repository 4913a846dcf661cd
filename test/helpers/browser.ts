/**
 * Debian's Chromium driven by playwright-core, for browser tests. Never a
 * downloaded browser: `.ci/run` installs the `chromium` package when missing.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Starts headless Chromium with no sandbox (CI runs as root) and no calls home. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = CANDIDATES.find((candidate): candidate is string => typeof candidate === 'string' && existsSync(candidate));
  if (!executablePath) {
    throw new Error('Chromium not found. Install Debian\'s package (apt-get install -y chromium; .ci/run does it) or set CHROMIUM_PATH.');
  }
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

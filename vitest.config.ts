/**
 * Test projects. Unit tests run twice, in two time zones as far apart as the
 * calendar allows (UTC+14 and UTC−10/−9 with DST), because no result may
 * depend on the machine's zone. Build tests run Astro for real, one at a time;
 * browser tests drive Debian's Chromium against a built sample.
 */
import { defineConfig } from 'vitest/config';

const unitProject = (name: string, timeZone: string) => ({
  test: {
    name,
    include: ['test/unit/**/*.test.ts'],
    env: { TZ: timeZone, EXPECTED_TZ: timeZone },
    // Property tests run hundreds of cases: on a loaded two-core machine one can pass 5 s without being wrong.
    testTimeout: 30_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      unitProject('unit-kiritimati', 'Pacific/Kiritimati'),
      unitProject('unit-adak', 'America/Adak'),
      {
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          // Each file builds sites with Astro; two at once only fight over the same two cores.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});

/**
 * Test projects. Unit tests run in UTC+14 (Kiritimati); those whose result
 * can depend on the machine's zone run again in UTC−10/−9 with DST (Adak),
 * as far from it as the calendar allows, because no result may depend on
 * the zone. Build tests run Astro for real; browser tests drive Debian's
 * Chromium against a built sample. Files of every project run side by side,
 * one per core (maxWorkers below).
 *
 * Where the time goes (CPU seconds, measured with POLICY_PRESS_TEST_COSTS,
 * see test/helpers/child-costs.ts): the build and browser tests start
 * child processes, an Astro build (4–12 CPU-s; about 5 when it refuses
 * early) or the policy CLI (about 1.5 CPU-s, most of it loading some 900
 * modules; 1.2 with Node's compile cache, which run-cli.ts turns on). The
 * CLI runs cost more than the builds: three files alone run it 158 times.
 * A build that several files read is built once per run (buildShared in
 * test/helpers/build-site.ts, keyed by the policies folder, its files and
 * the environment): the sample, the fixture corpus, the announced sample; a file that asks
 * for one while another file makes it waits for it (folder-lock.ts). Only
 * `astro dev` would not bear a second one beside it (it keeps its content
 * store in the project's `.astro/`, which it watches); one file starts it.
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One id per vitest run, inherited by its workers: a shared build is made once per run (test/helpers/build-site.ts, buildShared).
process.env['POLICY_PRESS_TEST_RUN'] ??= randomUUID();

/**
 * The unit tests that run in the second zone too: every test of code that
 * reads, computes or shows an instant or a date (effective instants,
 * timelines, the feed, pages, the ledger and the log, consent records and
 * their acceptedAt, the stated-date rule, the settings' build instant, the
 * kit's answer at an instant). Left out, run in one zone: code without
 * dates (hashes, the Merkle tree, redlines, Markdown, imports), and the
 * DuckDB and PostgreSQL engines and the worker threads, which are slow and
 * get their zone from the options they are given, not from the machine.
 */
export const ZONE_DEPENDENT_TESTS = [
  'test/unit/time-zone.test.ts',
  'test/unit/time/**/*.test.ts',
  'test/unit/timeline/**/*.test.ts',
  'test/unit/feed/change-notifications.test.ts',
  'test/unit/feed/feed-data.test.ts',
  'test/unit/feed/versions-table.test.ts',
  'test/unit/views/**/*.test.ts',
  'test/unit/ledger/**/*.test.ts',
  'test/unit/log/log-entry.test.ts',
  'test/unit/log/log-state.test.ts',
  'test/unit/log/site-log.test.ts',
  'test/unit/corpus/front-matter-yaml.test.ts',
  'test/unit/corpus/read-corpus.test.ts',
  'test/unit/corpus/validate-corpus.test.ts',
  'test/unit/consent/read-records.test.ts',
  'test/unit/consent/reconsent-decision.test.ts',
  'test/unit/consent/text-audit.test.ts',
  'test/unit/consent/verify-record.test.ts',
  'test/unit/lint/stated-dates.test.ts',
  'test/unit/lint/lint-fixtures.test.ts',
  'test/unit/site/**/*.test.ts',
  'test/unit/build/next-change-message.test.ts',
  'test/unit/dev-server/dev-status.test.ts',
  'test/unit/kit/reconsent-node.test.ts',
];

const unitProject = (name: string, timeZone: string, include: string[]) => ({
  test: {
    name,
    include,
    env: { TZ: timeZone, EXPECTED_TZ: timeZone },
    // Property tests run hundreds of cases: on a loaded two-core machine one can pass 5 s without being wrong.
    testTimeout: 30_000,
  },
});

export default defineConfig({
  test: {
    // One test file per core, of any project. Vitest's default leaves a core to its own process (one worker on two
    // cores), but the work here is in child processes (Astro builds, the CLI, Chromium): one worker left a core idle,
    // half of a 21-minute CI. Files that share a build wait for the one that makes it (oncePerRun, folder-lock.ts).
    maxWorkers: availableParallelism(),
    // Every run ends with each project's time (test/reporters/project-times.ts).
    reporters: ['default', './test/reporters/project-times.ts'],
    projects: [
      unitProject('unit-kiritimati', 'Pacific/Kiritimati', ['test/unit/**/*.test.ts']),
      unitProject('unit-adak', 'America/Adak', ZONE_DEPENDENT_TESTS),
      {
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});

/**
 * Every environment variable the code reads, in one typed list: what it
 * does and who sets it. `docs/reference/environment.md` is written from it,
 * the settings' environment (`SettingsEnv`) is typed by it, and a test reads
 * src/ and scripts/ and fails on a variable this list does not name, so a
 * new one cannot go undocumented.
 */

/** Who sets a variable: an operator running the site, or a developer of Policy Press (tests, benchmarks). */
type EnvironmentAudience = 'operators' | 'developers';

/** One environment variable. */
export interface EnvironmentVariable {
  name: string;
  audience: EnvironmentAudience;
  /** What it does, in one or two sentences. */
  effect: string;
  /** A value as one writes it. */
  example: string;
  /** The key of `site.config.ts` it overrides, if any. */
  overrides?: string;
}

/** The environment variables the code reads, operators' first. */
export const ENVIRONMENT_VARIABLES = [
  {
    name: 'POLICIES_DIR',
    audience: 'operators',
    effect: 'Builds another content folder of the same shape (a content repository checked out elsewhere): absolute, or relative to where the command is typed.',
    example: 'POLICIES_DIR=../legal-policies',
    overrides: 'policiesDir',
  },
  {
    name: 'POLICIES_DIR_FOREIGN',
    audience: 'operators',
    effect:
      '`1`: the folder POLICIES_DIR names is not the one site.config.ts was written for (a test fixture, a benchmark corpus), so a policy named in `notice.policies` that it lacks is a warning, not an error. Refused without POLICIES_DIR and for any value but 1.',
    example: 'POLICIES_DIR_FOREIGN=1',
  },
  {
    name: 'SITE_URL',
    audience: 'operators',
    effect: 'The site URL, with its base path; a missing trailing slash is added.',
    example: 'SITE_URL=https://example.com/legal/',
    overrides: 'siteUrl',
  },
  {
    name: 'SOURCE_DATE_EPOCH',
    audience: 'operators',
    effect: 'The instant the build and the commands treat as "now", in whole seconds since 1970 (reproducible builds), and the feed\'s builtAt. Unset: the clock.',
    example: 'SOURCE_DATE_EPOCH=$(date +%s)',
  },
  {
    name: 'LOG_VERIFIER_KEY',
    audience: 'operators',
    effect: "The public log's verifier key, as `npm run policy -- log keygen` prints it (one repository, several sites).",
    example: 'LOG_VERIFIER_KEY=<name>+<hex>+<base64>',
    overrides: 'logVerifierKey',
  },
  {
    name: 'POLICY_PRESS_LOG_KEY',
    audience: 'operators',
    effect: "The file of the log's private key: the build signs the checkpoint with it.",
    example: 'POLICY_PRESS_LOG_KEY=/run/secrets/log.key',
  },
  {
    name: 'POLICY_PRESS_LOG_KEY_DATA',
    audience: 'operators',
    effect: 'The same private key given as its content (a CI secret), instead of a file.',
    example: 'POLICY_PRESS_LOG_KEY_DATA=PRIVATE+KEY+…',
  },
  {
    name: 'POLICY_LINT',
    audience: 'operators',
    effect: 'Lint severities for this run, over `lint.rules` of site.config.ts: rule=severity pairs separated by commas.',
    example: 'POLICY_LINT=stated-date=warning,site-link=off',
    overrides: 'lint.rules',
  },
  {
    name: 'ASTRO_CACHE_DIR',
    audience: 'operators',
    effect: "Astro's cache folder, where rendered versions and lint results are kept between builds (and `check` reuses them); default node_modules/.astro. Keep it between CI runs to build warm.",
    example: 'ASTRO_CACHE_DIR=.cache/astro',
  },
  {
    name: 'POLICY_PRESS_WORKERS',
    audience: 'operators',
    effect: 'How many worker threads a build uses; default: one less than the cores, at most 3. 0 turns workers off (debugging).',
    example: 'POLICY_PRESS_WORKERS=2',
  },
  {
    name: 'NO_COLOR',
    audience: 'operators',
    effect: 'Any non-empty value: `diff` prints no colours on a terminal (no-color.org).',
    example: 'NO_COLOR=1',
  },
  {
    name: 'POLICY_PRESS_LANG',
    audience: 'operators',
    effect:
      "The language of the messages of `new`, `check`, `publish`, `withdraw`, `diff`, `at`, `notice`, the build and the dev server's terminal: `ru` or `en` (any other value is refused, exit 1). `--lang` wins over it; unset, the system locale decides. `verify`, `audit`, `log` and `--format github` stay English.",
    example: 'POLICY_PRESS_LANG=ru',
  },
  {
    name: 'LC_ALL',
    audience: 'operators',
    effect: 'The system locale, read for the language of the messages when neither `--lang` nor POLICY_PRESS_LANG is given (POSIX order: LC_ALL, LC_MESSAGES, LANG); `ru…` is Russian, anything else English.',
    example: 'LC_ALL=ru_RU.UTF-8',
  },
  {
    name: 'LC_MESSAGES',
    audience: 'operators',
    effect: 'As LC_ALL, read after it.',
    example: 'LC_MESSAGES=ru_RU.UTF-8',
  },
  {
    name: 'LANG',
    audience: 'operators',
    effect: 'As LC_ALL, read last: `LANG=ru_RU.UTF-8 npm run policy -- check` reports in Russian.',
    example: 'LANG=ru_RU.UTF-8',
  },
  {
    name: 'INIT_CWD',
    audience: 'operators',
    effect: 'Set by npm to the folder `npm run` was typed in: a relative POLICIES_DIR is read from there. Not set by hand.',
    example: 'INIT_CWD=/home/me/site',
  },
  {
    name: 'POLICY_PRESS_PROFILE',
    audience: 'developers',
    effect: "A file the build appends the wall time of each of its stages to (one JSON line each), for the benchmark's breakdown; unset, nothing is measured.",
    example: 'POLICY_PRESS_PROFILE=/tmp/profile.jsonl',
  },
  {
    name: 'BENCH_RSS_FILE',
    audience: 'developers',
    effect: 'Where a process the benchmark measures writes its peak resident memory on exit.',
    example: 'BENCH_RSS_FILE=/tmp/rss.json',
  },
  {
    name: 'POLICY_PRESS_SYSTEM_ROOT',
    audience: 'developers',
    effect: "Puts the Debian paths the test system's install script checks under another folder, so a test runs it against a fake system.",
    example: 'POLICY_PRESS_SYSTEM_ROOT=/opt/test-system',
  },
  {
    name: 'PATH',
    audience: 'developers',
    effect: "Searched for the test system's tools, and passed on to the builds scripts/dist-digests.ts starts.",
    example: 'PATH=/usr/bin:/bin',
  },
  {
    name: 'HOME',
    audience: 'developers',
    effect: 'Passed on to the builds scripts/dist-digests.ts starts.',
    example: 'HOME=/root',
  },
] as const satisfies readonly EnvironmentVariable[];

/** The name of a variable the code reads. */
type EnvironmentVariableName = (typeof ENVIRONMENT_VARIABLES)[number]['name'];

/** The part of the environment a module reads: only listed names compile, so a module cannot read a variable this list does not document. */
export type EnvironmentOf<Name extends EnvironmentVariableName> = { [name in Name]?: string | undefined };

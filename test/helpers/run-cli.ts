/** Runs `node scripts/policy.ts …` as `npm run policy -- …` would, for CLI tests. */
import { join, resolve } from 'node:path';
import { OUTPUT, ROOT, TEST_EPOCH } from './build-site.ts';
import { spawnCounted } from './child-costs.ts';

/** Exit status and output of one CLI run. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the policy CLI with a policies folder, extra environment (`POLICY_PRESS_LANG: 'en'` unless it says otherwise), standard input and Node options (e.g. a heap limit). */
export function runPolicyCli(args: string[], options: { policiesDir?: string; env?: Record<string, string>; input?: string; nodeArgs?: string[] } = {}): CliResult {
  const result = spawnCounted('cli', args.slice(0, 2).join(' '), process.execPath, [...(options.nodeArgs ?? []), join(ROOT, 'scripts/policy.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: options.input,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      // Node's own cache of compiled modules (as astro's CLI enables for itself): the CLI loads some 900 modules, and the build
      // tests start it hundreds of times. Node checks each entry against the module's source, so a changed module is compiled again.
      NODE_COMPILE_CACHE: join(OUTPUT, 'node-compile-cache'),
      SOURCE_DATE_EPOCH: TEST_EPOCH,
      // English unless a test asks otherwise: the tests pin English texts, on a machine set to any language.
      POLICY_PRESS_LANG: 'en',
      // The sample's settings, written for its own folder, over another (see POLICIES_DIR_FOREIGN); a test of that rule sets it to ''.
      ...(options.policiesDir ? { POLICIES_DIR: resolve(ROOT, options.policiesDir), POLICIES_DIR_FOREIGN: '1' } : {}),
      ...options.env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

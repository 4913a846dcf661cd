/** Runs `node scripts/policy.ts …` as `npm run policy -- …` would, for CLI tests. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ROOT, TEST_EPOCH } from './build-site.ts';

/** Exit status and output of one CLI run. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the policy CLI with a policies folder, extra environment, standard input and Node options (e.g. a heap limit). */
export function runPolicyCli(args: string[], options: { policiesDir?: string; env?: Record<string, string>; input?: string; nodeArgs?: string[] } = {}): CliResult {
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), join(ROOT, 'scripts/policy.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: options.input,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      SOURCE_DATE_EPOCH: TEST_EPOCH,
      ...(options.policiesDir ? { POLICIES_DIR: resolve(ROOT, options.policiesDir) } : {}),
      ...options.env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

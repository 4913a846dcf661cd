/**
 * `node scripts/ensure-test-system.ts`: the first step of `npm test` and of
 * `.ci/run`. Makes sure Debian's Chromium, nginx and PostgreSQL are there (see
 * scripts/test-system/test-tools.ts), installing the missing ones with apt
 * when this user may (root, or sudo), after saying what and why; else stops
 * with one message naming the packages and CHROMIUM_PATH / NGINX_PATH,
 * before any test runs. Exit 0 when both are there, 1 when not.
 */
import { spawnSync } from 'node:child_process';
import { getSystemFacts, planTestSystem, type TestSystemPlan } from './test-system/test-tools.ts';

const describeReady = (plan: Extract<TestSystemPlan, { action: 'ready' }>) => `Test system: ${plan.found.map(({ tool, path }) => `${tool.package} ${path}`).join(', ')}.`;

function main(): number {
  const plan = planTestSystem(getSystemFacts());
  if (plan.action === 'ready') {
    console.log(describeReady(plan));
    return 0;
  }
  if (plan.action === 'refuse') {
    console.error(plan.message);
    return 1;
  }
  console.log(plan.message);
  for (const [command, ...args] of plan.commands) {
    if (!command) continue;
    const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      console.error(
        `${[command, ...args].join(' ')} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}). Nothing was run; install ${plan.packages.join(' and ')} by hand, or set CHROMIUM_PATH / NGINX_PATH.`,
      );
      return 1;
    }
  }
  const after = planTestSystem(getSystemFacts());
  if (after.action !== 'ready') {
    console.error(`apt-get installed ${plan.packages.join(' and ')}, yet the tests still cannot find them.\n${after.message}`);
    return 1;
  }
  console.log(describeReady(after));
  return 0;
}

process.exitCode = main();

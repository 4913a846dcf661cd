import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CHROMIUM, NGINX, planTestSystem, POSTGRESQL, type SystemFacts } from '../../../scripts/test-system/test-tools.ts';

/** A system that has exactly the given executables and commands on PATH. */
function facts(options: { executables?: string[]; commands?: Record<string, string>; isRoot?: boolean; env?: Record<string, string> }): SystemFacts {
  const executables = new Set(options.executables ?? []);
  return {
    env: options.env ?? {},
    isExecutable: (path) => executables.has(path),
    which: (command) => options.commands?.[command] ?? null,
    isRoot: options.isRoot ?? true,
    systemRoot: '',
  };
}

const APT = { 'apt-get': '/usr/bin/apt-get' };

describe('planTestSystem', () => {
  test("does nothing when Debian's Chromium, nginx and PostgreSQL are there", () => {
    const plan = planTestSystem(facts({ executables: ['/usr/lib/chromium/chromium', '/usr/sbin/nginx', '/usr/lib/postgresql/15/bin/initdb'], commands: APT }));
    expect(plan).toEqual({
      action: 'ready',
      found: [
        { tool: CHROMIUM, path: '/usr/lib/chromium/chromium' },
        { tool: NGINX, path: '/usr/sbin/nginx' },
        { tool: POSTGRESQL, path: '/usr/lib/postgresql/15/bin/initdb' },
      ],
    });
  });

  test('finds them on PATH, or where CHROMIUM_PATH and NGINX_PATH say', () => {
    expect(planTestSystem(facts({ commands: { chromium: '/opt/bin/chromium', nginx: '/opt/bin/nginx', initdb: '/opt/bin/initdb' } }))).toMatchObject({ action: 'ready' });
    const plan = planTestSystem(
      facts({ executables: ['/opt/chrome/chrome', '/opt/nginx/sbin/nginx', '/opt/pg/bin/initdb'], env: { CHROMIUM_PATH: '/opt/chrome/chrome', NGINX_PATH: '/opt/nginx/sbin/nginx', INITDB_PATH: '/opt/pg/bin/initdb' } }),
    );
    expect(plan).toEqual({
      action: 'ready',
      found: [
        { tool: CHROMIUM, path: '/opt/chrome/chrome' },
        { tool: NGINX, path: '/opt/nginx/sbin/nginx' },
        { tool: POSTGRESQL, path: '/opt/pg/bin/initdb' },
      ],
    });
  });

  test('as root, installs only what is missing, with one apt-get update, saying why', () => {
    const plan = planTestSystem(facts({ executables: ['/usr/sbin/nginx', '/usr/lib/postgresql/15/bin/initdb'], commands: APT }));
    expect(plan).toMatchObject({
      action: 'install',
      packages: ['chromium'],
      commands: [
        ['/usr/bin/apt-get', 'update', '-qq'],
        ['/usr/bin/apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium'],
      ],
    });
    expect(plan.action === 'install' && plan.message).toBe(
      "npm test needs Debian's chromium, which is not installed:\n" +
        `  chromium: ${CHROMIUM.why}\n` +
        'Installing it with apt, once; no browser is downloaded:\n' +
        '  /usr/bin/apt-get update -qq\n' +
        '  /usr/bin/apt-get install -y -qq --no-install-recommends chromium',
    );
  });

  test('without root, installs them through sudo', () => {
    const plan = planTestSystem(facts({ commands: { ...APT, sudo: '/usr/bin/sudo' }, isRoot: false }));
    expect(plan).toMatchObject({
      action: 'install',
      packages: ['chromium', 'nginx', 'postgresql'],
      commands: [
        ['/usr/bin/sudo', 'DEBIAN_FRONTEND=noninteractive', '/usr/bin/apt-get', 'update', '-qq'],
        ['/usr/bin/sudo', 'DEBIAN_FRONTEND=noninteractive', '/usr/bin/apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium', 'nginx', 'postgresql'],
      ],
    });
  });

  test('without root and without sudo, stops with one message naming the packages and the variables', () => {
    const plan = planTestSystem(facts({ commands: APT, isRoot: false }));
    expect(plan).toEqual({
      action: 'refuse',
      message:
        "npm test needs Debian's chromium, nginx and postgresql, which are not installed:\n" +
        `  chromium: ${CHROMIUM.why}\n` +
        `  nginx: ${NGINX.why}\n` +
        `  postgresql: ${POSTGRESQL.why}\n` +
        'They cannot be installed here: you are not root and sudo is not installed.\n' +
        'Install them as root (apt-get install -y chromium nginx postgresql), or point the tests at programs you have: CHROMIUM_PATH=/path/to/chromium NGINX_PATH=/path/to/nginx INITDB_PATH=/path/to/postgresql npm test\n' +
        'Nothing was run.',
    });
  });

  test('without apt (not Debian or Ubuntu), stops and names what is missing', () => {
    const plan = planTestSystem(facts({ executables: ['/usr/lib/chromium/chromium', '/usr/lib/postgresql/15/bin/initdb'] }));
    expect(plan.action).toBe('refuse');
    expect(plan.action === 'refuse' && plan.message).toContain('this system has no apt-get');
    expect(plan.action === 'refuse' && plan.message).toContain('apt-get install -y nginx), or point the tests at programs you have: NGINX_PATH=/path/to/nginx npm test');
  });

  test("refuses a CHROMIUM_PATH that is not a program, rather than installing over the user's choice", () => {
    const plan = planTestSystem(facts({ executables: ['/usr/sbin/nginx', '/usr/lib/postgresql/15/bin/initdb'], commands: APT, env: { CHROMIUM_PATH: '/opt/typo/chrome' } }));
    expect(plan).toEqual({
      action: 'refuse',
      message: "CHROMIUM_PATH=/opt/typo/chrome is not an executable file.\nSet it to the program itself (e.g. CHROMIUM_PATH=/usr/lib/chromium/chromium), or unset it to use Debian's package.\nNothing was run.",
    });
  });
});

describe('scripts/ensure-test-system.ts on a fake system', () => {
  const SCRIPT = resolve(import.meta.dirname, '../../../scripts/ensure-test-system.ts');
  let system: string;

  beforeEach(() => {
    system = mkdtempSync(join(tmpdir(), 'test-system-'));
    mkdirSync(join(system, 'bin'));
  });

  afterEach(() => rmSync(system, { recursive: true, force: true }));

  const run = () => spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', env: { PATH: join(system, 'bin'), POLICY_PRESS_SYSTEM_ROOT: join(system, 'root') } });

  test.skipIf(process.getuid?.() !== 0)('installs them with apt (as root), once, then finds them', () => {
    // A fake apt-get that records its calls and "installs" by putting the programs where Debian's packages do.
    writeFileSync(
      join(system, 'bin', 'apt-get'),
      `#!/bin/sh\necho "$@" >> "${system}/apt.log"\nif [ "$1" = install ]; then\n  /bin/mkdir -p "${system}/root/usr/lib/chromium" "${system}/root/usr/sbin" "${system}/root/usr/lib/postgresql/15/bin"\n  printf '#!/bin/sh\\n' > "${system}/root/usr/lib/chromium/chromium"; printf '#!/bin/sh\\n' > "${system}/root/usr/sbin/nginx"; printf '#!/bin/sh\\n' > "${system}/root/usr/lib/postgresql/15/bin/initdb"\n  /bin/chmod +x "${system}/root/usr/lib/chromium/chromium" "${system}/root/usr/sbin/nginx" "${system}/root/usr/lib/postgresql/15/bin/initdb"\nfi\n`,
    );
    chmodSync(join(system, 'bin', 'apt-get'), 0o755);
    const result = run();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("npm test needs Debian's chromium, nginx and postgresql, which are not installed:");
    expect(result.stdout).toContain('Installing them with apt, once; no browser is downloaded:');
    expect(readFileSync(join(system, 'apt.log'), 'utf8')).toBe('update -qq\ninstall -y -qq --no-install-recommends chromium nginx postgresql\n');
    expect(result.stdout).toContain(
      `Test system: chromium ${join(system, 'root/usr/lib/chromium/chromium')}, nginx ${join(system, 'root/usr/sbin/nginx')}, postgresql ${join(system, 'root/usr/lib/postgresql/15/bin/initdb')}.`,
    );

    // Run again: both are there, so no apt-get at all.
    expect(run().status).toBe(0);
    expect(readFileSync(join(system, 'apt.log'), 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
  });

  test('stops with exit 1 and the message, running nothing, where there is no apt-get', () => {
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('this system has no apt-get');
    expect(result.stderr).toContain('CHROMIUM_PATH=/path/to/chromium NGINX_PATH=/path/to/nginx INITDB_PATH=/path/to/postgresql npm test');
    expect(existsSync(join(system, 'root'))).toBe(false);
  });
});

/**
 * What a command of the policy CLI loads (issue #26): each command only its
 * own module and what it uses, never Astro's Markdown processor (shiki,
 * @mdx-js: the CLI renders no page) nor DuckDB unless `--engine duckdb` asks
 * for it. Every module costs start-up time on each of the hundreds of runs of
 * the build tests and on every command legal staff type.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../helpers/build-site.ts';
import { runPolicyCli } from '../../helpers/run-cli.ts';

/** Packages no command without rendering or DuckDB may load. */
const HEAVY = /^node_modules\/(@astrojs\/markdown-remark|shiki|@shikijs|@mdx-js|@duckdb)\//;

let work = '';
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'policy-press-start-up-'));
  cpSync(join(ROOT, 'policies'), join(work, 'policies'), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the CLI on a copy of the sample; returns its exit status and the modules it loaded, by path from the project root. */
function loadedBy(args: string[]): { status: number | null; modules: string[] } {
  const file = join(work, 'loaded-modules.txt');
  rmSync(file, { force: true });
  const result = runPolicyCli(args, {
    policiesDir: join(work, 'policies'),
    nodeArgs: ['--import', join(ROOT, 'test/helpers/module-probe.ts')],
    env: { LOADED_MODULES_FILE: file, ASTRO_CACHE_DIR: join(work, 'astro-cache') },
  });
  const modules = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    // From the URL Node gives (a space is %20 there), not by cutting a prefix: the project may live in any folder.
    .map((url) => (url.startsWith('file:') ? relative(ROOT, fileURLToPath(url)).split(sep).join('/') : url));
  return { status: result.status, modules };
}

describe('policy CLI start-up', () => {
  test.each([
    { args: ['--help'], commands: [] },
    { args: ['check'], commands: ['check.ts', 'command-context.ts'] },
    { args: ['at', 'privacy', '2026-01-01T00:00:00Z'], commands: ['at.ts', 'command-context.ts'] },
    { args: ['publish', '--dry-run'], commands: ['command-context.ts', 'publish.ts'] },
  ])('policy $args.0 loads no heavy package and of the commands only its own', ({ args, commands }) => {
    const { status, modules } = loadedBy(args);
    expect(status).toBe(0);
    // The probe saw the run: the CLI's entry and a package every command needs.
    expect(modules).toContain('scripts/policy.ts');
    expect(modules.filter((module) => HEAVY.test(module))).toEqual([]);
    if (args[0] !== '--help') expect(modules.some((module) => module.startsWith('node_modules/yaml/'))).toBe(true);
    const commandModules = modules.filter((module) => module.startsWith('scripts/commands/')).map((module) => module.slice('scripts/commands/'.length));
    if (commands.length > 0) expect(commandModules.sort()).toEqual(commands);
  });
});

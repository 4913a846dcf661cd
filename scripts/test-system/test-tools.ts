/**
 * The system programs `npm test` needs beyond what npm installs: Debian's
 * Chromium (the browser tests drive it through playwright-core; a browser is
 * never downloaded) and nginx (the deploy tests serve the built site through
 * it). One list for the script that installs them (scripts/ensure-test-system.ts)
 * and for the test helpers that start them, and the decision of what to do,
 * as a pure function of what the system has, so it can be tested without
 * touching the machine.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** One program the tests need. */
interface TestTool {
  /** Debian's package (the same name on Ubuntu). */
  package: string;
  /** The variable that names a program to use instead. */
  env: 'CHROMIUM_PATH' | 'NGINX_PATH' | 'INITDB_PATH';
  /** Where Debian's package puts it, first choice first. */
  paths: readonly string[];
  /** Its command names on PATH. */
  commands: readonly string[];
  /** Why the tests need it, for the person whose machine it is installed on. */
  why: string;
}

/**
 * @public Exported for its tests: the test helpers start the tools the installer found (test/helpers/browser.ts, nginx-server.ts).
 */
export const CHROMIUM: TestTool = {
  package: 'chromium',
  env: 'CHROMIUM_PATH',
  paths: ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'],
  commands: ['chromium', 'chromium-browser'],
  why: 'the browser tests (test/browser) drive it through playwright-core: accessibility, links, search, print, screenshots',
};

/**
 * @public Exported for its tests: the test helpers start the tools the installer found (test/helpers/browser.ts, nginx-server.ts).
 */
export const NGINX: TestTool = {
  package: 'nginx',
  env: 'NGINX_PATH',
  paths: ['/usr/sbin/nginx', '/usr/bin/nginx'],
  commands: ['nginx'],
  why: 'the deploy tests serve the built site through a real nginx with the _nginx.conf the build writes, and check every header',
};

/**
 * @public Exported for its tests: the test helpers start the tools the installer found (test/helpers/postgres-cluster.ts).
 */
export const POSTGRESQL: TestTool = {
  package: 'postgresql',
  env: 'INITDB_PATH',
  // Debian keeps each major version's programs apart; initdb and pg_ctl are not on PATH.
  paths: ['18', '17', '16', '15', '14', '13'].map((version) => `/usr/lib/postgresql/${version}/bin/initdb`),
  commands: ['initdb'],
  why: 'the differential tests start a throwaway cluster (initdb, pg_ctl on a loopback port) and check that the SQL verify prints classifies every record as verify does',
};

const TEST_TOOLS: readonly TestTool[] = [CHROMIUM, NGINX, POSTGRESQL];

/** What the decision looks at. */
export interface SystemFacts {
  /** CHROMIUM_PATH and NGINX_PATH, when set. */
  env: Readonly<Record<string, string | undefined>>;
  /** Whether an executable file is at an absolute path. */
  isExecutable(path: string): boolean;
  /** The absolute path of a command on PATH, or null. */
  which(command: string): string | null;
  /** Whether this process runs as root. */
  isRoot: boolean;
  /** The folder Debian's paths are under: '' (the real /), or a fake system in tests. */
  systemRoot: string;
}

/** Where a tool is: its path, or null; `invalid` when its variable names something that is not a program. */
type ToolLocation = { path: string; invalid?: never } | { path: null; invalid?: string };

/**
 * Finds a tool: the path its variable names, else Debian's paths, else PATH.
 * @public Exported for its tests: the test helpers find the tools the same way the installer does.
 */
export function locateTool(tool: TestTool, facts: SystemFacts): ToolLocation {
  const override = facts.env[tool.env];
  if (override) return facts.isExecutable(override) ? { path: override } : { path: null, invalid: `${tool.env}=${override} is not an executable file` };
  const path =
    tool.paths.map((candidate) => (facts.systemRoot ? join(facts.systemRoot, candidate) : candidate)).find((candidate) => facts.isExecutable(candidate)) ??
    tool.commands.map((command) => facts.which(command)).find((found) => found !== null);
  return path ? { path } : { path: null };
}

/** What the install script does. */
export type TestSystemPlan =
  | { action: 'ready'; found: { tool: TestTool; path: string }[] }
  /** `commands` run in order, each an argv; `message` says what and why, before they run. */
  | { action: 'install'; packages: string[]; commands: string[][]; message: string }
  | { action: 'refuse'; message: string };

const why = (tools: readonly TestTool[]) => tools.map((tool) => `  ${tool.package}: ${tool.why}`).join('\n');

/** The instruction that ends every refusal: install the packages, or name the programs. */
function howToFix(missing: readonly TestTool[]): string {
  const packages = missing.map((tool) => tool.package).join(' ');
  const variables = missing.map((tool) => `${tool.env}=/path/to/${tool.package}`).join(' ');
  return `Install them as root (apt-get install -y ${packages}), or point the tests at programs you have: ${variables} npm test\nNothing was run.`;
}

/** Decides what to do on a system: nothing, install the missing packages with apt, or stop with what to do. */
export function planTestSystem(facts: SystemFacts): TestSystemPlan {
  const located = TEST_TOOLS.map((tool) => ({ tool, location: locateTool(tool, facts) }));
  const invalid = located.filter(({ location }) => location.invalid !== undefined);
  if (invalid.length > 0) {
    return {
      action: 'refuse',
      message: `${invalid.map(({ location }) => location.invalid).join('; ')}.\nSet it to the program itself (e.g. ${invalid.map(({ tool }) => `${tool.env}=${tool.paths[0]}`).join(' ')}), or unset it to use Debian's package.\nNothing was run.`,
    };
  }
  const missing = located.filter(({ location }) => location.path === null).map(({ tool }) => tool);
  if (missing.length === 0) return { action: 'ready', found: located.map(({ tool, location }) => ({ tool, path: location.path ?? '' })) };

  const packages = missing.map((tool) => tool.package);
  const names = packages.length <= 2 ? packages.join(' and ') : `${packages.slice(0, -1).join(', ')} and ${packages.at(-1)}`;
  const heading = `npm test needs Debian's ${names}, which ${missing.length === 1 ? 'is' : 'are'} not installed:\n${why(missing)}`;
  const aptGet = facts.which('apt-get');
  if (!aptGet) {
    return { action: 'refuse', message: `${heading}\nThey cannot be installed here: this system has no apt-get (the tests use Debian's or Ubuntu's packages).\n${howToFix(missing)}` };
  }
  const sudo = facts.isRoot ? null : facts.which('sudo');
  if (!facts.isRoot && !sudo) {
    return { action: 'refuse', message: `${heading}\nThey cannot be installed here: you are not root and sudo is not installed.\n${howToFix(missing)}` };
  }
  // sudo resets the environment; it passes VAR=value arguments on to the command.
  const asRoot = sudo ? [sudo, 'DEBIAN_FRONTEND=noninteractive'] : [];
  const commands = [
    [...asRoot, aptGet, 'update', '-qq'],
    [...asRoot, aptGet, 'install', '-y', '-qq', '--no-install-recommends', ...packages],
  ];
  return {
    action: 'install',
    packages,
    commands,
    message: `${heading}\nInstalling ${missing.length === 1 ? 'it' : 'them'} with apt${sudo ? ' (through sudo)' : ''}, once; no browser is downloaded:\n${commands.map((command) => `  ${command.join(' ')}`).join('\n')}`,
  };
}

/** Whether an executable file is at `path`. */
function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The facts of this machine. `POLICY_PRESS_SYSTEM_ROOT` puts Debian's paths
 * under another folder, so a test can run the install script against a fake
 * system (its PATH then names the fake apt-get).
 */
export function getSystemFacts(env: Readonly<Record<string, string | undefined>> = process.env): SystemFacts {
  const folders = (env['PATH'] ?? '').split(delimiter).filter((folder) => folder !== '');
  return {
    env,
    isExecutable: isExecutableFile,
    which: (command) => folders.map((folder) => join(folder, command)).find(isExecutableFile) ?? null,
    isRoot: process.getuid?.() === 0,
    systemRoot: env['POLICY_PRESS_SYSTEM_ROOT'] ?? '',
  };
}

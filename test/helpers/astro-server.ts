/**
 * `astro dev` or `astro preview` started as a user would, on a free loopback
 * port, for build tests; ready once a page answers.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './build-site.ts';
import { freePort } from './free-port.ts';

/** A running Astro server. */
export interface AstroServer {
  origin: string;
  /** Everything it printed so far. */
  log(): string;
  stop(): void;
}

/** Runs `astro <command> ...args` with `env` (beside PATH and HOME) until `readyPath` answers 200. */
export async function startAstro(command: 'dev' | 'preview', args: string[], env: Record<string, string>, readyPath = '/ru/'): Promise<AstroServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), command, ...args, '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    // The sample's settings over another folder (see POLICIES_DIR_FOREIGN), unless the test says otherwise.
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ASTRO_TELEMETRY_DISABLED: '1', POLICY_PRESS_LANG: 'en', ...(env['POLICIES_DIR'] ? { POLICIES_DIR_FOREIGN: '1' } : {}), ...env },
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const server = { origin, log: () => log, stop: () => void child.kill() };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}${readyPath}`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  server.stop();
  throw new Error(`astro ${command} did not start:\n${log}`);
}

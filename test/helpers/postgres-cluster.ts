/**
 * A throwaway PostgreSQL cluster for tests: Debian's `postgresql` package,
 * `initdb` in a temporary folder, `pg_ctl start` on a loopback port, psql
 * for queries, stopped and deleted afterwards. As root, the server runs as
 * the `postgres` user (initdb refuses root). Nothing of the system's own
 * cluster is touched.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from './free-port.ts';
import { parseCsvRows } from './csv-rows.ts';

/** A running cluster. */
export interface PostgresCluster {
  port: number;
  /** Runs a psql script (meta-commands such as \copy allowed) and returns its output as CSV rows, the header first. */
  query(sql: string): string[][];
  stop(): void;
}

/** The folder of PostgreSQL's programs: INITDB_PATH's (as ensure-test-system.ts takes it), else Debian's newest version installed, or null. */
export function findPostgresBin(): string | null {
  const initdb = process.env['INITDB_PATH'];
  if (initdb) return existsSync(initdb) ? dirname(initdb) : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** Starts a cluster; throws with the server's log when it cannot. */
export async function startPostgres(bin: string): Promise<PostgresCluster> {
  const root = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'policy-press-pg-'));
  const data = join(dir, 'data');
  const asServer = (command: string, args: string[]) => (root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]) as [string, string[]];
  if (root) {
    const id = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, id, gid);
  }
  chmodSync(dir, 0o700);
  const run = (command: string, args: string[]) => {
    const [program, programArgs] = asServer(command, args);
    const result = spawnSync(program, programArgs, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  run(join(bin, 'pg_ctl'), ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', join(dir, 'log'), '-w', 'start']);
  // A watchdog outlives a test run that is killed (afterAll never runs): when this process is gone it stops
  // the server and deletes its folder, so no orphaned postgres keeps a core busy for the next run.
  // It runs as this user (as the server's user, kill -0 could not see a root process), the stop as the server's.
  const [stopProgram, stopArgs] = asServer(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
  const watchdog = 'pid=$1; dir=$2; shift 2; while kill -0 "$pid" 2>/dev/null; do sleep 1; done; "$@" >/dev/null 2>&1; rm -rf "$dir"';
  spawn('sh', ['-c', watchdog, 'watchdog', String(process.pid), dir, stopProgram, ...stopArgs], { detached: true, stdio: 'ignore' }).unref();
  const psql = existsSync(join(bin, 'psql')) ? join(bin, 'psql') : 'psql';
  let scripts = 0;
  return {
    port,
    query(sql) {
      scripts += 1;
      const file = join(dir, `script-${scripts}.sql`);
      writeFileSync(file, sql);
      if (root) chmodSync(file, 0o644);
      const result = spawnSync(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--csv', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-f', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
      if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
      return parseCsvRows(result.stdout);
    },
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

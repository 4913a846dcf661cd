/**
 * A real nginx (Debian's package) serving a built site with the serving
 * rules the build wrote (`_nginx.conf`), on a free loopback port, for tests.
 * It never touches the system's nginx: its own config, pid and logs in a
 * temporary folder. `npm test` installs nginx when it is missing
 * (scripts/ensure-test-system.ts), or NGINX_PATH names another build.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from './free-port.ts';
import { getSystemFacts, locateTool, NGINX } from '../../scripts/test-system/test-tools.ts';

/** A running nginx. */
export interface NginxServer {
  origin: string;
  stop(): Promise<void>;
}

function requireNginx(): string {
  const { path: nginx, invalid } = locateTool(NGINX, getSystemFacts());
  if (!nginx) throw new Error(`nginx not found${invalid ? ` (${invalid})` : ''}. Run node scripts/ensure-test-system.ts (npm test does), which installs Debian's package, or set NGINX_PATH.`);
  return nginx;
}

/** Writes, in `folder`, an nginx.conf of its own whose one server serves `root` with the site's snippet included. */
function writeNginxConfig(folder: string, root: string, snippet: string, port: number): string {
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(folder, temp), { recursive: true });
  const mimeTypes = existsSync('/etc/nginx/mime.types') ? 'include /etc/nginx/mime.types;' : '';
  const config = join(folder, 'nginx.conf');
  writeFileSync(
    config,
    `${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
worker_processes 1;
pid ${folder}/nginx.pid;
error_log ${folder}/error.log warn;
events { worker_connections 64; }
http {
  ${mimeTypes}
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${folder}/body;
  proxy_temp_path ${folder}/proxy;
  fastcgi_temp_path ${folder}/fastcgi;
  uwsgi_temp_path ${folder}/uwsgi;
  scgi_temp_path ${folder}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    include "${snippet}";
  }
}
`,
  );
  return config;
}

/**
 * Runs `nginx -t` on a serving-rules snippet (the text of a `_nginx.conf`),
 * as included in a server block: its exit status and everything nginx said,
 * warnings included.
 */
export function testNginxSnippet(snippet: string): { status: number | null; output: string } {
  const nginx = requireNginx();
  const folder = mkdtempSync(join(tmpdir(), 'nginx-t-'));
  try {
    const file = join(folder, '_nginx.conf');
    writeFileSync(file, snippet);
    mkdirSync(join(folder, 'root'));
    const config = writeNginxConfig(folder, join(folder, 'root'), file, 1);
    const result = spawnSync(nginx, ['-t', '-c', config, '-p', folder, '-e', join(folder, 'error.log')], { encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Serves `dist` at `basePath` (e.g. `/` or `/legal/`) through nginx with the site's own rules. */
export async function startNginx(dist: string, basePath: string): Promise<NginxServer> {
  const nginx = requireNginx();
  const folder = mkdtempSync(join(tmpdir(), 'nginx-'));
  const root = join(folder, 'root');
  const site = join(root, basePath);
  mkdirSync(dirname(site.replace(/\/$/, '')), { recursive: true });
  // The URL path maps onto the root: /legal/x is root/legal/x, which is dist/x.
  if (basePath === '/') symlinkSync(dist, root);
  else symlinkSync(dist, site.replace(/\/$/, ''));
  const port = await freePort();
  const config = writeNginxConfig(folder, root, join(dist, '_nginx.conf'), port);
  const process_: ChildProcess = spawn(nginx, ['-c', config, '-p', folder, '-e', join(folder, 'error.log')], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await fetch(origin);
      break;
    } catch {
      if (Date.now() > deadline || process_.exitCode !== null) {
        throw new Error(`nginx did not start:\n${existsSync(join(folder, 'error.log')) ? readFileSync(join(folder, 'error.log'), 'utf8') : ''}`);
      }
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }
  return {
    origin,
    stop: () =>
      new Promise((resolve) => {
        process_.once('exit', () => {
          rmSync(folder, { recursive: true, force: true });
          resolve();
        });
        process_.kill('SIGQUIT');
      }),
  };
}

/**
 * An Astro integration that serves the site's public log under `/log/v1/`
 * (src/lib/log/site-log.ts): written into the build's output after the
 * pages, and served from memory by the dev server with the production
 * headers. The files are plain static files with no extension (`checkpoint`,
 * `tile/0/000.p/9`), which Astro's routes would give a trailing slash; writing
 * them here keeps the exact paths the C2SP specifications name.
 */
import type { AstroIntegration } from 'astro';
import { recordStage, startStage } from '#lib/build/build-profile.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildContext } from '#lib/build/build-context.ts';
import { serveBeforeAstro } from './dev-middleware.ts';
import { getLogFiles, loadSiteLog } from '#lib/log/site-log.ts';
import { getHeadersFor } from '#lib/site/serving-rules.ts';

/** Writes and serves the log: a build writes the build context's log (computed once, shared with the pages). */
export function transparencyLog(options: { context: BuildContext }): AstroIntegration {
  const { settings, root } = options.context;
  const prefix = `${settings.basePath}log/v1/`;
  /** The dev server's handler of /log/v1/. */
  const serveLog = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): void => {
    const path = new URL(request.url ?? '/', 'http://dev.invalid').pathname;
    if (!path.startsWith(prefix)) {
      next();
      return;
    }
    let file: Uint8Array | undefined;
    try {
      // Read afresh on every request, as the pages are: a publish shows up without a restart.
      file = getLogFiles(loadSiteLog(settings, process.env, { cwd: root, withUnlogged: true })).get(path.slice(prefix.length));
    } catch (error) {
      next(error);
      return;
    }
    if (!file) {
      next();
      return;
    }
    for (const [name, value] of Object.entries(getHeadersFor(`/${path.slice(settings.basePath.length)}`))) response.setHeader(name, value);
    response.end(file);
  };
  return {
    name: 'policy-press:transparency-log',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // A key that cannot sign has stopped the build already, before any page (src/integrations/build-context-integration.ts).
        // Astro's guards would answer these extensionless paths with a 404 (see dev-middleware.ts).
        updateConfig({
          vite: {
            plugins: [serveBeforeAstro('policy-press:transparency-log-dev', () => serveLog)],
          },
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const writing = startStage();
        const site = fileURLToPath(dir);
        const log = options.context.getLog();
        for (const [path, bytes] of getLogFiles(log)) {
          const target = join(site, 'log', 'v1', path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, bytes);
        }
        recordStage('public log files', writing(), { entries: log.tree.size });
        const entries = `${log.tree.size} entr${log.tree.size === 1 ? 'y' : 'ies'}`;
        if (log.signedBy) logger.info(`public log: ${entries} in log/v1/, checkpoint signed by ${log.signedBy.split('+').slice(0, 2).join('+')}`);
        else logger.warn(`public log: ${entries} in log/v1/, checkpoint NOT signed (give the key in POLICY_PRESS_LOG_KEY or POLICY_PRESS_LOG_KEY_DATA; npm run policy -- log keygen makes one)`);
      },
    },
  };
}

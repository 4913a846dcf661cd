/**
 * An Astro integration for every version's files (published Markdown, texts
 * by hash, blocks, since.json, notices; src/lib/build/version-files.ts),
 * which a build writes without 8,000 routes at 2,000 versions: the pages
 * write them into the output folder with the site context, and this
 * integration, once the pages are generated, reads their report, says what
 * was written and stops a build that wrote none. The dev server serves the
 * same files from the same list, through a handler of its own in front of
 * Astro's (no route exists only for the dev server). The other integrations
 * run after it and find the files in place.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { clearVersionFilesReport, getVersionFilesReportFile, readVersionFilesReport } from '#lib/build/version-files.ts';
import { importInDevEnvironment, serveBeforeAstro, type DevHandler, type DevServer } from './dev-middleware.ts';

/** The module that knows the version files of the pages' site context. */
const SITE_CONTEXT_FILE = fileURLToPath(new URL('../data/astro-site-context.ts', import.meta.url));

/** The paths a version file can have under the base path: its Markdown, its blocks and its since.json. */
const VERSION_FILE_PATH = /^(?:raw\/.+\.md|blocks\/.+\.json|feed\/v1\/.+\/since\.json)$/;

/**
 * The dev server's handler of the version files: the same list a build
 * writes, from the pages' own site context (the `ssr` environment runs the
 * pages), read afresh after every edit as the pages are.
 */
function serveVersionFiles(server: DevServer, basePath: string): DevHandler {
  return (request, response, next) => {
    const path = new URL(request.url ?? '/', 'http://dev.invalid').pathname;
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !path.startsWith(basePath) || !VERSION_FILE_PATH.test(path.slice(basePath.length))) return next();
    importInDevEnvironment<typeof import('#data/astro-site-context.ts')>(server, 'ssr', SITE_CONTEXT_FILE)
      .then(({ serveVersionFile }) => serveVersionFile(path))
      .then(async (answer) => {
        // Not a version file of this corpus: Astro answers (its 404 page).
        if (answer.status === 404) return next();
        response.statusCode = answer.status;
        for (const [name, value] of answer.headers) response.setHeader(name, value);
        response.end(request.method === 'HEAD' ? undefined : Buffer.from(await answer.arrayBuffer()));
      })
      .catch(next);
  };
}

/** Writes the version files of a build. */
export function versionFiles(options: { basePath: string }): AstroIntegration {
  let reportFile = '';
  return {
    name: 'policy-press:version-files',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'dev') return;
        updateConfig({ vite: { plugins: [serveBeforeAstro('policy-press:version-files-dev', (server) => serveVersionFiles(server, options.basePath))] } });
      },
      'astro:config:done': ({ config }) => {
        reportFile = getVersionFilesReportFile(fileURLToPath(config.cacheDir));
      },
      // A report left by an earlier build in this cache folder (one that failed before its pages) is never taken for this one's.
      'astro:build:start': () => clearVersionFilesReport(reportFile),
      'astro:build:generated': ({ logger }) => {
        const report = readVersionFilesReport(reportFile);
        // Every build has pages that load the site context; without their files the feed would announce files that are not there.
        if (!report)
          throw new Error("No page of this build loaded the site context, so the versions' Markdown, blocks and since.json files were not written. This is a bug in Policy Press: report it with the build output.");
        const counts = Object.entries(report.written)
          .map(([kind, { files: count }]) => `${count} ${kind}`)
          .join(', ');
        logger.info(`${report.files} version files written (${counts})`);
      },
    },
  };
}

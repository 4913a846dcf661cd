/**
 * An Astro integration that writes every version's files (published
 * Markdown, texts by hash, blocks, since.json; src/lib/build/version-files.ts)
 * into the build's output once the pages are generated, instead of through
 * 8,000 routes at 2,000 versions. The dev server serves the same files
 * from the same list, through a handler of its own in front of Astro's
 * (no route exists only for the dev server). The other integrations run
 * after it and find the files in place.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { recordStage, startStage } from '#lib/build/build-profile.ts';
import { takeVersionFiles, writeVersionFiles } from '#lib/build/version-files.ts';
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
  return {
    name: 'policy-press:version-files',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'dev') return;
        updateConfig({ vite: { plugins: [serveBeforeAstro('policy-press:version-files-dev', (server) => serveVersionFiles(server, options.basePath))] } });
      },
      // An offer left by an earlier build in this process (one that failed before its pages) is never written.
      'astro:build:start': () => void takeVersionFiles(),
      'astro:build:generated': async ({ dir, logger }) => {
        const offer = takeVersionFiles();
        // Every build has pages that load the site context; without its offer the feed would announce files that are not there.
        if (!offer) throw new Error('No page of this build loaded the site context, so the versions\' Markdown, blocks and since.json files cannot be written. This is a bug in Policy Press: report it with the build output.');
        const writing = startStage();
        const files = offer.files();
        const written = await writeVersionFiles(files, fileURLToPath(dir), options.basePath);
        recordStage('version files', writing(), { files: files.length });
        for (const [kind, { files: count, ms }] of Object.entries(written)) recordStage(`version files: ${kind}`, ms, { files: count });
        const counts = Object.entries(written).map(([kind, { files: count }]) => `${count} ${kind}`).join(', ');
        logger.info(`${files.length} version files written (${counts})`);
      },
    },
  };
}

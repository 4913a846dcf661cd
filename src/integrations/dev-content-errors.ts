/**
 * An Astro integration for the dev server only: while the content has
 * problems (src/lib/dev-server/dev-status.ts), every page answers with status 500
 * and the report (src/lib/dev-server/dev-error-page.ts), instead of the last good
 * text or a plain 404 that would hide the mistake; and open pages reload when
 * the report appears, changes or goes away.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { getDevPageLanguage, renderDevErrorPage, DEV_ERROR_PAGE_CSP } from '#lib/dev-server/dev-error-page.ts';
import { getMessages } from '#lib/messages/message-catalog.ts';
import { importInDevEnvironment } from './dev-middleware.ts';

/** The module the content loader records its report in. */
const DEV_STATUS_FILE = fileURLToPath(new URL('../lib/dev-server/dev-status.ts', import.meta.url));

/** Vite's own requests (its client, modules, dependencies): they keep working so the error page can reload itself. */
function isViteRequest(url: string, basePath: string): boolean {
  const path = url.startsWith(basePath) ? url.slice(basePath.length) : url.replace(/^\//, '');
  return path.startsWith('@') || path.startsWith('__') || path.startsWith('node_modules/') || path.includes('/node_modules/') || path.startsWith('src/');
}

/** Shows content errors in the browser during `astro dev`. */
export function devContentErrors(options: { basePath: string }): AstroIntegration {
  return {
    name: 'policy-press:dev-content-errors',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        // The loader's own instance of the dev status: the content loader runs in Astro's `astro` environment.
        const status = importInDevEnvironment<typeof import('#lib/dev-server/dev-status.ts')>(server, 'astro', DEV_STATUS_FILE);
        status.then(
          ({ onContentReport }) => {
            const stop = onContentReport(() => server.ws.send({ type: 'full-reload', path: '*' }));
            server.httpServer?.on('close', stop);
          },
          (error: unknown) => logger.error(error instanceof Error ? error.message : String(error)),
        );
        server.middlewares.use((request, response, next) => {
          if (isViteRequest(request.url ?? '/', options.basePath)) {
            next();
            return;
          }
          status.then(({ getContentReport }) => {
            const report = getContentReport();
            if (!report) {
              next();
              return;
            }
            response.statusCode = 500;
            response.setHeader('Content-Type', 'text/html; charset=utf-8');
            response.setHeader('Cache-Control', 'no-store');
            response.setHeader('Content-Security-Policy', DEV_ERROR_PAGE_CSP);
            // The page speaks the language of the page asked for: /ru/… in Russian.
            const messages = getMessages(getDevPageLanguage(request.url ?? '/', options.basePath));
            response.end(request.method === 'HEAD' ? undefined : renderDevErrorPage(report, options.basePath, messages));
          }, next);
        });
      },
    },
  };
}

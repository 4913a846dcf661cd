/**
 * An Astro integration for the dev server only: while the content has
 * problems (src/lib/build/dev-status.ts), every page answers with status 500
 * and the report (src/lib/build/dev-error-page.ts), instead of the last good
 * text or a plain 404 that would hide the mistake; and open pages reload when
 * the report appears, changes or goes away.
 */
import type { AstroIntegration } from 'astro';
import { renderDevErrorPage, DEV_ERROR_PAGE_CSP } from '#lib/build/dev-error-page.ts';
import { getContentReport, onContentReport } from '#lib/build/dev-status.ts';

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
      'astro:server:setup': ({ server }) => {
        const stop = onContentReport(() => server.ws.send({ type: 'full-reload', path: '*' }));
        server.httpServer?.on('close', stop);
        server.middlewares.use((request, response, next) => {
          const report = getContentReport();
          if (!report || isViteRequest(request.url ?? '/', options.basePath)) {
            next();
            return;
          }
          response.statusCode = 500;
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          response.setHeader('Cache-Control', 'no-store');
          response.setHeader('Content-Security-Policy', DEV_ERROR_PAGE_CSP);
          response.end(request.method === 'HEAD' ? undefined : renderDevErrorPage(report, options.basePath));
        });
      },
    },
  };
}

/**
 * An Astro integration for the serving rules the site needs
 * (src/lib/site/serving-rules.ts): after a build it writes `_headers` for
 * Netlify and Cloudflare Pages and `_nginx.conf`, an nginx snippet, beside
 * the pages; for `astro preview` it serves the built site by the same rules
 * (src/integrations/preview-server.ts).
 */
import type { AstroIntegration } from 'astro';
import { recordStage, startStage } from '#lib/build/build-profile.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getServingRules, renderHeadersFile, renderNginxSnippet, type ServingOptions } from '#lib/site/serving-rules.ts';

/** Writes the serving rules after the build, and previews with them. */
export function servingRules(options: ServingOptions & { basePath: string }): AstroIntegration {
  let command = '';
  return {
    name: 'policy-press:serving-rules',
    hooks: {
      'astro:config:setup': (setup) => {
        command = setup.command;
      },
      'astro:config:done': ({ config, setAdapter }) => {
        // Astro previews a static site with Vite's file server, which knows none of the rules; an adapter's preview entry replaces it.
        // Only for `astro preview`, so a build is never touched; a project with an adapter of its own keeps it.
        if (command !== 'preview' || config.adapter) return;
        setAdapter({
          name: 'policy-press:preview',
          previewEntrypoint: fileURLToPath(new URL('./preview-server.ts', import.meta.url)),
          entrypointResolution: 'auto',
          adapterFeatures: { buildOutput: 'static' },
          // It serves files already built, images included.
          supportedAstroFeatures: { staticOutput: 'stable', sharpImageService: 'stable' },
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const writing = startStage();
        const site = fileURLToPath(dir);
        const rules = getServingRules(options);
        writeFileSync(join(site, '_headers'), renderHeadersFile(rules, options.basePath));
        writeFileSync(join(site, '_nginx.conf'), renderNginxSnippet(rules, options.basePath));
        recordStage('serving rules', writing());
        logger.info('serving rules written to _headers (Netlify, Cloudflare Pages) and _nginx.conf (nginx)');
      },
    },
  };
}

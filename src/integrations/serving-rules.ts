/**
 * An Astro integration that writes, beside the pages, the serving rules the
 * site needs (src/lib/site/serving-rules.ts): `_headers` for Netlify and
 * Cloudflare Pages, and `_nginx.conf`, an nginx snippet.
 */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getServingRules, renderHeadersFile, renderNginxSnippet } from '#lib/site/serving-rules.ts';

/** Writes the serving rules after the build. */
export function servingRules(options: { basePath: string }): AstroIntegration {
  return {
    name: 'policy-press:serving-rules',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const rules = getServingRules();
        writeFileSync(join(site, '_headers'), renderHeadersFile(rules, options.basePath));
        writeFileSync(join(site, '_nginx.conf'), renderNginxSnippet(rules, options.basePath));
        logger.info('serving rules written to _headers (Netlify, Cloudflare Pages) and _nginx.conf (nginx)');
      },
    },
  };
}

/**
 * `/kit/v1/policy-kit.js`: the client kit, bundled and minified at build time
 * from src/kit/policy-kit.ts with the notice's words from the site's table.
 */
import type { APIRoute } from 'astro';
import { build } from 'esbuild';
import { join } from 'node:path';
import { getUiStrings, UI_LOCALES } from '#lib/site/ui-strings.ts';

export const GET: APIRoute = async () => {
  const strings = Object.fromEntries(UI_LOCALES.map((locale) => [locale, getUiStrings(locale).kit]));
  const result = await build({
    // The page itself runs from a bundle elsewhere; the kit's source is found from the project root, where builds run.
    entryPoints: [join(process.cwd(), 'src/kit/policy-kit.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    define: { KIT_STRINGS: JSON.stringify(strings) },
  });
  return new Response(result.outputFiles[0]?.text ?? '', { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};

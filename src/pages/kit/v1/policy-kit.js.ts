/**
 * `/kit/v1/policy-kit.js`: the client kit (src/kit/policy-kit.ts), bundled
 * and minified at build time with the notice's words from the site's table.
 */
import type { APIRoute } from 'astro';
import buildContext from 'virtual:policy-press/build-context';
import { bundleKit } from '#lib/build/kit-bundle.ts';

// The page itself runs from a bundle elsewhere; the kit's source is found from the project root of the build context.
export const GET: APIRoute = async () => new Response(await bundleKit('policy-kit', buildContext.root), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });

/**
 * `/kit/v1/reconsent.js`: the DOM-free part of the client kit
 * (src/kit/reconsent.ts), `checkReconsent` and `decideReconsent`, for Node,
 * Deno, workers and pages that want no element.
 */
import type { APIRoute } from 'astro';
import { bundleKit } from '#lib/build/kit-bundle.ts';

export const GET: APIRoute = async () => new Response(await bundleKit('reconsent', process.cwd()), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });

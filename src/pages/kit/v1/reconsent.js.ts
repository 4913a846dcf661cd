/**
 * `/kit/v1/reconsent.js`: the DOM-free part of the client kit
 * (src/kit/reconsent.ts), `checkReconsent` and `decideReconsent`, for Node,
 * Deno, workers and pages that want no element.
 */
import type { APIRoute } from 'astro';
import buildContext from 'virtual:policy-press/build-context';
import { bundleKit } from '#lib/build/kit-bundle.ts';

export const GET: APIRoute = async () => new Response(await bundleKit('reconsent', buildContext.root), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });

/**
 * `/blocks/<policy>/<locale>/<version>.json`: a version cut into blocks, as
 * the compare page needs it to diff any two versions in the browser with the
 * same code as the build: kind, text, clause number, list and table context,
 * and the sanitized HTML of each block.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedBlocksJson, getSiteContext } from '#data/site-context.ts';
import { getVersionPaths } from '#lib/views/static-paths.ts';
import type { TimelineVersion } from '#lib/timeline/timeline.ts';

export const getStaticPaths = (async () => getVersionPaths(await getSiteContext())) satisfies GetStaticPaths;

export const GET: APIRoute<{ version: TimelineVersion }> = async ({ props }) =>
  new Response(await getPublishedBlocksJson(props.version), { headers: { 'Content-Type': 'application/json' } });

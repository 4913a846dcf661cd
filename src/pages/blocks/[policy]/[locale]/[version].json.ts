/**
 * `/blocks/<policy>/<locale>/<version>.json`: a version cut into blocks, as
 * the compare page needs it to diff any two versions in the browser with the
 * same code as the build: kind, text, clause number, list and table context,
 * and the sanitized HTML of each block. A build writes these files after its
 * pages (src/lib/build/version-files.ts); this route serves them in dev.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContext, serveVersionFile } from '#data/site-context.ts';
import { getVersionPaths } from '#lib/views/static-paths.ts';

export const getStaticPaths = (async () => (import.meta.env.DEV ? getVersionPaths(await getSiteContext()) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => serveVersionFile((await getSiteContext()).urls.blocks(params.policy ?? '', params.locale ?? '', params.version ?? ''));

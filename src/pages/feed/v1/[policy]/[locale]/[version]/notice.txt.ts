/**
 * `/feed/v1/<policy>/<locale>/<version>/notice.txt`: the ready-to-send notice
 * of a version. A build writes these files after its pages
 * (src/lib/build/version-files.ts); this route serves them in dev.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContext, serveVersionFile } from '#data/astro-site-context.ts';
import { getVersionPaths } from '#lib/views/static-paths.ts';

export const getStaticPaths = (async () => (import.meta.env.DEV ? getVersionPaths(await getSiteContext()) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => serveVersionFile((await getSiteContext()).urls.notice(params.policy ?? '', params.locale ?? '', params.version ?? '', 'txt'));

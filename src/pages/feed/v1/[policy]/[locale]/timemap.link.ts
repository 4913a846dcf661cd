/** `/feed/v1/<policy>/<locale>/timemap.link`: a Memento TimeMap (RFC 7089) of the versions in force by build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContext } from '#data/astro-site-context.ts';
import { getTimelinePaths } from '#lib/views/static-paths.ts';
import { createTimeMap } from '#lib/feed/change-notifications.ts';

export const getStaticPaths = (async () => getTimelinePaths(await getSiteContext())) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => new Response(createTimeMap(await getSiteContext(), params.policy ?? '', params.locale ?? ''), { headers: { 'Content-Type': 'application/link-format' } });

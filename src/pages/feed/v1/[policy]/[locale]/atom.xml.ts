/** `/feed/v1/<policy>/<locale>/atom.xml`: an Atom entry for every version, scheduled ones included. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContext } from '#data/astro-site-context.ts';
import { getTimelinePaths } from '#lib/views/static-paths.ts';
import { createAtomFeed } from '#lib/feed/change-notifications.ts';

export const getStaticPaths = (async () => getTimelinePaths(await getSiteContext())) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => new Response(createAtomFeed(await getSiteContext(), params.policy ?? '', params.locale ?? ''), { headers: { 'Content-Type': 'application/atom+xml' } });

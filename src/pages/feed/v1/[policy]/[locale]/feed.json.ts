/** `/feed/v1/<policy>/<locale>/feed.json`: the same announcements as JSON Feed 1.1. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContext } from '#data/astro-site-context.ts';
import { getTimelinePaths } from '#lib/views/static-paths.ts';
import { createJsonFeed } from '#lib/feed/change-notifications.ts';
import { serializeFeed } from '#lib/feed/feed-data.ts';

export const getStaticPaths = (async () => getTimelinePaths(await getSiteContext())) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => new Response(serializeFeed(createJsonFeed(await getSiteContext(), params.policy ?? '', params.locale ?? '')), { headers: { 'Content-Type': 'application/feed+json' } });

/** `/feed/v1/<policy>/current.json`: the version in force in each locale at build time, and the next one. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContext } from '#data/astro-site-context.ts';
import { getPolicyPaths } from '#lib/views/static-paths.ts';
import { createCurrentFeed, serializeFeed } from '#lib/feed/feed-data.ts';

export const getStaticPaths = (async () => getPolicyPaths(await getSiteContext())) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => new Response(serializeFeed(createCurrentFeed(await getSiteContext(), params.policy ?? '')), { headers: { 'Content-Type': 'application/json' } });

/** `/feed/v1/<policy>.json`: every published version of one policy, all locales. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContext } from '#data/astro-site-context.ts';
import { getPolicyPaths } from '#lib/views/static-paths.ts';
import { createPolicyFeed, serializeFeed } from '#lib/feed/feed-data.ts';

export const getStaticPaths = (async () => getPolicyPaths(await getSiteContext())) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => new Response(serializeFeed(createPolicyFeed(await getSiteContext(), params.policy ?? '')), { headers: { 'Content-Type': 'application/json' } });

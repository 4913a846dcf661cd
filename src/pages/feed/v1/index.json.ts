/** `/feed/v1/index.json`: every policy, its locales and feeds, and the version in force at build time. */
import type { APIRoute } from 'astro';
import { getSiteContext } from '#data/astro-site-context.ts';
import { createFeedIndex, serializeFeed } from '#lib/feed/feed-data.ts';

export const GET: APIRoute = async () => new Response(serializeFeed(createFeedIndex(await getSiteContext())), { headers: { 'Content-Type': 'application/json' } });

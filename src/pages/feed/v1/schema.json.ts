/** `/feed/v1/schema.json`: the JSON Schema of the feed, generated from the zod schemas the build validates with. */
import type { APIRoute } from 'astro';
import { getSiteContext } from '#data/astro-site-context.ts';
import { serializeFeed } from '#lib/feed/feed-data.ts';
import { getFeedJsonSchema } from '#schemas/feed.ts';

export const GET: APIRoute = async () => {
  const { urls } = await getSiteContext();
  return new Response(serializeFeed(getFeedJsonSchema(urls.absolute(urls.feedSchema()))), { headers: { 'Content-Type': 'application/schema+json' } });
};

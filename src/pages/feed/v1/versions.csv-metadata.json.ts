/** `/feed/v1/versions.csv-metadata.json`: the W3C CSV on the Web description of versions.csv, from the same column list. */
import type { APIRoute } from 'astro';
import { getSiteContext } from '#data/astro-site-context.ts';
import { serializeFeed } from '#lib/feed/feed-data.ts';
import { createVersionsCsvMetadata } from '#lib/feed/versions-table.ts';

export const GET: APIRoute = async () => {
  const { urls } = await getSiteContext();
  return new Response(serializeFeed(createVersionsCsvMetadata(urls.absolute(urls.versionsTable()), urls.absolute(urls.feedSchema()))), {
    headers: { 'Content-Type': 'application/csvm+json' },
  });
};

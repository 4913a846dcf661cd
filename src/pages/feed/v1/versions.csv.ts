/** `/feed/v1/versions.csv`: every published version as one table (RFC 4180), from the same data as the JSON feed. */
import type { APIRoute } from 'astro';
import { getSiteContext } from '#data/astro-site-context.ts';
import { getAllPolicyFeeds } from '#lib/feed/feed-data.ts';
import { createVersionsCsv, getTableVersions } from '#lib/feed/versions-table.ts';

export const GET: APIRoute = async () => {
  const context = await getSiteContext();
  return new Response(createVersionsCsv(getTableVersions(getAllPolicyFeeds(context)), context.settings.timeZone), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};

/** `/feed/v1/<policy>/<locale>/<version>/since.json`: the re-consent answer for users who accepted this version. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContext } from '#data/site-context.ts';
import { getVersionPaths } from '#lib/views/static-paths.ts';
import { serializeFeed } from '#lib/feed/feed-data.ts';
import { createSinceFeed } from '#lib/feed/since-data.ts';
import type { Timeline, TimelineVersion } from '#lib/timeline/timeline.ts';

export const getStaticPaths = (async () => getVersionPaths(await getSiteContext())) satisfies GetStaticPaths;

export const GET: APIRoute<{ timeline: Timeline; version: TimelineVersion }> = async ({ props }) =>
  new Response(serializeFeed(createSinceFeed(await getSiteContext(), props.timeline, props.version)), { headers: { 'Content-Type': 'application/json' } });

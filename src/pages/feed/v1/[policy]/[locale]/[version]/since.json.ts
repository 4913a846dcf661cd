/** `/feed/v1/<policy>/<locale>/<version>/since.json`: the re-consent answer for users who accepted this version. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContext } from '../../../../../../data/site-context.ts';
import { serializeFeed } from '../../../../../../lib/feed/feed-data.ts';
import { createSinceFeed } from '../../../../../../lib/feed/since-data.ts';
import type { Timeline, TimelineVersion } from '../../../../../../lib/timeline.ts';

export const getStaticPaths = (async () =>
  [...(await getSiteContext()).corpus.timelines.values()].flatMap((timeline) =>
    timeline.versions.map((version) => ({ params: { policy: timeline.policy, locale: timeline.locale, version: version.version }, props: { timeline, version } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ timeline: Timeline; version: TimelineVersion }> = async ({ props }) =>
  new Response(serializeFeed(createSinceFeed(await getSiteContext(), props.timeline, props.version)), { headers: { 'Content-Type': 'application/json' } });

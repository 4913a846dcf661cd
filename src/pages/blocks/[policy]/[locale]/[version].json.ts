/**
 * `/blocks/<policy>/<locale>/<version>.json`: a version cut into blocks, as
 * the compare page needs it to diff any two versions in the browser with the
 * same code as the build: kind, text, clause number, list and table context,
 * and the sanitized HTML of each block.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContext, getVersionBlocks } from '../../../../data/site-context.ts';
import { toPublishedBlocks } from '../../../../lib/redline/published-blocks.ts';
import type { TimelineVersion } from '../../../../lib/timeline.ts';

export const getStaticPaths = (async () => {
  const context = await getSiteContext();
  return [...context.corpus.timelines.values()].flatMap((timeline) =>
    timeline.versions.map((version) => ({
      params: { policy: timeline.policy, locale: timeline.locale, version: version.version },
      props: { version },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ version: TimelineVersion }> = async ({ props }) => {
  const { settings } = await getSiteContext();
  return new Response(JSON.stringify(toPublishedBlocks(getVersionBlocks(props.version, settings.basePath))), { headers: { 'Content-Type': 'application/json' } });
};

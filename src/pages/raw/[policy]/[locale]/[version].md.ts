/**
 * The published Markdown of a version, byte for byte what its `sha256`
 * covers (see src/lib/timeline/published-text.ts for the canonical form).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContext } from '#data/site-context.ts';
import { getVersionPaths } from '#lib/views/static-paths.ts';
import { renderPublishedText } from '#lib/timeline/published-text.ts';
import type { TimelineVersion } from '#lib/timeline/timeline.ts';

export const getStaticPaths = (async () => getVersionPaths(await getSiteContext(), { withdrawn: true })) satisfies GetStaticPaths;

export const GET: APIRoute<{ version: TimelineVersion }> = ({ props }) =>
  new Response(renderPublishedText(props.version), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });

/**
 * The published Markdown of a version, byte for byte what its `sha256`
 * covers (see src/lib/timeline/published-text.ts for the canonical form). A
 * build writes these files after its pages (src/lib/build/version-files.ts);
 * this route serves them in dev.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContext, serveVersionFile } from '#data/site-context.ts';
import { getVersionPaths } from '#lib/views/static-paths.ts';

export const getStaticPaths = (async () => (import.meta.env.DEV ? getVersionPaths(await getSiteContext(), { withdrawn: true }) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => serveVersionFile((await getSiteContext()).urls.raw(params.policy ?? '', params.locale ?? '', params.version ?? ''));

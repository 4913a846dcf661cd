/**
 * Every text a published version ever had, by its SHA-256: the text before a
 * correction stays available, so a consent recorded with that hash can still
 * be checked against the exact bytes. A build writes these files after its
 * pages (src/lib/build/version-files.ts); this route serves them in dev.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContext, serveVersionFile } from '#data/site-context.ts';
import { getPublishedHashPaths } from '#lib/views/static-paths.ts';

export const getStaticPaths = (async () => (import.meta.env.DEV ? getPublishedHashPaths(await getSiteContext()) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => serveVersionFile((await getSiteContext()).urls.rawByHash(params.policy ?? '', params.locale ?? '', params.version ?? '', params.sha ?? ''));

/**
 * Every text a published version ever had, by its SHA-256: the text before a
 * correction stays available, so a consent recorded with that hash can still
 * be checked against the exact bytes.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchivedText, getSiteContext } from '#data/site-context.ts';
import { getPublishedHashPaths } from '#lib/views/static-paths.ts';

export const getStaticPaths = (async () => getPublishedHashPaths(await getSiteContext())) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const text = await getArchivedText(params.sha ?? '');
  if (text === null) throw new Error(`The published text ${params.sha} of ${params.policy}/${params.locale}/${params.version} is missing from the archive (policies/.published/).`);
  return new Response(text, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};

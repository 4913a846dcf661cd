/**
 * Every text a published version ever had, by its SHA-256: the text before a
 * correction stays available, so a consent recorded with that hash can still
 * be checked against the exact bytes.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchivedText, getSiteContext } from '../../../../../data/site-context.ts';

export const getStaticPaths = (async () => {
  const context = await getSiteContext();
  return [...context.corpus.timelines.values()].flatMap((timeline) =>
    timeline.versions.flatMap((version) => {
      const published = version.published;
      if (!published) return [];
      const hashes = [...new Set([published.sha256, ...published.corrections.map((correction) => correction.sha256)])];
      return hashes.map((sha) => ({ params: { policy: version.policy, locale: version.locale, version: version.version, sha } }));
    }),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const text = await getArchivedText(params.sha ?? '');
  if (text === null) throw new Error(`The published text ${params.sha} of ${params.policy}/${params.locale}/${params.version} is missing from the archive (policies/.published/).`);
  return new Response(text, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
};

/** `/feed/v1/<policy>/<locale>/atom.xml`: an Atom entry for every version, scheduled ones included. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContext } from '../../../../../data/site-context.ts';
import { createAtomFeed } from '../../../../../lib/feed/change-notifications.ts';

export const getStaticPaths = (async () =>
  [...(await getSiteContext()).corpus.timelines.values()].map((timeline) => ({ params: { policy: timeline.policy, locale: timeline.locale } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(createAtomFeed(await getSiteContext(), params.policy ?? '', params.locale ?? ''), { headers: { 'Content-Type': 'application/atom+xml' } });

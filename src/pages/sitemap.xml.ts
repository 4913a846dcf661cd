/** `/sitemap.xml`. */
import type { APIRoute } from 'astro';
import { getSiteContext } from '#data/astro-site-context.ts';
import { createSitemap } from '#lib/site/sitemap.ts';

export const GET: APIRoute = async () => new Response(createSitemap(await getSiteContext()), { headers: { 'Content-Type': 'application/xml' } });

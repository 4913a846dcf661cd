/** `/robots.txt`. */
import type { APIRoute } from 'astro';
import { getSiteContext } from '#data/astro-site-context.ts';
import { createRobotsTxt } from '#lib/site/sitemap.ts';

export const GET: APIRoute = async () => new Response(createRobotsTxt(await getSiteContext()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * `sitemap.xml` and `robots.txt`: the pages search engines should know, each
 * at its canonical URL — homes, the stable URL of each policy (the main
 * entry), every permanent version page, histories and the developers page.
 * Redlines and the compare and search pages are derived views, left out.
 */
import { escapeXml } from '#lib/feed/change-notifications.ts';
import { formatInstant } from '#lib/time/zoned-time.ts';
import { getSiteLocales } from './language-alternates.ts';
import type { SiteContext } from './site-context.ts';

/** The sitemap (sitemaps.org protocol 0.9). */
export function createSitemap(context: SiteContext): string {
  const { urls, corpus } = context;
  const entries: { path: string; lastmod?: string; priority: string }[] = [];
  for (const locale of getSiteLocales(context)) {
    entries.push({ path: urls.home(locale), priority: '0.8' });
    entries.push({ path: urls.developers(locale), priority: '0.3' });
  }
  for (const timeline of corpus.timelines.values()) {
    const latest = timeline.versions.at(-1);
    entries.push({ path: urls.current(timeline.policy, timeline.locale), priority: '1.0', ...(latest ? { lastmod: formatInstant(latest.effectiveFrom).slice(0, 10) } : {}) });
    entries.push({ path: urls.history(timeline.policy, timeline.locale), priority: '0.5' });
    for (const version of timeline.versions) {
      entries.push({ path: urls.version(version.policy, version.locale, version.version), lastmod: formatInstant(version.effectiveFrom).slice(0, 10), priority: '0.4' });
    }
  }
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const entry of entries) {
    lines.push(`  <url><loc>${escapeXml(urls.absolute(entry.path))}</loc>${entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : ''}<priority>${entry.priority}</priority></url>`);
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

/** `robots.txt`: everything may be crawled; the sitemap says where the pages are. */
export function createRobotsTxt(context: SiteContext): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${context.urls.absolute(context.urls.sitemap())}`, ''].join('\n');
}

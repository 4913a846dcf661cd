/**
 * Every path a build writes, from the same route functions the pages use
 * (`views/static-paths.ts`), with the version whose text a page shows: what
 * a link inside a policy may point to, and which anchors it may name.
 */
import { getCorrectionPaths, getCurrentPaths, getHistoryPaths, getLocalePaths, getPolicyPaths, getPublishedHashPaths, getRedlinePaths, getTimelinePaths, getVersionPaths } from './static-paths.ts';
import type { SiteContext } from '#lib/site/site-context.ts';

/** Paths of the build (with the base path, as links on the pages are), and the id of the version each page shows, or null. */
export type SitePages = ReadonlyMap<string, string | null>;

/** Every page and file of a build at the context's "now". */
export function getSitePages(context: SiteContext): SitePages {
  const { urls } = context;
  const base = new URL(context.settings.siteUrl).pathname;
  const pages = new Map<string, string | null>([
    [base, null],
    [`${base}404.html`, null],
    [`${base}robots.txt`, null],
    [urls.sitemap(), null],
    [urls.feedIndex(), null],
    [urls.feedSchema(), null],
    [urls.kit(), null],
  ]);
  for (const { params } of getLocalePaths(context)) {
    for (const path of [urls.home(params.locale), urls.search(params.locale), urls.developers(params.locale)]) pages.set(path, null);
  }
  for (const { params } of getPolicyPaths(context)) {
    pages.set(urls.policyFeed(params.policy), null);
    pages.set(urls.currentJson(params.policy), null);
  }
  for (const { params: p } of getTimelinePaths(context)) {
    for (const path of [urls.atom(p.policy, p.locale), urls.jsonFeed(p.policy, p.locale), urls.timemap(p.policy, p.locale)]) pages.set(path, null);
  }
  for (const { params: p } of getVersionPaths(context)) {
    pages.set(urls.version(p.policy, p.locale, p.version), `${p.policy}/${p.locale}/${p.version}`);
    for (const path of [urls.raw(p.policy, p.locale, p.version), urls.blocks(p.policy, p.locale, p.version), urls.since(p.policy, p.locale, p.version)]) pages.set(path, null);
  }
  for (const { params: p, props } of getCurrentPaths(context)) pages.set(urls.current(p.policy, p.locale), props.version.id);
  for (const { params: p } of getHistoryPaths(context)) pages.set(urls.history(p.policy, p.locale), null);
  for (const { params: p } of getHistoryPaths(context, 2)) pages.set(urls.compare(p.policy, p.locale), null);
  for (const { params: p } of getCorrectionPaths(context)) pages.set(urls.correction(p.policy, p.locale, p.version, Number(p.n)), null);
  for (const { params: p } of getPublishedHashPaths(context)) pages.set(urls.rawByHash(p.policy, p.locale, p.version, p.sha), null);
  for (const { params: p } of getRedlinePaths(context)) pages.set(urls.diff(p.policy, p.locale, p.from, p.to), null);
  return pages;
}

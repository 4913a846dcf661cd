/**
 * Everything a page needs to know about the build, in one plain object that
 * page-model functions take: settings, the corpus, URL builders and "now".
 */
import type { PolicyCorpus } from '#lib/timeline/policy-corpus.ts';
import { createEmptySiteLog, type SiteLog } from '#lib/log/site-log.ts';
import type { SiteSettings } from './site-settings.ts';
import { createSiteUrls, type SiteUrls } from './site-urls.ts';

/** The inputs of every page model. */
export interface SiteContext {
  settings: SiteSettings;
  corpus: PolicyCorpus;
  urls: SiteUrls;
  /** The instant the build treats as now, epoch ms. */
  now: number;
  /** The public log of the site (src/lib/log/site-log.ts). */
  log: SiteLog;
}

/** A context from its parts (the URL builders follow from the settings); without a log, an empty one. */
export function createSiteContext(settings: SiteSettings, corpus: PolicyCorpus, now: number, log?: SiteLog): SiteContext {
  return { settings, corpus, urls: createSiteUrls(settings.siteUrl), now, log: log ?? createEmptySiteLog(settings.siteUrl, settings.logVerifierKey ?? null) };
}

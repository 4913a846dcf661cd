/**
 * Everything a page needs to know about the build, in one plain object that
 * page-model functions take: settings, the corpus, URL builders and "now".
 */
import type { PolicyCorpus } from '#lib/timeline/policy-corpus.ts';
import type { SiteSettings } from './site-settings.ts';
import { createSiteUrls, type SiteUrls } from './site-urls.ts';

/** The inputs of every page model. */
export interface SiteContext {
  settings: SiteSettings;
  corpus: PolicyCorpus;
  urls: SiteUrls;
  /** The instant the build treats as now, epoch ms. */
  now: number;
}

/** A context from its parts (the URL builders follow from the settings). */
export function createSiteContext(settings: SiteSettings, corpus: PolicyCorpus, now: number): SiteContext {
  return { settings, corpus, urls: createSiteUrls(settings.siteUrl), now };
}

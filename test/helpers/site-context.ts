/** A small site context for unit tests of page models, feeds and consent checks. */
import { buildPolicyCorpus } from '#lib/timeline/policy-corpus.ts';
import type { PolicyVersion } from '#lib/timeline/policy-version.ts';
import { createSiteContext, type SiteContext } from '#lib/site/site-context.ts';
import { resolveSiteSettings } from '#lib/site/site-settings.ts';
import { makeVersion } from './versions.ts';

/** The versions of {@link createTestContext}: privacy ru (3, one scheduled after 2026-11-26), privacy en (1), consent ru (1). */
export const TEST_VERSIONS: PolicyVersion[] = [
  makeVersion({ version: '2023-03-01', effective: '2023-02-28T21:00:00Z' }),
  makeVersion({ version: '2025-09-01', effective: '2025-08-31T21:00:00Z', summary: ['Новый пункт 3.5'] }),
  makeVersion({ version: '2027-01-01', effective: '2026-12-31T21:00:00Z', changeType: 'editorial', summary: ['Опечатки'] }),
  makeVersion({ version: '2025-09-01', locale: 'en', title: 'Privacy Policy', effective: '2025-08-31T21:00:00Z' }),
  makeVersion({ policy: 'consent', version: '2025-09-01', title: 'Согласие', effective: '2025-08-31T21:00:00Z' }),
];

/** A context at `now` over {@link TEST_VERSIONS}, served under /legal/. */
export function createTestContext(now = '2026-11-26T12:00:00Z', versions: PolicyVersion[] = TEST_VERSIONS): SiteContext {
  const settings = resolveSiteSettings(
    {
      siteUrl: 'https://example.com/legal/',
      defaultLocale: 'ru',
      timeZone: 'Europe/Moscow',
      siteTitle: { ru: 'Документы', en: 'Documents' },
      feedTagAuthority: 'example.com,2025',
    },
    {},
    '/p',
  );
  return createSiteContext(settings, buildPolicyCorpus(versions), Date.parse(now));
}

/**
 * Settings of this site. The sample content is the privacy policy of a Russian
 * legal-services website; replace the values below with your own.
 */
import type { SiteConfigInput } from '#schemas/site-config.ts';

export default {
  // Where the built site is served, with its base path. SITE_URL overrides it.
  siteUrl: 'https://policies.example.com/',
  defaultLocale: 'ru',
  // `effective: 2025-09-01` means 00:00 Moscow time on 1 September 2025.
  timeZone: 'Europe/Moscow',
  siteTitle: {
    ru: 'Правовые документы ALLJUS.RU',
    en: 'ALLJUS.RU legal documents',
  },
  publisher: {
    ru: 'Администратор сайта ALLJUS.RU (пример)',
    en: 'ALLJUS.RU site administrator (example)',
  },
  // The fixed part of every feed entry id (tag:policies.example.com,2023:privacy/ru/…); never change it once published.
  feedTagAuthority: 'policies.example.com,2023',
  // Origins that may show the policies in an <iframe> (a sign-up form); none by default.
  frameAncestors: [],
  // POLICIES_DIR overrides it, e.g. to build a content repository checked out elsewhere.
  policiesDir: 'policies',
  // Clause 6.2 of the privacy policy promises notice «не позднее чем за 10 (десять) дней»: publish refuses less
  // for a material version unless the reason is recorded (publish --short-notice "<reason>").
  notice: { policies: { privacy: { material: 10 } } },
} satisfies SiteConfigInput;

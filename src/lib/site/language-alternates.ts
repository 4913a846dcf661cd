/**
 * Where the language switch of a page leads: the same version in the other
 * language when it exists, else that policy's current version there, else
 * that language's home page. Also the `hreflang` alternates of the page.
 */
import { getTimeline, getVersion } from '#lib/timeline/policy-corpus.ts';
import { getReferenceText } from '#lib/timeline/timeline.ts';
import type { SiteContext } from './site-context.ts';

/** A page in another language. `exact` when it is the same content translated. */
export interface LanguageAlternate {
  locale: string;
  href: string;
  exact: boolean;
}

/** What a page is about, for finding its counterparts. */
export type PageSubject = { kind: 'home' } | { kind: 'developers' } | { kind: 'search' } | { kind: 'current'; policy: string } | { kind: 'history'; policy: string } | { kind: 'version'; policy: string; version: string };

/**
 * The counterpart of a page in every locale of the site (the page's own
 * locale included, as `hreflang` requires).
 */
export function getLanguageAlternates(context: SiteContext, subject: PageSubject): LanguageAlternate[] {
  const { corpus, urls } = context;
  const locales = getSiteLocales(context);
  return locales.map((locale) => {
    const home = { locale, href: urls.home(locale), exact: subject.kind === 'home' };
    if (subject.kind === 'home') return home;
    if (subject.kind === 'developers') return { locale, href: urls.developers(locale), exact: true };
    if (subject.kind === 'search') return { locale, href: urls.search(locale), exact: true };
    const timeline = getTimeline(corpus, subject.policy, locale);
    if (!timeline) return home;
    if (subject.kind === 'version') {
      return getVersion(corpus, subject.policy, locale, subject.version)
        ? { locale, href: urls.version(subject.policy, locale, subject.version), exact: true }
        : { locale, href: urls.current(subject.policy, locale), exact: false };
    }
    // A stable page that shows an earlier text for reference only is not a translation of one that shows the version in force.
    return subject.kind === 'history'
      ? { locale, href: urls.history(subject.policy, locale), exact: true }
      : { locale, href: urls.current(subject.policy, locale), exact: getReferenceText(timeline, context.now) === undefined };
  });
}

/** Locales with pages: the default locale first, then those with content. */
export function getSiteLocales(context: SiteContext): string[] {
  const { defaultLocale } = context.settings;
  return [defaultLocale, ...context.corpus.locales.filter((locale) => locale !== defaultLocale)];
}

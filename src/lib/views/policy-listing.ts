/**
 * The home page of a language: each policy with the title and date of the
 * version in force there, and the policies that exist only in other
 * languages (so a reader of the English page still finds them).
 */
import { formatEffectiveDate, getLanguageName } from '#lib/time/format-date.ts';
import { getEntryInForceAt, getPolicyLocales, getTimeline } from '#lib/timeline/policy-corpus.ts';
import type { SiteContext } from '#lib/site/site-context.ts';
import { getCurrentVersion, getVersionStatus } from '#lib/timeline/timeline.ts';
import { getUiStrings } from '#lib/site/ui-strings.ts';

/** One policy on the home page. */
interface PolicyListItem {
  policy: string;
  title: string;
  /** «действует с 1 сентября 2025 г.» or «вступает в силу …». */
  statusText: string;
  currentHref: string;
  historyHref: string;
}

/** A policy available only in other languages. */
interface ElsewherePolicy {
  policy: string;
  links: { locale: string; languageName: string; title: string; href: string }[];
}

/** The home page of one locale. */
export interface PolicyListing {
  items: PolicyListItem[];
  elsewhere: ElsewherePolicy[];
}

/** Lists the policies for the home page of `locale`. */
export function getPolicyListing(context: SiteContext, locale: string): PolicyListing {
  const { corpus, urls, settings, now } = context;
  const ui = getUiStrings(locale);
  const items: PolicyListItem[] = [];
  const elsewhere: ElsewherePolicy[] = [];
  for (const policy of corpus.policies) {
    const timeline = getTimeline(corpus, policy, locale);
    const current = timeline && getCurrentVersion(timeline, now);
    if (current) {
      const date = formatEffectiveDate(current.effectiveFrom, ui.lang, settings.timeZone);
      const status = getVersionStatus(current, now);
      // The version in force has no text in this language: the listing says so rather than date the old text.
      const inForce = status === 'superseded' ? getEntryInForceAt(corpus, policy, locale, now) : undefined;
      items.push({
        policy,
        title: current.title,
        statusText: inForce ? ui.inForceElsewhere(formatEffectiveDate(inForce.effectiveFrom, ui.lang, settings.timeZone)) : status === 'scheduled' ? ui.notYetInForce(date) : ui.inForceSince(date),
        currentHref: urls.current(policy, locale),
        historyHref: urls.history(policy, locale),
      });
      continue;
    }
    elsewhere.push({
      policy,
      links: getPolicyLocales(corpus, policy).flatMap((other) => {
        const otherTimeline = getTimeline(corpus, policy, other);
        const otherCurrent = otherTimeline && getCurrentVersion(otherTimeline, now);
        return otherCurrent ? [{ locale: other, languageName: getLanguageName(other), title: otherCurrent.title, href: urls.current(policy, other) }] : [];
      }),
    });
  }
  return { items, elsewhere };
}

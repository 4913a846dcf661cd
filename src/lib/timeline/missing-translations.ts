/**
 * The versions in force or scheduled that lack a text in a language the
 * policy was published in before. Translations share one timeline, so from
 * the instant such a version takes effect, that language's pages can show
 * only the previous text, "for reference only": legal staff must know before
 * a reader finds out. A warning, not an error: a version may be published in
 * one language on purpose (the site then says where its text is).
 */
import type { Problem } from '#lib/corpus/problem.ts';
import { problemText } from '#lib/messages/message-catalog.ts';
import { formatZonedInstant } from '#lib/time/zoned-time.ts';
import { getTextElsewhere, type PolicyCorpus } from './policy-corpus.ts';

/**
 * One warning per version in force at `now` or scheduled after it, and per
 * locale that has a text of an earlier version of the policy but not of it.
 * Locales that are independent documents have their own timelines: nothing
 * is missing there.
 */
export function findMissingTranslations(corpus: PolicyCorpus, now: number, timeZone: string, defaultLocale: string): Problem[] {
  if (corpus.localeModel !== 'translations') return [];
  const when = (instant: number) => formatZonedInstant(instant, timeZone);
  const warnings: Problem[] = [];
  for (const timeline of corpus.versionTimelines.values()) {
    const earlier = new Set<string>();
    for (const entry of timeline.entries) {
      const current = entry.effectiveUntil === null || entry.effectiveUntil > now;
      const missing = [...earlier].filter((locale) => !entry.locales.includes(locale)).sort();
      const text = getTextElsewhere(corpus, entry, defaultLocale);
      if (current && text) {
        for (const locale of missing) {
          warnings.push({
            file: text.file,
            line: 1,
            severity: 'warning',
            code: 'missing-translation',
            ...problemText('missingTranslation', {
              policy: entry.policy,
              version: entry.version,
              inForce: entry.effectiveFrom <= now,
              effective: when(entry.effectiveFrom),
              locale,
              written: text.effective,
              locales: entry.locales.join(', '),
            }),
          });
        }
      }
      for (const locale of entry.locales) earlier.add(locale);
    }
  }
  return warnings;
}
